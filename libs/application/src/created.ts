/** What a command created that a client may want to name next: its kind and its id. */
export interface Created {
  type: string;
  id: string;
}

/** The event fields that carry the id of what each kind of event creates. */
const CREATES: Readonly<Record<string, { type: string; id: (data: Record<string, unknown>) => unknown }>> = {
  IncidentReported: { type: 'incident', id: (data) => data.incidentId },
  ProtectiveActionOrdered: { type: 'protective-action', id: (data) => data.actionId },
  SituationReportFiled: { type: 'situation-report', id: (data) => data.reportId },
  PortShutdownDeclared: { type: 'shutdown', id: (data) => data.shutdownId },
  ChecklistItemAdded: { type: 'checklist-item', id: (data) => (data.item as { id?: unknown } | undefined)?.id },
  BlmNotificationIssued: { type: 'notification', id: (data) => data.notificationId },
  DrillPlanned: { type: 'drill', id: (data) => data.drillId },
  DrillObservationRecorded: { type: 'observation', id: (data) => data.observationId },
};

/** What `event` created (a protective action, a situation report, a shutdown…), if it created something with an id. */
export function createdBy(event: { type: string; data: unknown }): Created | undefined {
  const creates = CREATES[event.type];
  if (!creates || typeof event.data !== 'object' || event.data === null) return undefined;
  const id = creates.id(event.data as Record<string, unknown>);
  return typeof id === 'string' ? { type: creates.type, id } : undefined;
}
