// One incident: details, material with its ERG guide, protective actions, affected ports, JCP steps done and pending,
// situation reports, the activity log; officers add updates and situation reports.
import { useState, type FormEvent } from 'react';
import {
  type ActivityEntry,
  type Incident,
  type PortStatus,
  type RecordedEvent,
  type Severity,
  type Side,
} from '../api/types';
import {
  BilingualFields,
  BiText,
  DisabledReason,
  ErrorAlert,
  ColumnHeads,
  ExerciseBanner,
  ExerciseTag,
  FormProblems,
  Loadable,
  LocalTime,
  PortStatusChip,
  SeverityChip,
  SeveritySelect,
  SubmitButton,
} from '../components/common';
import { usePorts, useTitle, useZones } from '../components/hooks';
import { useResource, useWrite } from '../state/DataProvider';
import { bilingualInput, plainText } from '../i18n';
import { useMaterialReference } from '../components/material';
import { useI18n } from '../i18n/I18nProvider';
import { useExercise, useLive } from '../live/LiveProvider';
import { Link } from '../router/Router';
import { Ics214Downloads } from '../audit/Ics214Downloads';
import { canReadIncidentHistory, canWrite } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { useDrillMode } from '../drills/DrillMode';
import { portName } from './Overview';
import './incident.css';

const SIDES: Side[] = ['US', 'MX'];
const CENTER: Record<Side, string> = { US: 'NRC', MX: 'CENACOM' };

