// The border overview: every port on the border map coloured (and shaped) by status, the open incidents beside it,
// the ports not fully open in words, a port picker, and the recent activity of the live feed.
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { IncidentBoardEntry, PortStatus } from '../api/types';
import {
  BiText,
  ColumnHeads,
  ExerciseBanner,
  ExerciseTag,
  Loadable,
  LocalTime,
  PortStatusChip,
  SeverityChip,
} from '../components/common';
import { useNow, usePorts, useTitle, useZones } from '../components/hooks';
import { useResource } from '../state/DataProvider';
import { MaterialName } from '../components/material';
import { useI18n } from '../i18n/I18nProvider';
import { describeEvent } from '../live/describe';
import { useLive } from '../live/LiveProvider';
import { BorderMap } from '../map/BorderMap';
import { mapPortsOf } from '../map/map-ports';
import { Link, useRouter } from '../router/Router';
import { canWrite } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { browserZone, zoneAbbreviation } from '../time/format';
import './overview.css';

export function portName(port: PortStatus, lang: 'en' | 'es'): string {
  return lang === 'es' ? port.name.mx : port.name.us;
}

function IncidentList({ incidents, ports }: { incidents: IncidentBoardEntry[]; ports: PortStatus[] }) {
  const { t, lang } = useI18n();
  const zones = useZones();
  const { exerciseStreams } = useLive();
  const byId = new Map(ports.map((port) => [port.id, port]));
  if (incidents.length === 0) return <p className="muted">{t.noOpenIncidents}</p>;
  return (
    <ul className="incident-list" data-testid="incident-list">
      {incidents.map((incident) => (
        <li key={incident.incidentId} data-testid={`incident-item-${incident.incidentId}`} className="incident-item">
          <div className="incident-head">
            <Link to={{ name: 'incident', incidentId: incident.incidentId }} className="incident-title">
              <BiText value={incident.title} />
            </Link>
            {exerciseStreams.has(`incident-${incident.incidentId}`) ? <ExerciseTag /> : null}
          </div>
          <div className="incident-meta">
            <SeverityChip severity={incident.severity} />
            <span>{t.incidentKind[incident.kind]}</span>
            {incident.material ? <MaterialName material={incident.material} /> : null}
          </div>
          {incident.affectedPortIds.length > 0 ? (
            <div className="incident-ports">
              {incident.affectedPortIds.map((id) => {
                const port = byId.get(id);
                return port ? (
                  <Link key={id} to={{ name: 'port', portId: id }} className="port-pill">
                    {portName(port, lang)} · {t.portStatus[port.status]}
                  </Link>
                ) : null;
              })}
            </div>
          ) : null}
          <div className="incident-meta muted">
            {t.lastUpdate}: <LocalTime iso={incident.lastUpdate} zone={zones.incident(incident)} />
            {incident.protectiveActionsInForce > 0 ? (
              <span> · {t.protectiveActionsInForce(incident.protectiveActionsInForce)}</span>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

function NonOpenPorts({ ports }: { ports: PortStatus[] }) {
  const { t, lang } = useI18n();
  const zones = useZones();
  const captionId = useId();
  const closed = ports.filter((port) => port.status !== 'open');
  if (closed.length === 0) {
    return (
      <p className="all-open">
        <PortStatusChip status="open" /> {t.allPortsOpen}
      </p>
    );
  }
  return (
    // A region of its own (it scrolls sideways on a narrow screen), named apart from its section: two landmarks of one
    // page never share a name.
    <div className="table-wrap" role="region" aria-label={t.mapA11y.nonOpenPortsTable} tabIndex={0}>
      <table className="table">
        <caption id={captionId} className="visually-hidden">
          {t.nonOpenPorts}
        </caption>
        <ColumnHeads labels={[t.portColumn, t.statusColumn, t.sinceColumn, t.checklistColumn]} />
        <tbody>
          {closed.map((port) => (
            <tr key={port.id} data-testid={`port-row-${port.id}`}>
              <th scope="row">
                <Link to={{ name: 'port', portId: port.id }}>{portName(port, lang)}</Link>
                <div className="muted small" lang={lang === 'es' ? 'en' : 'es-MX'}>
                  {lang === 'es' ? port.name.us : port.name.mx}
                </div>
              </th>
              <td>
                <PortStatusChip status={port.status} testId={`port-status-${port.id}`} />
              </td>
              <td>{port.closedSince ? <LocalTime iso={port.closedSince} zone={zones.port(port.id)} /> : '—'}</td>
              <td>
                {port.checklistProgress
                  ? t.checklistProgressShort(
                      port.checklistProgress.completed + port.checklistProgress.waived,
                      port.checklistProgress.total,
                      port.checklistProgress.criticalOpen,
                    )
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PortPicker({ ports }: { ports: PortStatus[] }) {
  const { t, lang } = useI18n();
  const { navigate } = useRouter();
  const [portId, setPortId] = useState('');
  const sorted = useMemo(
    () => [...ports].sort((a, b) => portName(a, lang).localeCompare(portName(b, lang), lang)),
    [ports, lang],
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (portId) navigate({ name: 'port', portId });
  };
  return (
    <form className="port-picker" onSubmit={onSubmit}>
      <label htmlFor="port-picker">{t.goToPort}</label>
      <div className="inline">
        <select id="port-picker" value={portId} onChange={(event) => setPortId(event.target.value)}>
          <option value="">{t.choosePort}</option>
          {sorted.map((port) => (
            <option key={port.id} value={port.id}>
              {portName(port, lang)} — {t.portStatus[port.status]}
            </option>
          ))}
        </select>
        <button type="submit" className="btn" disabled={!portId}>
          {t.goToPortButton}
        </button>
      </div>
    </form>
  );
}

function RecentActivity({ ports }: { ports: PortStatus[] }) {
  const { t, lang } = useI18n();
  const { activity, exerciseStreams } = useLive();
  const now = useNow(60_000);
  const byId = new Map(ports.map((port) => [port.id, port]));
  const names = { port: (id: string) => (byId.get(id) ? portName(byId.get(id)!, lang) : id) };
  // One clock for the whole list, the viewer's own (zone shown), so that the lines read in order: times of ports in
  // several zones, or a port's time beside UTC, made later events look earlier.
  const zone = browserZone();
  if (activity.length === 0) return <p className="muted">{t.noActivity}</p>;
  return (
    <>
      <p className="muted small" data-testid="activity-zone">
        {t.notificationCards.activityTimes(zoneAbbreviation(new Date(now), zone))}
      </p>
      {/* The list scrolls within its panel: focusable, so that the keyboard scrolls it too (WCAG 2.1.1). */}
      <ol className="activity" data-testid="recent-activity" tabIndex={0} aria-label={t.mapA11y.activityList}>
        {activity.map((event) => (
          <li key={event.position} data-type={event.type}>
            <LocalTime
              iso={event.metadata.recordedAt}
              zone={zone}
              seconds
              timeOnly={sameDay(event.metadata.recordedAt, now, zone)}
            />{' '}
            <span className={`side-tag side-${event.metadata.country ?? 'none'}`}>
              {event.metadata.country ? t.side[event.metadata.country] : '—'}
            </span>{' '}
            {exerciseStreams.has(event.streamId) ? <ExerciseTag /> : null} {describeEvent(event, lang, names)}
            <span className="muted"> · {event.metadata.agency}</span>
          </li>
        ))}
      </ol>
    </>
  );
}

/** Whether an instant falls on today's date in `zone` (then the clock time alone is enough). */
function sameDay(iso: string, now: number, zone: string): boolean {
  const day = (ms: number) => new Date(ms).toLocaleDateString('en-CA', { timeZone: zone });
  return day(Date.parse(iso)) === day(now);
}

export function Overview() {
  const { t, lang } = useI18n();
  const { user } = useSignedIn();
  const { navigate } = useRouter();
  const { exerciseStreams } = useLive();
  const ports = usePorts();
  const incidents = useResource<IncidentBoardEntry[]>('/api/incidents');
  useTitle(t.overviewTitle);

  const openIncidents = incidents.data ?? [];
  const withIncident = new Set(openIncidents.flatMap((incident) => incident.affectedPortIds));
  const mapPorts = mapPortsOf(ports.data ?? [], (port) => withIncident.has(port.id) || port.linkedIncidentId !== null);
  const unmapped = (ports.data ?? []).filter((port) => !port.location).length;
  const exercise =
    openIncidents.some((incident) => exerciseStreams.has(`incident-${incident.incidentId}`)) ||
    (ports.data ?? []).some((port) => port.status !== 'open' && exerciseStreams.has(`port-${port.id}`));

  return (
    <div className="overview">
      {exercise ? <ExerciseBanner /> : null}
      <h1 className="visually-hidden">{t.overviewTitle}</h1>
      <div className="overview-grid">
        <section className="panel map-panel" aria-labelledby="map-heading">
          <h2 id="map-heading">{t.mapHeading}</h2>
          <a className="skip-map-link" href="#open-incidents">
            {t.mapA11y.skipPastMap}
          </a>
          <Loadable resource={ports}>
            {() => (
              <>
                <BorderMap ports={mapPorts} lang={lang} onSelectPort={(portId) => navigate({ name: 'port', portId })} />
                {unmapped > 0 ? <p className="muted small">{t.withoutCoordinates(unmapped)}</p> : null}
              </>
            )}
          </Loadable>
        </section>
        <section
          id="open-incidents"
          tabIndex={-1}
          className="panel incidents-panel"
          aria-labelledby="incidents-heading"
        >
          <div className="panel-head">
            <h2 id="incidents-heading">{t.openIncidents}</h2>
            {canWrite(user) ? (
              <Link to={{ name: 'report-incident' }} className="btn btn-primary btn-small">
                <span aria-hidden="true">+ </span>
                {t.reportIncident}
              </Link>
            ) : null}
          </div>
          <Loadable resource={incidents}>
            {(data) => <IncidentList incidents={data} ports={ports.data ?? []} />}
          </Loadable>
          <p className="small">
            <Link to={{ name: 'incident-archive' }} data-testid="overview-archive-link">
              {t.archiveReport.overviewLink}
            </Link>
          </p>
        </section>
        <section className="panel ports-panel" aria-labelledby="ports-heading">
          <h2 id="ports-heading">{t.nonOpenPorts}</h2>
          <Loadable resource={ports}>
            {(data) => (
              <>
                <NonOpenPorts ports={data} />
                <PortPicker ports={data} />
              </>
            )}
          </Loadable>
        </section>
        <section className="panel activity-panel" aria-labelledby="activity-heading">
          <h2 id="activity-heading">{t.recentActivity}</h2>
          <RecentActivity ports={ports.data ?? []} />
        </section>
      </div>
    </div>
  );
}
