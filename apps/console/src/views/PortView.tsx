// One port of entry: lanes by mode and direction; declaring, widening and joining a shutdown; the resumption checklist
// grouped by owner side; the sign-off of each side; reopening in phases, each side its own lanes, with what blocks it.
import type { ActiveShutdown, BorderLiaisonMechanism, IncidentBoardEntry, PortStatus } from '../api/types';
import { BiText, ExerciseBanner, Loadable, LocalTime, PortStatusChip } from '../components/common';
import { useNow, useTitle, useZones } from '../components/hooks';
import { useResource } from '../state/DataProvider';
import { plainText } from '../i18n';
import { useI18n } from '../i18n/I18nProvider';
import { useExercise } from '../live/LiveProvider';
import { Link } from '../router/Router';
import { canWrite } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { zoneAbbreviation } from '../time/format';
import { Checklist } from './port/Checklist';
import { DeclareShutdown } from './port/DeclareShutdown';
import { Lanes } from './port/lanes';
import { Reopen } from './port/Reopen';
import { ShutdownChanges } from './port/ShutdownChanges';
import { ShutdownHistory } from './port/ShutdownHistory';
import { SignOffs } from './port/SignOffs';
import './port.css';

function ShutdownSummary({ port, shutdown, zone }: { port: PortStatus; shutdown: ActiveShutdown; zone: string }) {
  const { t, lang } = useI18n();
  const incident = useResource<IncidentBoardEntry[]>('/api/incidents');
  const linked = incident.data?.find((entry) => entry.incidentId === shutdown.incidentId);
  return (
    <section className="card shutdown-card" aria-labelledby="shutdown-heading">
      <h2 id="shutdown-heading">
        {t.shutdown}: <span data-testid="shutdown-scope">{t.scope[shutdown.scope]}</span>
      </h2>
      <p className="muted">{t.lanesClosedNow(shutdown.closedLanes.length, port.lanes.length)}</p>
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
        {shutdown.joinedBy ? (
          <>
            <dt>{t.joinedBy}</dt>
            <dd data-testid="joined-by">
              {shutdown.joinedBy.agency} ({t.side[shutdown.joinedBy.side]}) ·{' '}
              <LocalTime iso={shutdown.joinedBy.at} zone={zone} /> · <BiText value={shutdown.joinedBy.reason} />
            </dd>
          </>
        ) : null}
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
          <ShutdownSummary port={port} shutdown={shutdown} zone={zone} />
        ) : canWrite(user) ? (
          <DeclareShutdown port={port} incidentId={incidentId} />
        ) : (
          <section className="card">
            <h2>{t.shutdown}</h2>
            <p>{t.noShutdown}</p>
          </section>
        )}
      </div>
      {shutdown && canWrite(user) ? (
        <ShutdownChanges
          key={`${shutdown.shutdownId}:${shutdown.closedLanes.join()}:${shutdown.joinedBy ? 'joined' : ''}`}
          port={port}
          shutdown={shutdown}
        />
      ) : null}
      {shutdown ? (
        <>
          <Checklist port={port} shutdown={shutdown} zone={zone} />
          <div className="port-grid">
            <SignOffs port={port} shutdown={shutdown} zone={zone} />
            <Reopen
              key={`${shutdown.shutdownId}:${shutdown.phases}:${shutdown.closedLanes.join()}`}
              port={port}
              shutdown={shutdown}
            />
          </div>
        </>
      ) : null}
      <ShutdownHistory portId={port.id} zone={zone} revision={port.revision} />
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
