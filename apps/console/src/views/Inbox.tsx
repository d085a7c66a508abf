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
import {
  blmOfIncident,
  cardSummary,
  memberName,
  onBehalfCandidates,
  portOfIncident,
  recipientRows,
  type RecipientRow,
  type RecipientState,
} from '../components/notification-card';
import { notificationState, useMyMechanisms } from '../components/notifications';
import { useResource, useWrite } from '../state/DataProvider';
import { bilingualInput, plainText } from '../i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { Link } from '../router/Router';
import { canWrite } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { deadlineStatus } from '../time/format';
import { AcknowledgeOnBehalf, CancelNotification, EditNotification } from './NotificationActions';
import { portName } from './Overview';
import './inbox.css';

const STATE_ICON: Record<InboxState, string> = {
  pending: '◷',
  overdue: '⚠',
  acknowledged: '✔',
  cancelled: '⊘',
  issued: '✎',
};

const RECIPIENT_ICON: Record<RecipientState, string> = {
  acknowledged: '✔',
  'acknowledged-on-behalf': '☎',
  awaiting: '○',
  overdue: '⚠',
  unreachable: '✖',
  cancelled: '⊘',
};

/** One recipient: where it stands, who acknowledged and how (read in which language, or on its behalf), its messages. */
function RecipientItem({ row, zone, name }: { row: RecipientRow; zone: string; name: string | undefined }) {
  const { t } = useI18n();
  const c = t.notificationCards;
  const side = t.side[row.side];
  const ack = row.acknowledgment;
  const line =
    row.state === 'acknowledged'
      ? t.acknowledgedBy(row.agency, side)
      : row.state === 'acknowledged-on-behalf' && ack?.onBehalf
        ? c.onBehalf(row.agency, side, c.how[ack.onBehalf.channel])
        : row.state === 'unreachable'
          ? c.unreachable(row.agency, side)
          : row.state === 'overdue'
            ? c.overdue(row.agency, side)
            : row.state === 'cancelled'
              ? c.cancelledBefore(row.agency, side)
              : c.awaiting(row.agency, side);
  return (
    <li
      data-testid={`recipient-${row.side}-${row.agency}`}
      data-acknowledged={Boolean(ack)}
      data-state={row.state}
      className={`recipient recipient-${row.state}`}
    >
      <span aria-hidden="true">{RECIPIENT_ICON[row.state]} </span>
      {line}
      {name ? <span className="muted small"> · {name}</span> : null}
      {ack ? (
        <>
          {' · '}
          <LocalTime iso={ack.at} zone={zone} />
          {ack.onBehalf ? (
            <>
              {' · '}
              <span className="tag tag-on-behalf">{c.onBehalfTag}</span>{' '}
              {c.recordedBy(ack.onBehalf.recordedBy.officer, ack.onBehalf.recordedBy.agency)}{' '}
              <span className="muted">
                ({c.recordedAtLabel} <LocalTime iso={ack.onBehalf.recordedAt} zone={zone} />)
              </span>
            </>
          ) : (
            <>
              {' · '}
              {c.byOfficer(ack.officer)}
              {ack.readIn ? ` · ${c.readIn(c.language[ack.readIn])}` : null}
            </>
          )}
        </>
      ) : null}
      <div className="muted small delivery" data-testid={`delivery-${row.side}-${row.agency}`}>
        {c.deliveryLabel}:{' '}
        {row.channels.length === 0
          ? c.consoleOnly
          : row.channels.map((channel, index) => (
              <span key={channel.channel} data-channel={channel.channel} data-status={channel.status}>
                {index > 0 ? ' · ' : ''}
                {channel.channel === 'console' ? c.console : t.outboxChannel[channel.channel]}{' '}
                {c.deliveryStatus[channel.status]} ({c.attempts(channel.attempts)})
                {channel.status === 'failed' && channel.nextAttemptAt ? (
                  <>
                    , {c.nextAttempt} <LocalTime iso={channel.nextAttemptAt} zone={zone} />
                  </>
                ) : null}
              </span>
            ))}
      </div>
    </li>
  );
}

