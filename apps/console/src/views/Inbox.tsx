// The notifications inbox: BLM notifications for the officer's mechanisms, what awaits the officer's agency first,
// a ticking countdown to each deadline, overdue ones marked in words, acknowledgment in one click, and issuing one.
import { useState, type FormEvent } from 'react';
import { type IncidentBoardEntry, type NotificationStatus, type PortStatus, type Severity } from '../api/types';
import {
  BilingualFields,
  BiText,
  ErrorAlert,
  ExerciseBanner,
  ExerciseTag,
  FormProblems,
  Loadable,
  LocalTime,
  SeverityChip,
  SeveritySelect,
  SubmitButton,
} from '../components/common';
import { usePorts, useTitle, useZones } from '../components/hooks';
import { useWorldNow } from '../drills/hooks';
import { isRecipient, sortInbox, type InboxState } from '../components/inbox';
import { notificationState, useMyMechanisms } from '../components/notifications';
import { useResource, useWrite } from '../state/DataProvider';
import { bilingualInput, plainText } from '../i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { Link } from '../router/Router';
import { canWrite } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { deadlineStatus } from '../time/format';
import { portName } from './Overview';
import './inbox.css';

const STATE_ICON: Record<InboxState, string> = { pending: '◷', overdue: '⚠', acknowledged: '✔', cancelled: '⊘' };

