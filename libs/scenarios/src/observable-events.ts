import type { ObservableEventType } from './scenario.types.js';

/**
 * Every incident, port and notification event, so an expected action or a measure can name any of them. A record
 * (not a list) so the compiler refuses it the day the domain adds an event type this file does not know.
 */
const OBSERVABLE: Record<ObservableEventType, true> = {
  IncidentReported: true,
  IncidentUpdated: true,
  ProtectiveActionOrdered: true,
  ProtectiveActionLifted: true,
  SituationReportFiled: true,
  NationalCenterNotified: true,
  CounterpartCenterNotified: true,
  JointResponseTeamActivated: true,
  JointResponseTeamStandDownAgreed: true,
  JointResponseTeamDeactivated: true,
  OnSceneCoordinatorAssigned: true,
  IncidentTextTranslated: true,
  IncidentClosed: true,
  PortShutdownDeclared: true,
  PortShutdownWidened: true,
  PortShutdownJoined: true,
  ChecklistItemCompleted: true,
  ChecklistItemWaived: true,
  ChecklistItemReopened: true,
  ChecklistItemAdded: true,
  ResumptionSignedOff: true,
  ResumptionSignOffWithdrawn: true,
  PortLanesReopened: true,
  PortReopened: true,
  BlmNotificationIssued: true,
  BlmNotificationUpdated: true,
  BlmNotificationAcknowledged: true,
  BlmNotificationAcknowledgedOnBehalf: true,
  BlmNotificationCancelled: true,
  BlmNotificationDelivered: true,
  BlmNotificationDeliveryFailed: true,
  BlmNotificationDeliveryAbandoned: true,
  BlmNotificationEscalated: true,
};

export const OBSERVABLE_EVENT_TYPES = Object.keys(OBSERVABLE) as ObservableEventType[];

/** Events whose checklist item an objective may name. */
export const CHECKLIST_ITEM_EVENTS: readonly ObservableEventType[] = [
  'ChecklistItemCompleted',
  'ChecklistItemWaived',
  'ChecklistItemReopened',
];