type Panel = 'none' | 'edit' | 'cancel' | 'on-behalf';

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
  const c = t.notificationCards;
  const { user, token } = useSignedIn();
  const { announce, exerciseStreams } = useLive();
  const zones = useZones();
  const { blms } = useMyMechanisms();
  const write = useWrite(token);
  const [panel, setPanel] = useState<Panel>('none');
  const state = notificationState(notification, user, now);
  const summary = cardSummary(notification, now);
  const rows = recipientRows(notification, now);
  const deadline = deadlineStatus(notification.acknowledgmentDeadline, now);
  const zone = notification.subject.portId ? zones.port(notification.subject.portId) : zones.blm(notification.blmId);
  const recipient = isRecipient(notification, user);
  const port = ports.find((candidate) => candidate.id === notification.subject.portId);
  const titleId = `notification-title-${notification.notificationId}`;
  const officer = canWrite(user) && notification.status === 'active';
  const issuingSide = officer && notification.issuedBy.side === user.country;
  const candidates = officer ? onBehalfCandidates(notification, user, now) : [];
  const close = () => setPanel('none');
  const issuer = notification.issuedBy;
  const members = blms.find((blm) => blm.id === notification.blmId)?.members;

  return (
    <li
      className={`notification notification-${state}`}
      data-testid={`notification-${notification.notificationId}`}
      data-state={state}
      data-overdue={summary.overdue}
      aria-labelledby={titleId}
    >
      <div className="notification-head">
        <span className={`state-chip state-${state}`}>
          <span aria-hidden="true">{STATE_ICON[state]} </span>
          {t.notificationState[state]}
        </span>
        {summary.overdue && state !== 'overdue' ? (
          <span className="state-chip state-overdue" data-testid="overdue-for-all">
            <span aria-hidden="true">⚠ </span>
            {c.overdueForAll(summary.total - summary.acknowledged, summary.total)}
          </span>
        ) : null}
        <SeverityChip severity={notification.severity} />
        {exerciseStreams.has(`notification-${notification.notificationId}`) ? <ExerciseTag /> : null}
      </div>
      <h3 id={titleId}>
        <BiText value={notification.title} />
      </h3>
      <p className="notification-body">
        <BiText value={notification.body} />
      </p>
      {notification.cancellation ? (
        <p className="notification-cancellation" data-testid="cancellation">
          <strong>{c.cancelledBecause}:</strong> <BiText value={notification.cancellation.reason} /> ·{' '}
          <LocalTime iso={notification.cancellation.at} zone={zone} />
        </p>
      ) : null}
      <p className="notification-deadline">
        <strong>{t.deadline}:</strong> <LocalTime iso={notification.acknowledgmentDeadline} zone={zone} />
        {notification.status === 'active' && summary.acknowledged < summary.total ? (
          <span className={deadline.overdue ? 'countdown countdown-overdue' : 'countdown'}>
            {' · '}
            {deadline.overdue ? t.overdueBy(deadline.remaining) : t.dueIn(deadline.remaining)}
          </span>
        ) : null}
      </p>
      <p className="muted small">
        {t.issuedBy(issuer.agency, t.side[issuer.side])} · <LocalTime iso={notification.issuedAt} zone={zone} />
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
      {/* Escalations are for every reader: an agency that acknowledged still sees that others were chased, and by whom. */}
      {notification.escalations.map((escalation) => (
        <p key={escalation.tier} className="small escalation" data-testid={`escalation-${escalation.tier}`}>
          <span aria-hidden="true">⚠ </span>
          {c.escalatedTo(
            escalation.tier,
            escalation.escalatedTo
              .map((addressee) => {
                const name = addressee.name ? plainText(addressee.name, lang) : '';
                return `${name ? `${name}, ` : ''}${addressee.agency} (${t.side[addressee.side]})`;
              })
              .join('; '),
          )}{' '}
          · <LocalTime iso={escalation.at} zone={zone} />
          {escalation.pending.length > 0 ? (
            <span className="muted">
              {' · '}
              {c.stillPending(escalation.pending.map((r) => `${r.agency} (${t.side[r.side]})`).join(', '))}
            </span>
          ) : null}
        </p>
      ))}
      {summary.unreachable > 0 ? <p className="small">{c.unreachableCount(summary.unreachable)}</p> : null}
      {/* Open for the issuing side, which follows who has acknowledged, and for everyone once it is overdue. */}
      <details className="recipients" open={issuer.side === user.country || summary.overdue}>
        <summary>
          {t.recipients}: {c.summary(summary.acknowledged, summary.total)}
        </summary>
        <ul className="plain">
          {rows.map((row) => (
            <RecipientItem
              key={`${row.side}-${row.agency}`}
              row={row}
              zone={zone}
              name={memberName(members, row.agency, row.side, lang)}
            />
          ))}
        </ul>
        <p className="muted small" data-testid="issuing-agency">
          {c.issuingAgency(issuer.agency, t.side[issuer.side])}
        </p>
      </details>
      <div className="notification-actions inline">
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
        {candidates.length > 0 ? (
          <button
            type="button"
            className="btn"
            aria-expanded={panel === 'on-behalf'}
            aria-describedby={titleId}
            data-testid={`open-on-behalf-${notification.notificationId}`}
            onClick={() => setPanel(panel === 'on-behalf' ? 'none' : 'on-behalf')}
          >
            {c.onBehalfOpen}
          </button>
        ) : null}
        {issuingSide ? (
          <>
            <button
              type="button"
              className="btn"
              aria-expanded={panel === 'edit'}
              aria-describedby={titleId}
              data-testid={`open-edit-${notification.notificationId}`}
              onClick={() => setPanel(panel === 'edit' ? 'none' : 'edit')}
            >
              {c.edit}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              aria-expanded={panel === 'cancel'}
              aria-describedby={titleId}
              data-testid={`open-cancel-${notification.notificationId}`}
              onClick={() => setPanel(panel === 'cancel' ? 'none' : 'cancel')}
            >
              {c.cancel}
            </button>
          </>
        ) : null}
      </div>
      {write.error ? <ErrorAlert error={write.error} /> : null}
      {panel === 'edit' && issuingSide ? (
        <EditNotification notification={notification} zone={zone} onDone={close} />
      ) : null}
      {panel === 'cancel' && issuingSide ? <CancelNotification notification={notification} onDone={close} /> : null}
      {panel === 'on-behalf' && candidates.length > 0 ? (
        <AcknowledgeOnBehalf
          notification={notification}
          candidates={candidates}
          nameOf={(row) => memberName(members, row.agency, row.side, lang)}
          onDone={close}
        />
      ) : null}
    </li>
  );
}

