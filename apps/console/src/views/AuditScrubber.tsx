// An incident's timeline scrubber: a slider over its events and those of the shutdowns declared for it; at each stop the
// incident and its port as the record had them then (the same views the console showed), the moment on the port's
// U.S. and Mexican clocks and in UTC, and the events around it. Auditors, admins and officers.
import { Fragment, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { type ApiError, asApiError, request } from '../api/client';
import { DIRECTIONS, type Incident, type PortStatus, type Side } from '../api/types';
import { AuditTabs } from '../audit/AuditTabs';
import { PortTimes, UtcTime } from '../audit/AuditTimes';
import { EventType, eventTypeLabel } from '../audit/EventType';
import { historyPath, NO_FILTER } from '../audit/history-filter';
import { useDebounced } from '../audit/hooks';
import { shortPosition } from '../audit/positions';
import {
  affectedPortIds,
  indexAt,
  linkedPortEvents,
  type Moment,
  portAt,
  scrubberMoments,
  step,
  stepForKey,
} from '../audit/scrubber';
import type { HistoryItem, HistoryPage, IncidentAsOf, PortAsOf } from '../audit/types';
import { BiText, ErrorAlert, LocalTime, PortStatusChip, SeverityChip } from '../components/common';
import { usePorts, useTitle } from '../components/hooks';
import { plainText } from '../i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { Link } from '../router/Router';
import { canAudit, canReadIncidentHistory } from '../session/session';
import { useSession, useSignedIn } from '../session/SessionProvider';
import { useResource } from '../state/DataProvider';
import { browserZone, formatTime } from '../time/format';
import { portName } from './Overview';
import '../audit/audit.css';

/** How long the slider must rest on a stop before the record is read as of it. */
const SETTLE_MS = 250;
const PAGE = 500;
/** At most this many pages of one record's history (an incident's events are far fewer). */
const MAX_PAGES = 40;
const AROUND = 5;
const SIDES: Side[] = ['US', 'MX'];
const CENTER: Record<Side, string> = { US: 'NRC', MX: 'CENACOM' };

/** Every event of one record, page after page. */
async function recordEvents(
  aggregate: 'incident' | 'port',
  id: string,
  token: string,
  from?: string,
): Promise<HistoryItem[]> {
  const filter = { ...NO_FILTER, aggregate, id, from: from ?? '' };
  const items: HistoryItem[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const answer: HistoryPage = await request<HistoryPage>('GET', historyPath(filter, 'UTC', { after, limit: PAGE }), {
      token,
    });
    items.push(...answer.items);
    if (answer.next === null) break;
    after = answer.next;
  }
  return items;
}

interface IncidentRecord {
  moments: Moment[];
  /** The ports the incident affected at any time. */
  affected: string[];
}

/** The scrubber's stops: the incident's events, then each affected port's events of the shutdowns declared for it. */
function useIncidentRecord(incidentId: string) {
  const { currentToken } = useSession();
  const [record, setRecord] = useState<IncidentRecord | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    const token = () => currentToken() ?? '';
    const read = async (): Promise<IncidentRecord> => {
      const incident = await recordEvents('incident', incidentId, token());
      const affected = affectedPortIds(incident);
      const since = incident[0]?.recordedAt;
      const ports = await Promise.all(
        affected.map(async (portId) =>
          linkedPortEvents(await recordEvents('port', portId, token(), since), incidentId),
        ),
      );
      return { moments: scrubberMoments(incidentId, [...incident, ...ports.flat()]), affected };
    };
    read()
      .then((answer) => {
        if (current) setRecord(answer);
      })
      .catch((failure: unknown) => {
        if (current) setError(asApiError(failure));
      });
    return () => {
      current = false;
    };
  }, [incidentId, round, currentToken]);
  const reload = () => {
    setError(undefined);
    setRound((value) => value + 1);
  };
  return { record, error, reload };
}