function MaterialFacts({ incident }: { incident: Incident }) {
  const { t, lang } = useI18n();
  const material = incident.material;
  const reference = useMaterialReference(material?.unNumber);
  if (!material) return <p className="muted">{t.noMaterial}</p>;
  const guide = material.ergGuide ?? reference.data?.ergGuide;
  const toxic = material.toxicByInhalation ?? reference.data?.toxicByInhalation;
  return (
    <dl className="facts">
      <dt>{t.material}</dt>
      <dd>{reference.data?.names[lang] ?? material.name}</dd>
      {material.unNumber ? (
        <>
          <dt>{t.unNumber}</dt>
          <dd>{t.unNumberValue(material.unNumber)}</dd>
        </>
      ) : null}
      {(material.hazardClass ?? reference.data?.hazardClass) ? (
        <>
          <dt>{t.hazardClass}</dt>
          <dd>{material.hazardClass ?? reference.data?.hazardClass}</dd>
        </>
      ) : null}
      <dt>{t.ergGuide}</dt>
      <dd>
        {guide ? <strong className="erg-guide">{t.ergGuideValue(guide)}</strong> : t.unknown}
        {guide && reference.data?.ergGuide === guide ? (
          <span className="erg-guide-title"> — {reference.data.guideTitle[lang]}</span>
        ) : null}
        {toxic ? (
          <p className="tih">
            <span aria-hidden="true">☠ </span>
            {t.toxicByInhalation}
          </p>
        ) : null}
      </dd>
      {incident.quantity ? (
        <>
          <dt>{t.quantity}</dt>
          <dd>
            {incident.quantity.amount} {incident.quantity.unit}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function JcpSteps({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const { user, token } = useSignedIn();
  const zones = useZones();
  const zone = zones.incident(incident);
  const write = useWrite(token);
  const officer = canWrite(user) && incident.status === 'open';
  const base = `/api/incidents/${incident.incidentId}`;
  const canRecord = (side: Side) => officer && user.country === side;
  const step = (done: { at: string; reference?: string } | undefined, label: string, side: Side, path: string) => (
    <li
      className={`jcp-step ${done ? 'jcp-done' : 'jcp-pending'}`}
      data-state={done ? 'done' : 'pending'}
      key={path + side}
    >
      <span className="jcp-mark" aria-hidden="true">
        {done ? '✔' : '○'}
      </span>
      <div>
        <span className="visually-hidden">{done ? t.jcpDone : t.jcpPending}: </span>
        {label}
        {done ? (
          <div className="muted small">
            <LocalTime iso={done.at} zone={zone} />
            {done.reference ? ` · ${done.reference}` : ''}
          </div>
        ) : canRecord(side) ? (
          <div>
            <button
              type="button"
              className="btn btn-small"
              disabled={write.pending}
              onClick={() => void write.run('POST', `${base}/${path}`, {})}
            >
              {t.recordStep}
            </button>
          </div>
        ) : (
          <div className="muted small">{t.stepOtherSide(t.side[side])}</div>
        )}
      </div>
    </li>
  );
  const jrt = incident.jcp.jointResponseTeam;
  return (
    <>
      <ul className="jcp">
        {SIDES.flatMap((side) => [
          step(
            incident.jcp.nationalCenters[side],
            t.nationalCenterNotified(t.side[side], CENTER[side]),
            side,
            'national-center-notifications',
          ),
          step(
            incident.jcp.counterpartNotified[side],
            t.counterpartNotified(t.side[side], CENTER[side]),
            side,
            'counterpart-center-notifications',
          ),
        ])}
        <li className={`jcp-step ${jrt === 'active' ? 'jcp-done' : 'jcp-pending'}`}>
          <span className="jcp-mark" aria-hidden="true">
            {jrt === 'active' ? '✔' : '○'}
          </span>
          <div>
            {t.jointResponseTeam}: {t.jrtStatus[jrt]}
            {jrt === 'active'
              ? SIDES.filter((side) => incident.jcp.jointResponseTeamStandDown[side]).map((side) => (
                  <div key={side} className="muted small">
                    {t.jrtStandDown(t.side[side])}
                  </div>
                ))
              : null}
            {officer && jrt === 'inactive' ? (
              <div>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={write.pending}
                  onClick={() => void write.run('POST', `${base}/joint-response-team/activation`, {})}
                >
                  {t.activateJrt}
                </button>
              </div>
            ) : null}
          </div>
        </li>
        {SIDES.map((side) => {
          const osc = incident.jcp.onSceneCoordinators[side];
          return (
            <li key={`osc-${side}`} className={`jcp-step ${osc ? 'jcp-done' : 'jcp-pending'}`}>
              <span className="jcp-mark" aria-hidden="true">
                {osc ? '✔' : '○'}
              </span>
              <div>
                {t.onSceneCoordinator(t.side[side])}:{' '}
                {osc ? `${osc.name} (${osc.agency})${osc.phone ? ` ${osc.phone}` : ''}` : t.notAssigned}
              </div>
            </li>
          );
        })}
      </ul>
      {write.error ? <ErrorAlert error={write.error} /> : null}
    </>
  );
}

function SituationReportForm({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const { token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const [summary, setSummary] = useState({ en: '', es: '' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const text = bilingualInput(summary.en, summary.es);
    if (!text.en && !text.es) return;
    void write
      .run('POST', `/api/incidents/${incident.incidentId}/situation-reports`, { summary: text })
      .then((result) => {
        if (result) {
          setSummary({ en: '', es: '' });
          announce(t.saved);
        }
      });
  };
  return (
    <form className="form" onSubmit={onSubmit} data-testid="sitrep-form">
      <h3>{t.fileSituationReport}</h3>
      <BilingualFields label={t.summary} value={summary} onChange={setSummary} multiline required name="sitrep" />
      {write.error ? <ErrorAlert error={write.error} /> : null}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={write.pending || !(summary.en.trim() || summary.es.trim())}
      >
        {write.pending ? t.saving : t.submitSituationReport}
      </button>
    </form>
  );
}

function UpdateForm({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const { token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const [severity, setSeverity] = useState<Severity>(incident.severity);
  const [injured, setInjured] = useState(String(incident.casualties.injured));
  const [fatalities, setFatalities] = useState(String(incident.casualties.fatalities));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  // The revision the officer started from: a change by someone else meanwhile is refused (409), not overwritten.
  const [base, setBase] = useState(incident.revision);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const casualties = { injured: Number(injured), fatalities: Number(fatalities) };
    const changes = {
      ...(severity !== incident.severity ? { severity } : {}),
      ...(casualties.injured !== incident.casualties.injured || casualties.fatalities !== incident.casualties.fatalities
        ? { casualties }
        : {}),
    };
    if (Object.keys(changes).length === 0) {
      setProblem(t.nothingChanged);
      return;
    }
    setProblem(undefined);
    void write.run('PATCH', `/api/incidents/${incident.incidentId}`, changes, { ifMatch: base }).then((result) => {
      if (result) {
        setBase(result.revision);
        announce(t.saved);
      } else {
        // Refused because it changed: show the current values, to be reviewed before saving again.
        setBase(incident.revision);
        setSeverity(incident.severity);
        setInjured(String(incident.casualties.injured));
        setFatalities(String(incident.casualties.fatalities));
      }
    });
  };
  return (
    <form className="form" onSubmit={onSubmit} data-testid="update-form">
      <h3>{t.updateIncident}</h3>
      <div className="form-row">
        <SeveritySelect id="update-severity" value={severity} onChange={setSeverity} />
        <CountField id="update-injured" label={t.injured} value={injured} onChange={setInjured} />
        <CountField id="update-fatalities" label={t.fatalities} value={fatalities} onChange={setFatalities} />
      </div>
      <FormProblems problem={problem} error={write.error} />
      <SubmitButton pending={write.pending} label={t.submitUpdate} className="btn" />
    </form>
  );
}

function Timeline({ entries, zone }: { entries: ActivityEntry[]; zone: string }) {
  const { t, lang } = useI18n();
  if (entries.length === 0) return <p className="muted">{t.noTimeline}</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="timeline-heading">
      <table className="table timeline" data-testid="timeline">
        <ColumnHeads labels={[t.when, t.whichSide, t.who, t.what]} />
        <tbody>
          {[...entries].reverse().map((entry) => (
            <tr key={entry.position}>
              <td className="nowrap">
                <LocalTime iso={entry.at} zone={zone} seconds />
              </td>
              <td>
                <span className={`side-tag side-${entry.side ?? 'none'}`}>{entry.side ? t.side[entry.side] : '—'}</span>
              </td>
              <td>
                {entry.actor} <span className="muted">({entry.agency})</span>
              </td>
              <td>{entry.summary[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function IncidentPage({ incident }: { incident: Incident }) {
  const { t, lang } = useI18n();
  const { user } = useSignedIn();
  const zones = useZones();
  const ports = usePorts();
  const timeline = useResource<ActivityEntry[]>(`/api/incidents/${incident.incidentId}/timeline`);
  const events = useResource<RecordedEvent[]>(`/api/incidents/${incident.incidentId}/events`);
  const live = useExercise([`incident-${incident.incidentId}`]);
  const exercise = live || (events.data ?? []).some((event) => event.metadata.mode === 'exercise');
  const zone = zones.incident(incident);
  const { drillId } = useDrillMode();
  const officer = canWrite(user) && incident.status === 'open';
  const byId = new Map((ports.data ?? []).map((port: PortStatus) => [port.id, port]));
  useTitle(plainText(incident.title, lang));

  return (
    <div className="incident-page">
      {exercise ? <ExerciseBanner /> : null}
      <div className="page-head">
        <div>
          <p className="eyebrow">
            {t.incidentTitle} · {t.incidentKind[incident.kind]} {exercise ? <ExerciseTag /> : null}
          </p>
          <h1>
            <BiText value={incident.title} />
          </h1>
        </div>
        <div className="head-chips">
          <SeverityChip severity={incident.severity} />
          <span className={`chip chip-incident-${incident.status}`}>
            <span aria-hidden="true">{incident.status === 'open' ? '◉ ' : '◎ '}</span>
            {t.incidentStatus[incident.status]}
          </span>
        </div>
      </div>
      {/* The audit reads the live record: a drill's incidents have their after-action report instead. */}
      {canReadIncidentHistory(user) && !drillId ? (
        <p>
          <Link to={{ name: 'audit-scrubber', incidentId: incident.incidentId }} data-testid="incident-history">
            {t.audit.scrubber.open}
          </Link>
        </p>
      ) : null}
      {canReadIncidentHistory(user) && !drillId ? (
        <Ics214Downloads incidentId={incident.incidentId} user={user} />
      ) : null}
      <div className="incident-grid">
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading">{t.details}</h2>
          <dl className="facts">
            <dt>{t.reportedBy}</dt>
            <dd>
              {incident.reportedBy.agency} ({t.side[incident.reportedBy.side]})
            </dd>
            <dt>{t.observedAt}</dt>
            <dd>
              <LocalTime iso={incident.observedAt} zone={zone} />
            </dd>
            <dt>{t.reportedAt}</dt>
            <dd>
              <LocalTime iso={incident.reportedAt} zone={zone} />
            </dd>
            <dt>{t.location}</dt>
            <dd>
              <BiText value={incident.location.description} />
              <div className="muted small">
                {t.coordinates}: {incident.location.lat.toFixed(4)}, {incident.location.lon.toFixed(4)}
              </div>
            </dd>
            <dt>{t.casualties}</dt>
            <dd>{t.casualtiesValue(incident.casualties.injured, incident.casualties.fatalities)}</dd>
            {incident.closingSummary ? (
              <>
                <dt>{t.closingSummary}</dt>
                <dd>
                  <BiText value={incident.closingSummary} />
                </dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card" aria-labelledby="material-heading">
          <h2 id="material-heading">{t.material}</h2>
          <MaterialFacts incident={incident} />
        </section>
        <section className="card" aria-labelledby="ports-heading">
          <h2 id="ports-heading">{t.affectedPorts}</h2>
          {incident.affectedPortIds.length === 0 ? (
            <p className="muted">{t.noAffectedPorts}</p>
          ) : (
            <ul className="plain port-links">
              {incident.affectedPortIds.map((id) => {
                const port = byId.get(id);
                return (
                  <li key={id}>
                    <Link to={{ name: 'port', portId: id }}>{port ? portName(port, lang) : id}</Link>{' '}
                    {port ? <PortStatusChip status={port.status} /> : null}
                    {officer && port && !port.activeShutdown ? (
                      <>
                        {' '}
                        <Link
                          to={{ name: 'port', portId: id, incidentId: incident.incidentId }}
                          className="btn btn-small"
                        >
                          {t.declareShutdownHere}
                        </Link>
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="pa-heading">
          <h2 id="pa-heading">{t.protectiveActions}</h2>
          {incident.protectiveActions.length === 0 ? (
            <p className="muted">{t.noProtectiveActions}</p>
          ) : (
            <ul className="plain">
              {incident.protectiveActions.map((action) => (
                <li key={action.actionId} className={action.liftedAt ? 'muted' : ''}>
                  <strong>{t.protectiveActionLine(t.protectiveActionKind[action.kind], action.radiusMeters)}</strong> ·{' '}
                  {action.liftedAt ? t.lifted : t.inForce} · {t.orderedBy(t.side[action.side])} ·{' '}
                  <LocalTime iso={action.orderedAt} zone={zone} />
                  <div>
                    <BiText value={action.instructions} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="jcp-heading">
          <h2 id="jcp-heading">{t.jcpSteps}</h2>
          <JcpSteps incident={incident} />
        </section>
        <section className="card" aria-labelledby="sitrep-heading">
          <h2 id="sitrep-heading">{t.situationReports}</h2>
          {incident.situationReports.length === 0 ? (
            <p className="muted">{t.noSituationReports}</p>
          ) : (
            <ol className="plain sitreps">
              {[...incident.situationReports].reverse().map((report) => (
                <li key={report.reportId}>
                  <strong>{t.situationReportNumber(report.number)}</strong>{' '}
                  <span className="muted">
                    · {t.side[report.side]} · <LocalTime iso={report.filedAt} zone={zone} />
                  </span>
                  <p>
                    <BiText value={report.summary} />
                  </p>
                </li>
              ))}
            </ol>
          )}
          {officer ? <SituationReportForm incident={incident} /> : null}
        </section>
      </div>
      {officer ? (
        <section className="card">
          <UpdateForm incident={incident} />
        </section>
      ) : canWrite(user) ? null : (
        <DisabledReason id="incident-readonly">{t.readOnlyReason}</DisabledReason>
      )}
      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t.timeline}</h2>
        <Loadable resource={timeline}>{(entries) => <Timeline entries={entries} zone={zone} />}</Loadable>
      </section>
    </div>
  );
}

export function IncidentView({ incidentId }: { incidentId: string }) {
  const { t } = useI18n();
  const incident = useResource<Incident>(`/api/incidents/${incidentId}`);
  if (incident.error?.status === 404) {
    return (
      <div className="card">
        <h1>{t.incidentNotFound}</h1>
        <Link to={{ name: 'overview' }}>{t.backToOverview}</Link>
      </div>
    );
  }
  return <Loadable resource={incident}>{(data) => <IncidentPage incident={data} />}</Loadable>;
}

/** A whole number of people (the casualty fields), kept as typed until the form checks it. */
function CountField(props: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={0}
        inputMode="numeric"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}