const DEADLINES = [15, 30, 60, 120, 240];

/** The form to issue a notification; `about`: the incident it starts about (from the incident's page). */
function IssueNotification({ about }: { about?: string }) {
  const { t, lang } = useI18n();
  const { token } = useSignedIn();
  const { announce } = useLive();
  const { mine } = useMyMechanisms();
  const ports = usePorts();
  const incidents = useResource<IncidentBoardEntry[]>('/api/incidents');
  const write = useWrite(token);
  const [blmId, setBlmId] = useState('');
  const [incidentId, setIncidentId] = useState(about ?? '');
  // undefined: the incident's port (if in the BLM); '' the officer chose no port.
  const [portChoice, setPortId] = useState<string | undefined>(undefined);
  const [title, setTitle] = useState({ en: '', es: '' });
  const [body, setBody] = useState({ en: '', es: '' });
  const [severity, setSeverity] = useState<Severity>('severe');
  const [minutes, setMinutes] = useState(30);
  // The deadline is in the world's time: the drill's clock in a drill.
  const worldNow = useWorldNow(1000);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  // The BLM of the incident's port unless the officer picked one: a Laredo incident goes to the Laredo BLM.
  const incidentBlm = blmOfIncident(
    (incidents.data ?? []).find((incident) => incident.incidentId === incidentId),
    ports.data ?? [],
    new Set(mine.map((blm) => blm.id)),
  );
  const chosenBlm = blmId || incidentBlm || mine[0]?.id || '';
  const blmPorts = (ports.data ?? []).filter((port) => port.blmId === chosenBlm);
  const incidentPorts = (incidents.data ?? []).find((incident) => incident.incidentId === incidentId)?.affectedPortIds;
  const portId = portChoice ?? portOfIncident(incidentPorts, blmPorts) ?? '';

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
          <select
            id="notification-incident"
            value={incidentId}
            onChange={(event) => {
              setIncidentId(event.target.value);
              // A new incident brings its own BLM and port.
              setBlmId('');
              setPortId(undefined);
            }}
          >
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

export function Inbox({ incidentId }: { incidentId?: string } = {}) {
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
        {officer ? <IssueNotification {...(incidentId ? { about: incidentId } : {})} /> : null}
      </div>
    </div>
  );
}