function IncidentThen({ view, zone }: { view: IncidentAsOf | undefined; zone: string }) {
  const { t } = useI18n();
  const s = t.audit.scrubber;
  const incident = view?.state;
  const at = view && 'position' in view.moment ? view.moment.position : undefined;
  return (
    <section className="panel" aria-labelledby="scrubber-incident-title" data-testid="scrubber-incident" data-at={at}>
      <h2 id="scrubber-incident-title">{s.incidentThen}</h2>
      {!view ? (
        <p className="muted">{s.reading}</p>
      ) : !incident ? (
        <p className="muted">{s.notYet}</p>
      ) : (
        <>
          <p>
            <BiText value={incident.title} />
          </p>
          <div className="head-chips">
            <span
              className={`chip chip-incident-${incident.status}`}
              data-testid="scrubber-incident-status"
              data-status={incident.status}
            >
              <span aria-hidden="true">{incident.status === 'open' ? '◉ ' : '◎ '}</span>
              {t.incidentStatus[incident.status]}
            </span>
            <SeverityChip severity={incident.severity} />
          </div>
          <h3>{s.centers}</h3>
          <ul className="plain">
            {SIDES.map((side) => {
              const done = incident.jcp.nationalCenters[side];
              return (
                <li key={side} data-testid={`scrubber-center-${side}`} data-state={done ? 'done' : 'pending'}>
                  <span aria-hidden="true">{done ? '✔ ' : '○ '}</span>
                  {done ? (
                    <>
                      {t.nationalCenterNotified(t.side[side], CENTER[side])} ·{' '}
                      <LocalTime iso={done.at} zone={zone} seconds />
                    </>
                  ) : (
                    s.notNotified(t.side[side], CENTER[side])
                  )}
                </li>
              );
            })}
          </ul>
          <p data-testid="scrubber-jrt" data-state={incident.jcp.jointResponseTeam}>
            {t.jointResponseTeam}: {t.jrtStatus[incident.jcp.jointResponseTeam]}
          </p>
        </>
      )}
    </section>
  );
}

