/**
 * OASIS CAP 1.2 export of Enlace streams: pure functions from recorded events to an `<alert>` document (no framework,
 * no I/O). One alert version per stream revision that changes the alert; `incidentAlert` and `notificationAlert`
 * answer the latest version, referencing every earlier one. Schema: libs/cap/schema/CAP-v1.2.xsd.
 */
export {
  CAP_LANGUAGES,
  CAP_MEDIA_TYPE,
  CAP_NAMESPACE,
  capDateTime,
  capIdentifier,
  renderCapAlert,
  type CapAlert,
  type CapArea,
  type CapAreaBlock,
  type CapCategory,
  type CapCertainty,
  type CapInfo,
  type CapMsgType,
  type CapOptions,
  type CapResponseType,
  type CapScope,
  type CapSeverity,
  type CapStatus,
  type CapUrgency,
  type CapValuePair,
} from './alert.js';
export {
  buildIncidentAlert,
  foldIncident,
  incidentAlert,
  incidentArea,
  incidentCategories,
  incidentSubject,
} from './incident-alert.js';
export {
  buildNotificationAlert,
  foldNotification,
  notificationAlert,
  notificationVersions,
  type NotificationCapOptions,
} from './notification-alert.js';
export { escapeXml } from './xml.js';
