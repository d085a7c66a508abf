// What an officer does to a notification once issued, besides acknowledging: edit it and cancel it (the issuing
// side), and record an acknowledgment heard by phone, radio or in person for an agency of their side without an
// account. Each is a form inside the notification's card.
import { useState, type FormEvent } from 'react';
import { request } from '../api/client';
import { ON_BEHALF_CHANNELS, type NotificationStatus, type OnBehalfChannel, type Severity } from '../api/types';
import { BilingualFields, BiText, ChoiceField, FormProblems, SeveritySelect, SubmitButton } from '../components/common';
import {
  editConflicts,
  fromLocalInput,
  noticeChanges,
  noticeOf,
  toLocalInput,
  type NoticeField,
  type NoticeFields,
  type RecipientRow,
} from '../components/notification-card';
import { useWorldNow } from '../drills/hooks';
import { bilingualInput } from '../i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { useSignedIn } from '../session/SessionProvider';
import { useWrite } from '../state/DataProvider';
import { browserZone, formatTime, zoneAbbreviation } from '../time/format';

const DEADLINE_MINUTES = [15, 30, 60, 120, 240];

const asFields = (text: { en?: string; es?: string }) => ({ en: text.en ?? '', es: text.es ?? '' });

export function EditNotification({
  notification,
  zone,
  onDone,
}: {
  notification: NotificationStatus;
  zone: string;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const c = t.notificationCards;
  const { token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const worldNow = useWorldNow(1000);
  const id = notification.notificationId;
  // What the form opened with: the changes are the fields that differ from it, and a field someone else changed
  // since is shown beside the officer's value rather than silently overwritten.
  const [base, setBase] = useState<NoticeFields>(() => noticeOf(notification));
  const [title, setTitle] = useState(() => asFields(notification.title));
  const [body, setBody] = useState(() => asFields(notification.body));
  const [severity, setSeverity] = useState<Severity>(notification.severity);
  const [minutes, setMinutes] = useState(0);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [conflicts, setConflicts] = useState<{ fields: NoticeField[]; current: NoticeFields } | undefined>(undefined);
  const [checking, setChecking] = useState(false);

  const draft = (): NoticeFields => ({
    title: bilingualInput(title.en, title.es),
    body: bilingualInput(body.en, body.es),
    severity,
    acknowledgmentDeadline:
      minutes > 0 ? new Date(worldNow + minutes * 60_000).toISOString() : base.acknowledgmentDeadline,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = draft();
    if (!wanted.title.en && !wanted.title.es) return setProblem(`${t.notificationTitle}: ${t.atLeastOneLanguage}`);
    if (!wanted.body.en && !wanted.body.es) return setProblem(`${t.notificationBody}: ${t.atLeastOneLanguage}`);
    const changes = noticeChanges(base, wanted);
    if (Object.keys(changes).length === 0) return setProblem(t.nothingChanged);
    setProblem(undefined);
    setChecking(true);
    void (async () => {
      // The latest revision, read now: acknowledgments and deliveries since the form opened change none of these
      // fields, so they do not refuse the save; a change to the same field does, and both values are shown. (If it
      // cannot be read, the card's revision goes: the api answers a stale one with 409.)
      const latest = await request<NotificationStatus>('GET', `/api/notifications/${id}`, { token }).catch(
        () => notification,
      );
      const current = noticeOf(latest);
      const clashing = editConflicts(base, current, changes);
      if (clashing.length > 0) {
        setConflicts({ fields: clashing, current });
        setBase(current);
        return;
      }
      setConflicts(undefined);
      const result = await write.run('PATCH', `/api/notifications/${id}`, changes, { ifMatch: latest.revision });
      if (!result) return;
      announce(c.updated);
      onDone();
    })().finally(() => setChecking(false));
  };

  const show = (field: NoticeField, value: NoticeFields[NoticeField]) => {
    if (typeof value === 'object') return <BiText value={value} />;
    if (field === 'severity') return t.severity[value as Severity];
    return formatTime(value, zone, lang)?.text ?? value;
  };
  const fieldLabel: Record<NoticeField, string> = {
    title: t.notificationTitle,
    body: t.notificationBody,
    severity: t.severityLabel,
    acknowledgmentDeadline: t.deadline,
  };
  const mine = draft();
  const keep = formatTime(base.acknowledgmentDeadline, zone, lang)?.text ?? '';

  return (
    <form
      className="form notification-form"
      onSubmit={onSubmit}
      data-testid={`edit-notification-${id}`}
      aria-labelledby={`edit-heading-${id}`}
      noValidate
    >
      <h4 id={`edit-heading-${id}`}>{c.editHeading}</h4>
      <BilingualFields
        label={t.notificationTitle}
        value={title}
        onChange={setTitle}
        required
        name={`edit-title-${id}`}
      />
      <BilingualFields
        label={t.notificationBody}
        value={body}
        onChange={setBody}
        multiline
        required
        name={`edit-body-${id}`}
      />
      <div className="form-row">
        <SeveritySelect id={`edit-severity-${id}`} value={severity} onChange={setSeverity} />
        <div className="field">
          <label htmlFor={`edit-deadline-${id}`}>{t.deadline}</label>
          <select
            id={`edit-deadline-${id}`}
            value={minutes}
            onChange={(event) => setMinutes(Number(event.target.value))}
          >
            <option value={0}>{c.keepDeadline(keep)}</option>
            {DEADLINE_MINUTES.map((value) => (
              <option key={value} value={value}>
                {c.fromNow(value < 60 ? t.minutes(value) : t.hours(value / 60))}
              </option>
            ))}
          </select>
        </div>
      </div>
      {conflicts ? (
        <div className="alert alert-warning" role="alert" data-testid="edit-conflict">
          <p>{c.conflict}</p>
          <table className="table">
            <thead>
              <tr>
                <td />
                <th scope="col">{c.yours}</th>
                <th scope="col">{c.now}</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.fields.map((field) => (
                <tr key={field} data-testid={`conflict-${field}`}>
                  <th scope="row">{fieldLabel[field]}</th>
                  <td>{show(field, mine[field])}</td>
                  <td>{show(field, conflicts.current[field])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <FormProblems problem={problem} error={write.error} />
      <div className="inline">
        <SubmitButton pending={write.pending || checking} label={c.saveChanges} className="btn btn-primary" />
        <button type="button" className="btn" onClick={onDone}>
          {c.keep}
        </button>
      </div>
    </form>
  );
}

export function CancelNotification({ notification, onDone }: { notification: NotificationStatus; onDone: () => void }) {
  const { t } = useI18n();
  const c = t.notificationCards;
  const { token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const [reason, setReason] = useState({ en: '', es: '' });
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const id = notification.notificationId;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const text = bilingualInput(reason.en, reason.es);
    if (!text.en && !text.es) return setProblem(`${c.cancelReason}: ${t.atLeastOneLanguage}`);
    setProblem(undefined);
    // No If-Match: an acknowledgment or a delivery meanwhile does not make a cancellation wrong, and a second one is
    // refused by the rules (NOTIFICATION.CANCELLED).
    void write.run('POST', `/api/notifications/${id}/cancellation`, { reason: text }).then((result) => {
      if (!result) return;
      announce(c.cancelledNotice);
      onDone();
    });
  };

  return (
    <form
      className="form notification-form"
      onSubmit={onSubmit}
      data-testid={`cancel-notification-${id}`}
      aria-labelledby={`cancel-heading-${id}`}
      noValidate
    >
      <h4 id={`cancel-heading-${id}`}>{c.cancelHeading}</h4>
      <BilingualFields
        label={c.cancelReason}
        value={reason}
        onChange={setReason}
        multiline
        required
        name={`cancel-reason-${id}`}
      />
      <FormProblems problem={problem} error={write.error} />
      <div className="inline">
        <SubmitButton pending={write.pending} label={c.confirmCancel} className="btn btn-danger" />
        <button type="button" className="btn" onClick={onDone}>
          {c.keep}
        </button>
      </div>
    </form>
  );
}

export function AcknowledgeOnBehalf({
  notification,
  candidates,
  nameOf,
  onDone,
}: {
  notification: NotificationStatus;
  candidates: RecipientRow[];
  /** The agency's name in the reader's language, when its mechanism names it. */
  nameOf: (row: RecipientRow) => string | undefined;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const c = t.notificationCards;
  const { token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const worldNow = useWorldNow(60_000);
  const [agency, setAgency] = useState(candidates[0]?.agency ?? '');
  const [channel, setChannel] = useState<OnBehalfChannel>('phone');
  const [time, setTime] = useState(() => toLocalInput(worldNow));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const id = notification.notificationId;
  const zone = zoneAbbreviation(new Date(worldNow), browserZone());
  const chosen = candidates.find((row) => row.agency === agency) ?? candidates[0];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const acknowledgedAt = fromLocalInput(time);
    if (!acknowledgedAt) return setProblem(c.timeRequired);
    if (!chosen) return;
    setProblem(undefined);
    void write
      .run('POST', `/api/notifications/${id}/acknowledgments-on-behalf`, {
        agency: chosen.agency,
        side: chosen.side,
        channel,
        acknowledgedAt,
      })
      .then((result) => {
        if (!result) return;
        announce(c.onBehalfRecorded);
        onDone();
      });
  };

  return (
    <form
      className="form notification-form"
      onSubmit={onSubmit}
      data-testid={`on-behalf-${id}`}
      aria-labelledby={`on-behalf-heading-${id}`}
      noValidate
    >
      <h4 id={`on-behalf-heading-${id}`}>{c.onBehalfHeading}</h4>
      <p className="hint">{c.onBehalfHint}</p>
      <div className="form-row">
        <ChoiceField
          id={`on-behalf-agency-${id}`}
          label={c.onBehalfAgency}
          value={chosen?.agency ?? ''}
          values={candidates.map((row) => row.agency)}
          labelOf={(value) => {
            const row = candidates.find((candidate) => candidate.agency === value)!;
            const name = nameOf(row);
            return `${name ? `${name} — ` : ''}${value} (${t.side[row.side]})`;
          }}
          onChange={setAgency}
        />
        <ChoiceField
          id={`on-behalf-channel-${id}`}
          label={c.onBehalfChannel}
          value={channel}
          values={ON_BEHALF_CHANNELS}
          labelOf={(value) => c.channelOption[value]}
          onChange={setChannel}
        />
        <div className="field">
          <label htmlFor={`on-behalf-time-${id}`}>{c.onBehalfTime(zone)}</label>
          <input
            id={`on-behalf-time-${id}`}
            type="datetime-local"
            step={1}
            value={time}
            onChange={(event) => setTime(event.target.value)}
          />
        </div>
      </div>
      <FormProblems problem={problem} error={write.error} />
      <div className="inline">
        <SubmitButton pending={write.pending} label={c.onBehalfSubmit} className="btn btn-primary" />
        <button type="button" className="btn" onClick={onDone}>
          {c.keep}
        </button>
      </div>
    </form>
  );
}