function PortThen({ view, port }: { view: PortAsOf | undefined; port: PortStatus | undefined }) {
  const { t, lang } = useI18n();
  const s = t.audit.scrubber;
  const state = view?.state;
  const at = view && 'position' in view.moment ? view.moment.position : undefined;
  const name = port ? portName(port, lang) : (view?.id ?? '');
  const closed = state?.laneStatus.filter((lane) => lane.status === 'closed') ?? [];
  const directions = DIRECTIONS.filter((direction) => closed.some((lane) => lane.direction === direction));
  const progress = state?.checklistProgress;
  return (
    <section className="panel" aria-labelledby="scrubber-port-title" data-testid="scrubber-port" data-at={at}>
      <h2 id="scrubber-port-title">{s.portThen(name)}</h2>
      {!view ? (
        <p className="muted">{s.reading}</p>
      ) : !state ? (
        <p className="muted">{s.notYet}</p>
      ) : (
        <>
          <PortStatusChip status={state.status} testId="scrubber-port-status" />
          <h3>{s.closedLanes}</h3>
          {closed.length === 0 ? (
            <p className="muted">{s.noClosedLanes}</p>
          ) : (
            <dl className="facts" data-testid="scrubber-closed-lanes" data-count={closed.length}>
              {directions.map((direction) => (
                <Fragment key={direction}>
                  <dt>{t.directionShort[direction]}</dt>
                  <dd>
                    {closed
                      .filter((lane) => lane.direction === direction)
                      .map((lane) => t.laneMode[lane.mode])
                      .join(', ')}
                  </dd>
                </Fragment>
              ))}
            </dl>
          )}
          {state.activeShutdown && progress ? (
            <>
              <h3>{t.checklist}</h3>
              <p data-testid="scrubber-checklist">
                {s.checklistProgress(progress.completed + progress.waived, progress.total, progress.criticalOpen)}
              </p>
              <h3>{t.signOffs}</h3>
              <ul className="plain">
                {SIDES.map((side) => (
                  <li
                    key={side}
                    data-testid={`scrubber-sign-off-${side}`}
                    data-state={progress.signOffs[side] ? 'signed' : 'pending'}
                  >
                    <span aria-hidden="true">{progress.signOffs[side] ? '✔ ' : '○ '}</span>
                    {progress.signOffs[side] ? t.signedOff(t.side[side]) : t.signOffPending(t.side[side])}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">{t.noShutdown}</p>
          )}
        </>
      )}
    </section>
  );
}

function Around({
  moments,
  index,
  zone,
  onPick,
}: {
  moments: Moment[];
  index: number;
  zone: string;
  onPick: (index: number) => void;
}) {
  const { t } = useI18n();
  const s = t.audit.scrubber;
  const list = (from: number, to: number, none: string, testId: string) => {
    const shown = moments.slice(Math.max(0, from), Math.max(0, to)).map((moment, offset) => ({
      moment,
      at: Math.max(0, from) + offset,
    }));
    if (shown.length === 0) return <p className="muted">{none}</p>;
    return (
      <ol className="plain around-list" data-testid={testId}>
        {shown.map(({ moment, at }) => (
          <li key={moment.position} data-position={moment.position} data-type={moment.type}>
            <button type="button" className="link-button" onClick={() => onPick(at)}>
              <LocalTime iso={moment.recordedAt} zone={zone} seconds timeOnly /> · {eventTypeLabel(t, moment.type)}
            </button>{' '}
            <span className="muted small">{moment.actor}</span>
          </li>
        ))}
      </ol>
    );
  };
  return (
    <section className="panel" aria-labelledby="scrubber-around-title">
      <h2 id="scrubber-around-title">{s.around}</h2>
      <div className="around">
        <div>
          <h3>{s.before}</h3>
          {list(index - AROUND, index, s.noneBefore, 'scrubber-before')}
        </div>
        <div>
          <h3>{s.after}</h3>
          {list(index + 1, index + 1 + AROUND, s.noneAfter, 'scrubber-after')}
        </div>
      </div>
    </section>
  );
}

function Scrubber({ incidentId, at, record }: { incidentId: string; at: string | undefined; record: IncidentRecord }) {
  const { t, lang } = useI18n();
  const s = t.audit.scrubber;
  const { user } = useSignedIn();
  const { announce } = useLive();
  const ports = usePorts();
  const { moments, affected } = record;
  const count = moments.length;
  const [chosen, setIndex] = useState(() => indexAt(moments, at));
  const index = step(chosen, 0, count);
  const settled = step(useDebounced(index, SETTLE_MS), 0, count);
  const moment = moments[index];
  const settledMoment = moments[settled];
  const portId = portAt(moments, settled, affected);
  const port = ports.data?.find((candidate) => candidate.id === portId);
  const zones = port ? { us: port.timeZones.us, mx: port.timeZones.mx } : undefined;
  const ownZone = port ? (user.country === 'MX' ? port.timeZones.mx : port.timeZones.us) : browserZone();
  const incidentView = useResource<IncidentAsOf>(
    settledMoment ? `/api/audit/as-of/incident/${incidentId}?at=${settledMoment.position}` : null,
  );
  const portView = useResource<PortAsOf>(
    settledMoment && portId ? `/api/audit/as-of/port/${portId}?at=${settledMoment.position}` : null,
  );

  // Once the record as of the stop is read, the moment and the port's status are announced (politely, once per stop).
  const announced = useRef<string | undefined>(undefined);
  const incidentReady = incidentView.data !== undefined;
  const portStatus = portView.data?.state?.status;
  const portReady = !portId || portView.data !== undefined;
  useEffect(() => {
    if (!settledMoment || !incidentReady || !portReady || announced.current === settledMoment.position) return;
    announced.current = settledMoment.position;
    const time = formatTime(settledMoment.recordedAt, ownZone, lang, { seconds: true })?.text ?? '';
    const event = eventTypeLabel(t, settledMoment.type);
    announce(
      port && portStatus
        ? s.announce(time, event, portName(port, lang), t.portStatus[portStatus])
        : s.announceNoPort(time, event),
    );
  }, [settledMoment, incidentReady, portReady, portStatus, port, ownZone, lang, t, s, announce]);

  if (!moment) return <p className="muted">{s.noEvents}</p>;
  const valueText = s.sliderValue(
    index + 1,
    count,
    eventTypeLabel(t, moment.type),
    formatTime(moment.recordedAt, ownZone, lang, { seconds: true })?.text ?? '',
  );
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const to = stepForKey(event.key, index, count);
    if (to === undefined) return;
    event.preventDefault();
    setIndex(to);
  };
  const showing =
    incidentView.data && 'position' in incidentView.data.moment ? incidentView.data.moment.position : undefined;
  return (
    <>
      <section className="panel scrubber" aria-labelledby="scrubber-slider-label" data-testid="scrubber">
        <div className="scrubber-row">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setIndex(step(index, -1, count))}
            disabled={index === 0}
          >
            <span aria-hidden="true">◀ </span>
            {s.previous}
          </button>
          <div className="field scrubber-field">
            <label id="scrubber-slider-label" htmlFor="scrubber-slider">
              {s.slider}
            </label>
            <input
              id="scrubber-slider"
              type="range"
              min={0}
              max={Math.max(0, count - 1)}
              step={1}
              value={index}
              aria-valuetext={valueText}
              onChange={(event) => setIndex(Number(event.target.value))}
              onKeyDown={onKeyDown}
              data-testid="scrubber-slider"
            />
          </div>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setIndex(step(index, 1, count))}
            disabled={index === count - 1}
          >
            {s.next}
            <span aria-hidden="true"> ▶</span>
          </button>
        </div>
        <div
          className="scrubber-moment"
          data-testid="scrubber-moment"
          data-position={moment.position}
          data-type={moment.type}
          data-shown={showing}
        >
          <p>
            <strong>{s.stopOf(index + 1, count)}</strong> · <EventType type={moment.type} />{' '}
            <span className="muted">
              {s.by(moment.actor, moment.agency, moment.side ? t.side[moment.side] : '—')} ·{' '}
              <span className="mono" title={moment.position}>
                {shortPosition(moment.position)}
              </span>
            </span>
          </p>
          <p className="scrubber-times">
            {zones ? (
              <PortTimes iso={moment.recordedAt} zones={zones} />
            ) : (
              <LocalTime iso={moment.recordedAt} zone={ownZone} seconds />
            )}{' '}
            · <UtcTime iso={moment.recordedAt} />
          </p>
        </div>
      </section>
      {incidentView.error ? <ErrorAlert error={incidentView.error} onRetry={incidentView.retry} /> : null}
      {portView.error ? <ErrorAlert error={portView.error} onRetry={portView.retry} /> : null}
      <div className="scrubber-grid">
        <IncidentThen view={incidentView.data} zone={ownZone} />
        {portId ? <PortThen view={portView.data} port={port} /> : <p className="panel muted">{s.noPort}</p>}
      </div>
      <Around moments={moments} index={index} zone={ownZone} onPick={setIndex} />
    </>
  );
}