function NotificationCard({
  notification,
  now,
  ports,
}: {
  notification: NotificationStatus;
  now: number;
  ports: PortStatus[];
}) {
  const { t, lang } = useI18n();
  const { user, token } = useSignedIn();
  const { announce, exerciseStreams } = useLive();
  const zones = useZones();
  const write = useWrite(token);
  const state = notificationState(notification, user, now);
  const deadline = deadlineStatus(notification.acknowledgmentDeadline, now);
  const zone = notification.subject.portId ? zones.port(notification.subject.portId) : zones.blm(notification.blmId);
  const recipient = isRecipient(notification, user);
  const port = ports.find((candidate) => candidate.id === notification.subject.portId);
  const titleId = `notification-title-${notification.notificationId}`;

  return (
    <li
      className={`notification notification-${state}`}
      data-testid={`notification-${notification.notificationId}`}
      data-state={state}
      aria-labelledby={titleId}
    >
      <div className="notification-head">
        <span className={`state-chip state-${state}`}>
          <span aria-hidden="true">{STATE_ICON[state]} </span>
          {t.notificationState[state]}
        </span>
        <SeverityChip severity={notification.severity} />
        {exerciseStreams.has(`notification-${notification.notificationId}`) ? <ExerciseTag /> : null}
      </div>
      <h3 id={titleId}>
        <BiText value={notification.title} />
      </h3>
      <p className="notification-body">
        <BiText value={notification.body} />
      </p>
      <p className="notification-deadline">
        <strong>{t.deadline}:</strong> <LocalTime iso={notification.acknowledgmentDeadline} zone={zone} />
        {state === 'pending' || state === 'overdue' ? (
          <span className={deadline.overdue ? 'countdown countdown-overdue' : 'countdown'}>
            {' · '}
            {deadline.overdue ? t.overdueBy(deadline.remaining) : t.dueIn(deadline.remaining)}
          </span>
        ) : null}
      </p>
      <p className="muted small">
        {t.issuedBy(notification.issuedBy.agency, t.side[notification.issuedBy.side])} ·{' '}
        <LocalTime iso={notification.issuedAt} zone={zone} />
        {notification.subject.incidentId ? (
          <>
            {' · '}
            <Link to={{ name: 'incident', incidentId: notification.subject.incidentId }}>{t.aboutIncident}</Link>
          </>
        ) : null}
        {port ? (
          <>
            {' · '}
            <Link to={{ name: 'port', portId: port.id }}>
              {t.aboutPort}: {portName(port, lang)}
            </Link>
          </>
        ) : null}
      </p>
      {/* Open for the issuing agency, which follows who has acknowledged. */}
      <details
        className="recipients"
        open={notification.issuedBy.agency === user.agency && notification.issuedBy.side === user.country}
      >
        <summary>
          {t.recipients} ({notification.recipients.length - notification.pending.length}/
          {notification.recipients.length})
        </summary>
        <ul className="plain">
          {notification.recipients.map((r) => {
            const ack = notification.acknowledgments.find((a) => a.agency === r.agency && a.side === r.side);
            return (
              <li
                key={`${r.side}-${r.agency}`}
                data-testid={`recipient-${r.side}-${r.agency}`}
                data-acknowledged={Boolean(ack)}
              >
                <span aria-hidden="true">{ack ? '✔ ' : '○ '}</span>
                {ack ? t.acknowledgedBy(r.agency, t.side[r.side]) : t.awaiting(r.agency, t.side[r.side])}
                {ack ? (
                  <>
                    {' · '}
                    <LocalTime iso={ack.at} zone={zone} />
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
        {notification.escalations.map((escalation) => (
          <p key={escalation.tier} className="small">
            <span aria-hidden="true">⚠ </span>
            {t.escalated(escalation.tier)} · <LocalTime iso={escalation.at} zone={zone} />
          </p>
        ))}
      </details>
      {(state === 'pending' || state === 'overdue') && recipient && canWrite(user) ? (
        <button
          type="button"
          className="btn btn-primary"
          data-testid={`acknowledge-${notification.notificationId}`}
          aria-describedby={titleId}
          disabled={write.pending}
          onClick={() => {
            void write
              .run('POST', `/api/notifications/${notification.notificationId}/acknowledgments`, { readIn: lang })
              .then((result) => {
                if (result) announce(`${t.acknowledged} ${plainText(notification.title, lang)}`);
              });
          }}
        >
          {write.pending ? t.saving : t.acknowledge}
        </button>
      ) : null}
      {write.error ? <ErrorAlert error={write.error} /> : null}
    </li>
  );
}

const DEADLINES = [15, 30, 60, 120, 240];

function IssueNotification() {
  const { t, lang } = useI18n();
  const { token } = useSignedIn();
  const { announce } = useLive();
  const { mine } = useMyMechanisms();
  const ports = usePorts();
  const incidents = useResource<IncidentBoardEntry[]>('/api/incidents');
  const write = useWrite(token);
  const [blmId, setBlmId] = useState('');
  const [incidentId, setIncidentId] = useState('');
  const [portId, setPortId] = useState('');
  const [title, setTitle] = useState({ en: '', es: '' });
  const [body, setBody] = useState({ en: '', es: '' });
  const [severity, setSeverity] = useState<Severity>('severe');
  const [minutes, setMinutes] = useState(30);
  // The deadline is in the world's time: the drill's clock in a drill.
  const worldNow = useWorldNow(1000);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const chosenBlm = blmId || mine[0]?.id || '';
  const blmPorts = (ports.data ?? []).filter((port) => port.blmId === chosenBlm);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const titleText = bilingualInput(title.en, title.es);
    const bodyText = bilingualInput(body.en, body.es);
    if (!titleText.en && !titleText.es) return setProblem(`${t.notificationTitle}: ${t.atLeastOneLanguage}`);
    if (!bodyText.en && !bodyText.es) return setProblem(`${t.notificationBody}: ${t.atLeastOneLanguage}`);
    setProblem(undefined);
    void write
      .run('POST', '/api/notifications', {
        blmId: chosenBlm,
        subject: { ...(incidentId ? { incidentId } : {}), ...(portId ? { portId } : {}) },
        title: titleText,
        body: bodyText,
        severity,
        acknowledgmentDeadline: new Date(worldNow + minutes * 60_000).toISOString(),
      })
      .then((result) => {
        if (!result) return;
        announce(t.issued);
        setTitle({ en: '', es: '' });
        setBody({ en: '', es: '' });
      });
  };

  return (
    <form
      className="card form"
      onSubmit={onSubmit}
      data-testid="issue-notification-form"
      aria-labelledby="issue-heading"
      noValidate
    >
      <h2 id="issue-heading">{t.issueNotification}</h2>
      <div className="field">
        <label htmlFor="notification-blm">{t.blmField}</label>
        <select id="notification-blm" value={chosenBlm} onChange={(event) => setBlmId(event.target.value)}>
          {mine.map((blm) => (
            <option key={blm.id} value={blm.id}>
              {blm.name[lang]}
            </option>
          ))}
        </select>
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor="notification-incident">{t.subjectIncident}</label>
          <select id="notification-incident" value={incidentId} onChange={(event) => setIncidentId(event.target.value)}>
            <option value="">{t.noIncident}</option>
            {(incidents.data ?? []).map((incident) => (
              <option key={incident.incidentId} value={incident.incidentId}>
                {plainText(incident.title, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="notification-port">{t.subjectPort}</label>
          <select id="notification-port" value={portId} onChange={(event) => setPortId(event.target.value)}>
            <option value="">{t.noPort}</option>
            {blmPorts.map((port) => (
              <option key={port.id} value={port.id}>
                {portName(port, lang)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <BilingualFields
        label={t.notificationTitle}
        value={title}
        onChange={setTitle}
        required
        name="notification-title"
      />
      <BilingualFields
        label={t.notificationBody}
        value={body}
        onChange={setBody}
        multiline
        required
        name="notification-body"
      />
      <div className="form-row">
        <SeveritySelect id="notification-severity" value={severity} onChange={setSeverity} />
        <div className="field">
          <label htmlFor="notification-deadline">{t.deadlineField}</label>
          <select
            id="notification-deadline"
            value={minutes}
            onChange={(event) => setMinutes(Number(event.target.value))}
          >
            {DEADLINES.map((value) => (
              <option key={value} value={value}>
                {value < 60 ? t.minutes(value) : t.hours(value / 60)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormProblems problem={problem} error={write.error} />
      <SubmitButton
        pending={write.pending}
        label={t.submitNotification}
        className="btn btn-primary"
        disabled={!chosenBlm}
      />
    </form>
  );
}

export function Inbox() {
  const { t, lang } = useI18n();
  const { user } = useSignedIn();
  const notifications = useResource<NotificationStatus[]>('/api/notifications');
  const { mine, ids, loaded } = useMyMechanisms();
  const ports = usePorts();
  const now = useWorldNow(1000);
  const { exerciseStreams } = useLive();
  useTitle(t.inboxTitle);
  const exercise = (notifications.data ?? []).some(
    (notification) =>
      (!ids || ids.has(notification.blmId)) && exerciseStreams.has(`notification-${notification.notificationId}`),
  );
  const officer = canWrite(user) && mine.length > 0;

  return (
    <div className="inbox">
      {exercise ? <ExerciseBanner /> : null}
      <h1>{t.inboxTitle}</h1>
      {ids ? (
        <details className="mechanisms">
          <summary>{t.inboxIntro(mine.length)}</summary>
          <ul aria-label={t.inboxMechanisms}>
            {mine.map((blm) => (
              <li key={blm.id}>{blm.name[lang]}</li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="muted">{loaded ? t.inboxAll : t.loading}</p>
      )}
      <div className={officer ? 'inbox-grid' : ''}>
        <section aria-labelledby="inbox-list-heading">
          <h2 id="inbox-list-heading" className="visually-hidden">
            {t.inboxTitle}
          </h2>
          <Loadable resource={notifications}>
            {(data) => {
              const visible = sortInbox(
                data.filter((notification) => !ids || ids.has(notification.blmId)),
                user,
                now,
              );
              if (visible.length === 0) return <p className="muted">{t.noNotifications}</p>;
              return (
                <ul className="notification-list" data-testid="notification-list">
                  {visible.map((notification) => (
                    <NotificationCard
                      key={notification.notificationId}
                      notification={notification}
                      now={now}
                      ports={ports.data ?? []}
                    />
                  ))}
                </ul>
              );
            }}
          </Loadable>
        </section>
        {officer ? <IssueNotification /> : null}
      </div>
    </div>
  );
}
