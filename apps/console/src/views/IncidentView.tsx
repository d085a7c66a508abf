// One incident: details, material with its ERG guide, the map with its protective-action zones, protective actions,
// affected ports, JCP steps done and pending, situation reports, the activity log. Officers order and lift protective
// actions, record JCP steps, assign their side's on-scene coordinator, stand the JRT down, add missing translations,
// update the incident, file situation reports and close it (the pieces live in ./incident/).
import { useState, type FormEvent } from 'react';
import { primaryPortOf, type ActivityEntry, type Incident, type PortStatus, type RecordedEvent } from '../api/types';
import {
  BilingualFields,
  BiText,
  DisabledReason,
  ErrorAlert,
  ExerciseBanner,
  ExerciseTag,
  Loadable,
  LocalTime,
  PortStatusChip,
  SeverityChip,
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
import { CloseIncidentForm } from './incident/CloseIncident';
import { IncidentMap } from './incident/IncidentMap';
import { JcpSteps } from './incident/JcpSteps';
import { OrderProtectiveActionForm, ProtectiveActionList, type ZoneCenterInput } from './incident/ProtectiveActions';
import { Timeline } from './incident/Timeline';
import { TranslatableText, TranslateControl } from './incident/Translatable';
import { UpdateForm } from './incident/UpdateForm';
import './incident.css';

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
  // The centre of the next protective action's zone: the incident's location until the officer types or places one.
  const [center, setCenter] = useState<ZoneCenterInput>({
    lat: String(incident.location.lat),
    lon: String(incident.location.lon),
  });
  const centerPoint =
    center.lat.trim() && center.lon.trim() && Number.isFinite(Number(center.lat)) && Number.isFinite(Number(center.lon))
      ? { lat: Number(center.lat), lon: Number(center.lon) }
      : undefined;
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
          <TranslateControl incident={incident} field="title" value={incident.title} />
        </div>
        <div className="head-chips">
          <SeverityChip severity={incident.severity} />
          <span
            className={`chip chip-incident-${incident.status}`}
            data-testid="incident-status"
            data-state={incident.status}
          >
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
      {officer ? (
        <p>
          <Link
            to={{ name: 'inbox', incidentId: incident.incidentId }}
            className="btn"
            data-testid="issue-notification-about"
          >
            {t.incidentActions.issueNotificationAbout}
          </Link>
        </p>
      ) : null}
      <section className="card" aria-labelledby="incident-map-heading">
        <h2 id="incident-map-heading">{t.incidentActions.incidentMap}</h2>
        <IncidentMap
          incident={incident}
          {...(officer
            ? {
                pick: {
                  value: centerPoint,
                  onPick: (point) => setCenter({ lat: String(point.lat), lon: String(point.lon) }),
                },
              }
            : {})}
        />
      </section>
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
              <TranslatableText
                incident={incident}
                field="location.description"
                value={incident.location.description}
              />
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
                  <TranslatableText incident={incident} field="closingSummary" value={incident.closingSummary} />
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
                  <li key={id} data-testid={`affected-port-${id}`}>
                    <Link to={{ name: 'port', portId: id }}>{port ? portName(port, lang) : id}</Link>{' '}
                    <span className="muted small">
                      (
                      {id === primaryPortOf(incident)
                        ? t.archiveReport.primaryPortBadge
                        : t.archiveReport.otherPortsBadge}
                      )
                    </span>{' '}
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
        <section className="card" aria-labelledby="pa-heading" data-testid="protective-actions">
          <h2 id="pa-heading">{t.protectiveActions}</h2>
          <ProtectiveActionList incident={incident} zone={zone} />
          {officer ? <OrderProtectiveActionForm incident={incident} center={center} onCenter={setCenter} /> : null}
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
                <li key={report.reportId} data-testid={`sitrep-${report.number}`}>
                  <strong>{t.situationReportNumber(report.number)}</strong>{' '}
                  <span className="muted">
                    · {t.side[report.side]} · <LocalTime iso={report.filedAt} zone={zone} />
                  </span>
                  <p>
                    <TranslatableText
                      incident={incident}
                      field={`situationReport:${report.reportId}`}
                      value={report.summary}
                    />
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
      {officer ? (
        <section className="card" aria-labelledby="close-heading" data-testid="close-incident">
          <h2 id="close-heading">{t.incidentActions.closeHeading}</h2>
          <CloseIncidentForm incident={incident} />
        </section>
      ) : null}
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