export function AuditScrubber({ incidentId, at }: { incidentId: string; at?: string }) {
  const { t, lang } = useI18n();
  const { user } = useSignedIn();
  const s = t.audit.scrubber;
  const allowed = canReadIncidentHistory(user);
  const live = useResource<Incident>(allowed ? `/api/incidents/${incidentId}` : null);
  const title = live.data ? plainText(live.data.title, lang) : '';
  useTitle(title ? `${s.eyebrow} · ${title}` : s.eyebrow);
  if (!allowed) {
    return (
      <div className="card narrow">
        <h1>{s.eyebrow}</h1>
        <p>{s.onlyRoles}</p>
      </div>
    );
  }
  return <ScrubberFrame incidentId={incidentId} at={at} title={title} />;
}

function ScrubberFrame({ incidentId, at, title }: { incidentId: string; at: string | undefined; title: string }) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const s = t.audit.scrubber;
  const { record, error, reload } = useIncidentRecord(incidentId);
  return (
    <section className="card" aria-labelledby="audit-scrubber-title" data-testid="audit-scrubber">
      <p className="eyebrow">{s.eyebrow}</p>
      <h1 id="audit-scrubber-title">{title || s.eyebrow}</h1>
      <p className="muted">{s.intro}</p>
      {canAudit(user) ? <AuditTabs /> : null}
      <p className="audit-actions">
        <Link to={{ name: 'incident', incidentId }}>{t.incidentTitle}</Link>
        {canAudit(user) ? (
          <Link to={{ name: 'audit-history', aggregate: 'incident', id: incidentId }}>{s.allEvents}</Link>
        ) : null}
        <button type="button" className="btn btn-small" onClick={reload}>
          {s.reload}
        </button>
      </p>
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {record ? (
        <Scrubber incidentId={incidentId} at={at} record={record} />
      ) : error ? null : (
        <p className="muted" role="status">
          {t.loading}
        </p>
      )}
    </section>
  );
}
