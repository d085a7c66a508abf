// The console: language, session, then (signed in) the read models, the live feed, the router and the views.
import { useEffect, useRef } from 'react';
import { DataProvider } from './state/DataProvider';
import { I18nProvider, useI18n } from './i18n/I18nProvider';
import { LiveProvider } from './live/LiveProvider';
import { Link, RouterProvider, useRouter } from './router/Router';
import type { Route } from './router/routes';
import { SessionProvider, useSession } from './session/SessionProvider';
import { Shell } from './components/Shell';
import { useTitle } from './components/hooks';
import { IncidentView } from './views/IncidentView';
import { Accounts } from './views/Accounts';
import { Inbox } from './views/Inbox';
import { Overview } from './views/Overview';
import { PortView } from './views/PortView';
import { ReportIncident } from './views/ReportIncident';
import { IncidentArchive } from './views/IncidentArchive';
import { SignInActivity } from './views/SignInActivity';
import { Outbox } from './views/Outbox';
import { SignIn } from './views/SignIn';
import { DrillModeProvider, useDrillMode } from './drills/DrillMode';
import { Drills } from './views/Drills';
import { DrillView } from './views/DrillView';
import { NotificationDrillYear } from './views/NotificationDrillYear';
import { PlanDrill, PlanImportedDrill } from './views/PlanDrill';
import { PlanNotificationDrill } from './views/PlanNotificationDrill';
import { ImportedScenarioView, ScenarioList, ScenarioView } from './views/Scenarios';
import { AuditHistory } from './views/AuditHistory';
import { AuditScrubber } from './views/AuditScrubber';
import { AuditVerification } from './views/AuditVerification';
import './styles/app.css';

function NotFound() {
  const { t } = useI18n();
  useTitle(t.notFoundTitle);
  return (
    <div className="card narrow">
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundBody}</p>
      <Link to={{ name: 'overview' }}>{t.backToOverview}</Link>
    </div>
  );
}

function View({ route }: { route: Route }) {
  switch (route.name) {
    case 'overview':
      return <Overview />;
    case 'inbox':
      return <Inbox {...(route.incidentId ? { incidentId: route.incidentId } : {})} />;
    case 'report-incident':
      return <ReportIncident />;
    case 'incident-archive':
      return <IncidentArchive />;
    case 'incident':
      return <IncidentView key={route.incidentId} incidentId={route.incidentId} />;
    case 'port':
      return <PortView key={route.portId} portId={route.portId} incidentId={route.incidentId} />;
    case 'accounts':
      return <Accounts />;
    case 'sign-in-activity':
      return <SignInActivity />;
    case 'outbox':
      return <Outbox />;
    case 'scenarios':
      return <ScenarioList />;
    case 'scenario':
      return <ScenarioView key={route.scenarioId} scenarioId={route.scenarioId} />;
    case 'drills':
      return <Drills />;
    case 'plan-drill':
      return <PlanDrill key={route.scenarioId} scenarioId={route.scenarioId} />;
    case 'imported-scenario':
      return <ImportedScenarioView />;
    case 'plan-imported-drill':
      return <PlanImportedDrill />;
    case 'plan-notification-drill':
      return <PlanNotificationDrill />;
    case 'notification-drills':
      return <NotificationDrillYear key={route.year ?? 'this-year'} year={route.year} />;
    case 'drill':
      return <DrillView key={route.drillId} drillId={route.drillId} />;
    case 'audit-history':
      return (
        <AuditHistory key={`${route.aggregate ?? ''}|${route.id ?? ''}`} aggregate={route.aggregate} id={route.id} />
      );
    case 'audit-scrubber':
      return (
        <AuditScrubber key={`${route.incidentId}|${route.at ?? ''}`} incidentId={route.incidentId} at={route.at} />
      );
    case 'audit-verification':
      return <AuditVerification />;
    case 'not-found':
      return <NotFound />;
  }
}

/** After navigating, focus moves to the main landmark so that keyboard and screen-reader users start there. */
function Routed() {
  const { route } = useRouter();
  const shown = useRef(route);
  useEffect(() => {
    if (shown.current === route) return;
    shown.current = route;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [route]);
  return (
    <Shell>
      <View route={route} />
    </Shell>
  );
}

/**
 * The world the console works in: the live one, or a drill's (drill mode). Entering or leaving a drill starts the
 * read models and the live feed afresh: positions, rooms and read models belong to one world.
 */
function World({ sessionId, currentToken }: { sessionId: string; currentToken: () => string | undefined }) {
  const { drillId, refused } = useDrillMode();
  return (
    <DataProvider key={`${sessionId}|${drillId ?? 'live'}`} currentToken={currentToken}>
      <LiveProvider sessionId={sessionId} drillId={drillId} onWorldRefused={refused}>
        <RouterProvider>
          <Routed />
        </RouterProvider>
      </LiveProvider>
    </DataProvider>
  );
}

function Console() {
  const { session, currentToken } = useSession();
  if (!session) return <SignIn />;
  return (
    <DrillModeProvider key={session.sessionId} sessionId={session.sessionId}>
      <World sessionId={session.sessionId} currentToken={currentToken} />
    </DrillModeProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Console />
      </SessionProvider>
    </I18nProvider>
  );
}
