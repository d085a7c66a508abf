// An event's type as people read it, in the console's language, with the exact name the record and the filters use.
import type { Messages } from '../i18n';
import { useI18n } from '../i18n/I18nProvider';

/** The type's name in the console's language (the sign-in journal's types are named there), else the type itself. */
export function eventTypeLabel(t: Messages, type: string): string {
  return t.audit.eventType[type] ?? t.activityType[type as keyof typeof t.activityType] ?? type;
}

export function EventType({ type }: { type: string }) {
  const { t } = useI18n();
  const label = eventTypeLabel(t, type);
  return (
    <span className="event-type">
      {label}
      {label !== type ? (
        <code className="event-type-code" translate="no">
          {type}
        </code>
      ) : null}
    </span>
  );
}
