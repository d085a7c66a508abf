// One port of entry: lanes by mode and direction; declaring a shutdown; the resumption checklist grouped by owner
// side, with ticks and waivers; the sign-off of each side; reopening in phases, with what blocks it.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client';
import {
  DIRECTIONS,
  LANE_MODES,
  SHUTDOWN_KINDS,
  type ActiveShutdown,
  type BorderLiaisonMechanism,
  type ChecklistItem,
  type IncidentBoardEntry,
  type LaneId,
  type Owner,
  type PortStatus,
  type ShutdownKind,
  type Side,
} from '../api/types';
import {
  BiText,
  BilingualFields,
  DisabledReason,
  ErrorAlert,
  ExerciseBanner,
  Loadable,
  LocalTime,
  PortStatusChip,
} from '../components/common';
import { useNow, useTitle, useZones } from '../components/hooks';
import { useResource, useWrite } from '../state/DataProvider';
import { bilingualInput, pickText, plainText } from '../i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useExercise, useLive } from '../live/LiveProvider';
import { Link } from '../router/Router';
import { canWrite } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { zoneAbbreviation } from '../time/format';
import './port.css';

function Lanes({ port }: { port: PortStatus }) {
  const { t } = useI18n();
  const modes = LANE_MODES.filter((mode) => port.laneStatus.some((lane) => lane.mode === mode));
  return (
    <div className="table-wrap">
      <table className="table lanes-table" data-testid="lanes">
        <caption className="visually-hidden">{t.lanes}</caption>
        <thead>
          <tr>
            <th scope="col">{t.laneColumn}</th>
            {DIRECTIONS.map((direction) => (
              <th scope="col" key={direction} title={t.direction[direction]}>
                <span aria-hidden="true">{direction === 'northbound' ? '↑ ' : '↓ '}</span>
                {t.directionShort[direction]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {modes.map((mode) => (
            <tr key={mode}>
              <th scope="row">{t.laneMode[mode]}</th>
              {DIRECTIONS.map((direction) => {
                const lane = port.laneStatus.find((l) => l.mode === mode && l.direction === direction);
                return (
                  <td key={direction} data-lane={`${mode}:${direction}`} data-status={lane?.status}>
                    {lane ? (
                      <span className={`lane lane-${lane.status}`}>
                        <span aria-hidden="true">{lane.status === 'open' ? '●' : '■'} </span>
                        {t.laneStatus[lane.status]}
                      </span>
                    ) : (
                      <span className="muted">{t.noLane}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        ↑ {t.direction.northbound} · ↓ {t.direction.southbound}
      </p>
    </div>
  );
}

function laneLabel(t: ReturnType<typeof useI18n>['t'], lane: LaneId): string {
  const [mode, direction] = lane.split(':') as [keyof typeof t.laneMode, keyof typeof t.directionShort];
  return `${t.laneMode[mode]} — ${t.directionShort[direction]}`;
}

/** Checkboxes for lanes, with "all lanes". */
function LanePicker({
  legend,
  lanes,
  chosen,
  onChange,
  name,
}: {
  legend: string;
  lanes: LaneId[];
  chosen: Set<LaneId>;
  onChange: (chosen: Set<LaneId>) => void;
  name: string;
}) {
  const { t } = useI18n();
  const all = chosen.size === lanes.length;
  return (
    <fieldset className="lane-picker">
      <legend>{legend}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={all}
          onChange={() => onChange(all ? new Set() : new Set(lanes))}
          name={`${name}-all`}
        />
        <strong>{t.allLanes}</strong>
      </label>
      <div className="check-grid">
        {lanes.map((lane) => (
          <label className="check" key={lane}>
            <input
              type="checkbox"
              name={name}
              value={lane}
              checked={chosen.has(lane)}
              onChange={() => {
                const next = new Set(chosen);
                if (next.has(lane)) next.delete(lane);
                else next.add(lane);
                onChange(next);
              }}
            />
            {laneLabel(t, lane)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function DeclareShutdown({ port, incidentId }: { port: PortStatus; incidentId: string | undefined }) {
  const { t, lang } = useI18n();
  const { token } = useSignedIn();
  const { announce } = useLive();
  const incidents = useResource<IncidentBoardEntry[]>('/api/incidents');
  const write = useWrite(token);
  const allLanes = port.lanes.map((lane) => lane.id);
  const [kind, setKind] = useState<ShutdownKind>('hazmat-release');
  const [lanes, setLanes] = useState<Set<LaneId>>(() => new Set(allLanes));
  const [reason, setReason] = useState({ en: '', es: '' });
  const affecting = (incidents.data ?? []).filter((incident) => incident.affectedPortIds.includes(port.id));
  const [incident, setIncident] = useState<string>(incidentId ?? '');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const chosenIncident =
    incident || (incidentId === undefined && affecting.length === 1 ? affecting[0]!.incidentId : '');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (lanes.size === 0) {
      setProblem(t.chooseLanes);
      return;
    }
    const text = bilingualInput(reason.en, reason.es);
    if (!text.en && !text.es) {
      setProblem(`${t.reason}: ${t.atLeastOneLanguage}`);
      return;
    }
    setProblem(undefined);
    void write
      .run('POST', `/api/ports/${port.id}/shutdowns`, {
        kind,
        ...(lanes.size === allLanes.length ? {} : { lanes: allLanes.filter((lane) => lanes.has(lane)) }),
        reason: text,
        ...(chosenIncident ? { incidentId: chosenIncident } : {}),
      })
      .then((result) => {
        if (result) announce(`${t.submitShutdown}: ${lang === 'es' ? port.name.mx : port.name.us}`);
      });
  };

  return (
    <form className="card form" onSubmit={onSubmit} data-testid="shutdown-form" aria-labelledby="declare-heading">
      <h2 id="declare-heading">{t.declareShutdown}</h2>
      <div className="field">
        <label htmlFor="shutdown-kind">{t.shutdownKindField}</label>
        <select id="shutdown-kind" value={kind} onChange={(event) => setKind(event.target.value as ShutdownKind)}>
          {SHUTDOWN_KINDS.map((value) => (
            <option key={value} value={value}>
              {t.shutdownKind[value]}
            </option>
          ))}
        </select>
      </div>
      <LanePicker legend={t.lanesToClose} lanes={allLanes} chosen={lanes} onChange={setLanes} name="close-lane" />
      <BilingualFields label={t.reason} value={reason} onChange={setReason} multiline required name="shutdown-reason" />
      <div className="field">
        <label htmlFor="shutdown-incident">{t.incidentField}</label>
        <select
          id="shutdown-incident"
          // Mounted again once the incidents are known, so that the preselected one shows.
          key={incidents.data ? 'loaded' : 'loading'}
          value={chosenIncident}
          onChange={(event) => setIncident(event.target.value)}
        >
          <option value="">{t.noIncident}</option>
          {(incidents.data ?? []).map((entry) => (
            <option key={entry.incidentId} value={entry.incidentId}>
              {plainText(entry.title, lang)}
            </option>
          ))}
        </select>
      </div>
      {problem ? (
        <p className="alert alert-error" role="alert">
          {problem}
        </p>
      ) : null}
      {write.error ? <ErrorAlert error={write.error} /> : null}
      <button type="submit" className="btn btn-danger" disabled={write.pending}>
        {write.pending ? t.saving : t.submitShutdown}
      </button>
    </form>
  );
}

function ItemStateChip({ item, zone }: { item: ChecklistItem; zone: string }) {
  const { t } = useI18n();
  const icon = item.status === 'completed' ? '✔' : item.status === 'waived' ? '⊘' : '○';
  return (
    <span className={`item-state item-${item.status}`}>
      <span aria-hidden="true">{icon} </span>
      {t.itemState[item.status]}
      {item.resolvedBy ? <> {t.resolvedBy(t.side[item.resolvedBy.side], item.resolvedBy.agency)}</> : null}
      {item.resolvedAt ? (
        <>
          {' · '}
          <LocalTime iso={item.resolvedAt} zone={zone} />
        </>
      ) : null}
    </span>
  );
}

function ChecklistRow({ port, item, zone }: { port: PortStatus; item: ChecklistItem; zone: string }) {
  const { t, lang } = useI18n();
  const { user, token } = useSignedIn();
  const { announce } = useLive();
  const complete = useWrite(token);
  const waive = useWrite(token);
  const [waiving, setWaiving] = useState(false);
  const [reason, setReason] = useState('');
  const textId = useId();
  const reasonId = useId();
  const whyId = useId();
  const mine = item.owner === 'JOINT' || item.owner === user.country;
  const officer = canWrite(user);
  const label = pickText(item.text, lang).text;

  const onComplete = () => {
    void complete.run('POST', `/api/ports/${port.id}/checklist/${item.id}/completion`, {}).then((result) => {
      if (result) announce(`${t.itemState.completed}: ${label}`);
    });
  };
  const onWaive = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return;
    void waive
      .run('POST', `/api/ports/${port.id}/checklist/${item.id}/waiver`, { reason: { [lang]: reason.trim() } })
      .then((result) => {
        if (result) {
          announce(`${t.itemState.waived}: ${label}`);
          setWaiving(false);
          setReason('');
        }
      });
  };

  return (
    <li
      className={`check-item check-item-${item.status}${item.critical ? ' check-item-critical' : ''}`}
      data-testid={`checklist-item-${item.id}`}
      data-state={item.status}
      data-owner={item.owner}
    >
      <div className="check-item-main">
        <p id={textId} className="check-item-text">
          {item.critical ? (
            <span className="critical" title={t.criticalHint}>
              <span aria-hidden="true">▲ </span>
              {t.critical}
              <span className="visually-hidden">: </span>
            </span>
          ) : null}{' '}
          <BiText value={item.text} />
        </p>
        <p className="check-item-meta">
          <span className="muted">{item.agency}</span> · <ItemStateChip item={item} zone={zone} />
        </p>
        {item.status === 'waived' && item.reason ? (
          <p className="check-item-reason">
            {t.reason}: <BiText value={item.reason} />
          </p>
        ) : null}
      </div>
      {item.status === 'open' ? (
        <div className="check-item-actions">
          {officer && mine ? (
            <>
              <button
                type="button"
                className="btn btn-small btn-primary"
                onClick={onComplete}
                disabled={complete.pending}
                aria-describedby={textId}
              >
                {complete.pending ? t.saving : t.markDone}
              </button>
              <button
                type="button"
                className="btn btn-small"
                aria-expanded={waiving}
                aria-describedby={textId}
                onClick={() => setWaiving((open) => !open)}
              >
                {t.waive}
              </button>
            </>
          ) : (
            <DisabledReason id={whyId}>
              {officer ? t.notYourItem(t.owner[item.owner]) : t.readOnlyReason}
            </DisabledReason>
          )}
        </div>
      ) : null}
      {waiving ? (
        <form className="waive-form" onSubmit={onWaive}>
          <label htmlFor={reasonId}>{t.waiveReason}</label>
          <textarea
            id={reasonId}
            rows={2}
            required
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="inline">
            <button type="submit" className="btn btn-small btn-primary" disabled={waive.pending || !reason.trim()}>
              {t.confirmWaive}
            </button>
            <button type="button" className="btn btn-small btn-quiet" onClick={() => setWaiving(false)}>
              {t.cancel}
            </button>
          </div>
        </form>
      ) : null}
      {complete.error ? <ErrorAlert error={complete.error} /> : null}
      {waive.error ? <ErrorAlert error={waive.error} /> : null}
    </li>
  );
}

const OWNERS: Owner[] = ['US', 'MX', 'JOINT'];

function Checklist({ port, shutdown, zone }: { port: PortStatus; shutdown: ActiveShutdown; zone: string }) {
  const { t } = useI18n();
  const items = shutdown.checklist.items;
  const progress = port.checklistProgress;
  return (
    <section className="card" aria-labelledby="checklist-heading" data-testid="checklist">
      <h2 id="checklist-heading">{t.checklist}</h2>
      {progress ? (
        <p className="muted">
          {t.checklistSummary(progress.completed, progress.waived, progress.total, progress.criticalOpen)}
        </p>
      ) : null}
      {OWNERS.map((owner) => {
        const group = items.filter((item) => item.owner === owner);
        if (group.length === 0) return null;
        return (
          <section
            key={owner}
            className="check-group"
            aria-labelledby={`owner-${owner}`}
            data-testid={`checklist-group-${owner}`}
          >
            <h3 id={`owner-${owner}`}>
              <span className={`side-tag side-${owner}`}>{owner}</span> {t.owner[owner]}
            </h3>
            <ul className="check-list">
              {group.map((item) => (
                <ChecklistRow key={item.id} port={port} item={item} zone={zone} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

function SignOffs({ port, shutdown, zone }: { port: PortStatus; shutdown: ActiveShutdown; zone: string }) {
  const { t } = useI18n();
  const { user, token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const sides: Side[] = ['US', 'MX'];
  return (
    <section className="card" aria-labelledby="signoffs-heading">
      <h2 id="signoffs-heading">{t.signOffs}</h2>
      <div className="signoffs">
        {sides.map((side) => {
          const signOff = shutdown.signOffs[side];
          const own = canWrite(user) && user.country === side;
          return (
            <div
              key={side}
              className={`signoff ${signOff ? 'signoff-done' : 'signoff-pending'}`}
              data-testid={`sign-off-${side}`}
              data-state={signOff ? 'signed' : 'pending'}
            >
              <p className="signoff-status">
                <span aria-hidden="true">{signOff ? '✔ ' : '○ '}</span>
                {signOff ? t.signedOff(t.side[side]) : t.signOffPending(t.side[side])}
              </p>
              {signOff ? (
                <p className="muted small">
                  {t.signOffBy(signOff.officer, signOff.agency)} · <LocalTime iso={signOff.at} zone={zone} />
                </p>
              ) : own ? (
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={write.pending}
                  onClick={() => {
                    void write.run('POST', `/api/ports/${port.id}/sign-offs`, { side }).then((result) => {
                      if (result) announce(t.signedOff(t.side[side]));
                    });
                  }}
                >
                  {t.signOff(t.side[side])}
                </button>
              ) : (
                <DisabledReason id={`signoff-why-${side}`}>
                  {canWrite(user) ? t.signOffOtherSide(t.side[side]) : t.readOnlyReason}
                </DisabledReason>
              )}
            </div>
          );
        })}
      </div>
      {write.error ? <ErrorAlert error={write.error} /> : null}
    </section>
  );
}

interface BlockingDetails {
  openCriticalItems?: { id: string; text?: { en?: string; es?: string }; owner?: Owner }[];
  missingSignOffs?: Side[];
}

function Blockers({
  items,
  signOffs,
}: {
  items: { id: string; text?: { en?: string; es?: string }; owner?: Owner }[];
  signOffs: Side[];
}) {
  const { t, lang } = useI18n();
  return (
    <ul className="blockers">
      {items.map((item) => (
        <li key={item.id}>
          <span aria-hidden="true">▲ </span>
          {t.openCriticalItem(pickText(item.text, lang).text || item.id, item.owner ? t.owner[item.owner] : '')}
        </li>
      ))}
      {signOffs.map((side) => (
        <li key={side}>
          <span aria-hidden="true">✎ </span>
          {t.missingSignOff(t.side[side])}
        </li>
      ))}
    </ul>
  );
}

function Reopen({ port, shutdown }: { port: PortStatus; shutdown: ActiveShutdown }) {
  const { t, lang } = useI18n();
  const { user, token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const { reset } = write;
  // A refusal describes the port as it was: once the port changes (an item ticked, a side signed off), the readiness
  // panel above tells what still blocks, and the old refusal would only mislead.
  useEffect(() => reset(), [port.revision, reset]);
  const [chosen, setChosen] = useState<Set<LaneId>>(() => new Set(shutdown.closedLanes));
  const closed = shutdown.closedLanes;
  const lanes = new Set([...chosen].filter((lane) => closed.includes(lane)));
  const officer = canWrite(user);
  const blockers = shutdown.blockers;
  const blocked = blockers.openCriticalItems.length > 0 || blockers.missingSignOffs.length > 0;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (lanes.size === 0) return;
    void write
      .run('POST', `/api/ports/${port.id}/reopenings`, lanes.size === closed.length ? {} : { lanes: [...lanes] })
      .then((result) => {
        if (result) announce(`${t.reopened} ${lang === 'es' ? port.name.mx : port.name.us}`);
      });
  };
  const error: ApiError | undefined = write.error;
  const details = (error?.code === 'PORT.REOPENING_BLOCKED' ? error.details : {}) as BlockingDetails;

  return (
    <section className="card" aria-labelledby="reopen-heading">
      <h2 id="reopen-heading">{t.reopen}</h2>
      <div className="readiness" data-testid="reopen-readiness" data-ready={!blocked}>
        <h3>{t.stillBlocking}</h3>
        {blocked ? (
          <Blockers items={blockers.openCriticalItems} signOffs={blockers.missingSignOffs} />
        ) : (
          <p>
            <span aria-hidden="true">✔ </span>
            {t.nothingBlocking}
          </p>
        )}
      </div>
      {officer ? (
        <form onSubmit={onSubmit} data-testid="reopen-form" className="form">
          <p className="muted">{t.reopenIntro}</p>
          <LanePicker legend={t.lanesToReopen} lanes={closed} chosen={lanes} onChange={setChosen} name="reopen-lane" />
          {error?.code === 'PORT.REOPENING_BLOCKED' ? (
            <div className="alert alert-error" role="alert" data-testid="reopen-blockers">
              <span className="alert-icon" aria-hidden="true">
                ✖
              </span>
              <div>
                {/* The items and sides below say what the API's sentence would, one per line. */}
                <p>
                  <strong>{t.reopenRefused}.</strong>
                </p>
                <Blockers items={details.openCriticalItems ?? []} signOffs={details.missingSignOffs ?? []} />
              </div>
            </div>
          ) : error ? (
            <ErrorAlert error={error} />
          ) : null}
          <button type="submit" className="btn btn-primary" disabled={write.pending || lanes.size === 0}>
            {write.pending ? t.saving : t.submitReopen}
          </button>
        </form>
      ) : (
        <DisabledReason id="reopen-why">{t.readOnlyReason}</DisabledReason>
      )}
    </section>
  );
}

function ShutdownSummary({ shutdown, zone }: { shutdown: ActiveShutdown; zone: string }) {
  const { t, lang } = useI18n();
  const incident = useResource<IncidentBoardEntry[]>('/api/incidents');
  const linked = incident.data?.find((entry) => entry.incidentId === shutdown.incidentId);
  return (
    <section className="card shutdown-card" aria-labelledby="shutdown-heading">
      <h2 id="shutdown-heading">
        {t.shutdown}: {t.scope[shutdown.scope]}
      </h2>
      <dl className="facts">
        <dt>{t.kind}</dt>
        <dd>{t.shutdownKind[shutdown.kind]}</dd>
        <dt>{t.declaredBy}</dt>
        <dd>
          {shutdown.declaredBy.agency} ({t.side[shutdown.declaredBy.side]})
        </dd>
        <dt>{t.declaredAt}</dt>
        <dd>
          <LocalTime iso={shutdown.declaredAt} zone={zone} />
        </dd>
        <dt>{t.reason}</dt>
        <dd>
          <BiText value={shutdown.reason} />
        </dd>
        {shutdown.incidentId ? (
          <>
            <dt>{t.linkedIncident}</dt>
            <dd>
              <Link to={{ name: 'incident', incidentId: shutdown.incidentId }}>
                {linked ? plainText(linked.title, lang) : t.incidentTitle}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function PortPage({ port, incidentId }: { port: PortStatus; incidentId: string | undefined }) {
  const { t, lang } = useI18n();
  const { user } = useSignedIn();
  const zones = useZones();
  const zone = zones.port(port.id);
  const now = useNow(60_000);
  const blms = useResource<BorderLiaisonMechanism[]>('/api/blms');
  const blm = blms.data?.find((candidate) => candidate.id === port.blmId);
  const exercise = useExercise([`port-${port.id}`]);
  const shutdown = port.activeShutdown;
  const ownName = lang === 'es' ? port.name.mx : port.name.us;
  const otherName = lang === 'es' ? port.name.us : port.name.mx;
  useTitle(ownName);
  return (
    <div className="port-page">
      {exercise ? <ExerciseBanner /> : null}
      <div className="page-head">
        <div>
          <p className="eyebrow">{t.portTitle}</p>
          <h1>{ownName}</h1>
          <p className="subtitle" lang={lang === 'es' ? 'en' : 'es-MX'}>
            {otherName}
          </p>
        </div>
        <PortStatusChip status={port.status} testId={`port-status-${port.id}`} />
      </div>
      <dl className="facts facts-inline">
        <dt>{t.usName}</dt>
        <dd>
          {port.name.us}, {port.state.us}
        </dd>
        <dt>{t.mxName}</dt>
        <dd>
          {port.name.mx}, {port.state.mx}
        </dd>
        <dt>{t.blm}</dt>
        <dd>{blm ? blm.name[lang] : port.blmId}</dd>
        <dt>{t.timeZone}</dt>
        <dd>
          {zoneAbbreviation(new Date(now), zone)} ({zone})
        </dd>
      </dl>
      <div className="port-grid">
        <section className="card" aria-labelledby="lanes-heading">
          <h2 id="lanes-heading">{t.lanes}</h2>
          <Lanes port={port} />
        </section>
        {shutdown ? (
          <ShutdownSummary shutdown={shutdown} zone={zone} />
        ) : canWrite(user) ? (
          <DeclareShutdown port={port} incidentId={incidentId} />
        ) : (
          <section className="card">
            <h2>{t.shutdown}</h2>
            <p>{t.noShutdown}</p>
          </section>
        )}
      </div>
      {shutdown ? (
        <>
          <Checklist port={port} shutdown={shutdown} zone={zone} />
          <div className="port-grid">
            <SignOffs port={port} shutdown={shutdown} zone={zone} />
            <Reopen key={shutdown.shutdownId + shutdown.phases} port={port} shutdown={shutdown} />
          </div>
        </>
      ) : null}
      {port.pastShutdowns.length > 0 ? (
        <section className="card" aria-labelledby="past-heading">
          <h2 id="past-heading">{t.pastShutdowns}</h2>
          <ul className="plain">
            {[...port.pastShutdowns].reverse().map((past) => (
              <li key={past.shutdownId}>
                {t.shutdownKind[past.kind]}: <LocalTime iso={past.declaredAt} zone={zone} /> →{' '}
                <LocalTime iso={past.reopenedAt} zone={zone} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function PortView({ portId, incidentId }: { portId: string; incidentId: string | undefined }) {
  const { t } = useI18n();
  const port = useResource<PortStatus>(`/api/ports/${portId}`);
  if (port.error?.status === 404) {
    return (
      <div className="card">
        <h1>{t.portNotFound}</h1>
        <Link to={{ name: 'overview' }}>{t.backToOverview}</Link>
      </div>
    );
  }
  return <Loadable resource={port}>{(data) => <PortPage port={data} incidentId={incidentId} />}</Loadable>;
}
