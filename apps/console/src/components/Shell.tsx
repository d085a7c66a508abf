// The frame of every signed-in page: skip link, header (brand, navigation, connection, language, account), the
// read-only and resume notices, the main landmark, and the page's polite live region.
import { useId, type ReactNode } from 'react';
import type { NotificationStatus } from '../api/types';
import { useResource } from '../state/DataProvider';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { Link, useRouter } from '../router/Router';
import {
  canAudit,
  canManageAccounts,
  canReadOutbox,
  canReadScenarios,
  canReadSignInActivity,
  canWrite,
} from '../session/session';
import { useSession, useSignedIn } from '../session/SessionProvider';
import { browserZone } from '../time/format';
import { DrillModeBar } from '../drills/DrillModeBar';
import { LocalTime } from './common';
import { useNow } from './hooks';
import { useMyMechanisms, notificationState } from './notifications';
import './shell.css';

/** The first stop of the keyboard on every page: straight to its main landmark. */
export function SkipLink() {
  const { t } = useI18n();
  return (
    <a className="skip-link" href="#main">
      {t.skipToContent}
    </a>
  );
}

/** Enlace's mark and name, as every page's header shows them, with what the header adds after them. */
export function Brand({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="brand">
      <svg viewBox="0 0 32 32" className="brand-mark" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="6" fill="#0b3d5c" />
        <path d="M4 20 C10 14 14 24 20 16 S28 12 28 12" stroke="#f5b700" strokeWidth="3" fill="none" />
      </svg>
      <span className="brand-name">{t.appName}</span>
      {children}
    </div>
  );
}

/**
 * The other language, named in itself ("Español", "English"): its visible text is its accessible name (WCAG 2.5.3,
 * label in name), and what it does is its description. The two-letter code is drawn by CSS with an empty
 * alternative, so it is neither part of the name nor read out.
 */
export function LanguageSwitch() {
  const { lang, t, setLang } = useI18n();
  return (
    <button
      type="button"
      className="btn btn-quiet lang-switch"
      data-testid="language-switch"
      lang={lang === 'en' ? 'es-MX' : 'en'}
      title={t.languageSwitchLabel}
      onClick={() => setLang(lang === 'en' ? 'es' : 'en')}
    >
      <span aria-hidden="true" className="lang-code" data-code={lang === 'en' ? 'ES' : 'EN'} />
      {t.languageSwitchText}
    </button>
  );
}

function ConnectionStatus() {
  const { t } = useI18n();
  const { connection, connecting, lostAt } = useLive();
  const detailId = useId();
  const label = connecting && connection === 'reconnecting' ? t.connecting : t.connection[connection];
  return (
    <div
      className={`conn conn-${connection}`}
      data-testid="connection-status"
      data-state={connection}
      role="status"
      aria-live="polite"
      aria-describedby={detailId}
    >
      <span className="conn-dot" aria-hidden="true">
        {connection === 'connected' ? '●' : connection === 'reconnecting' ? '◌' : '○'}
      </span>
      <span className="conn-label">
        <span className="visually-hidden">{t.connectionLabel}: </span>
        {label}
      </span>
      <span className="visually-hidden" id={detailId}>
        {t.connectionDetail[connection]}
      </span>
      {connection !== 'connected' && lostAt !== undefined ? (
        <span className="conn-stale">
          {t.staleSince('')}
          <LocalTime iso={new Date(lostAt).toISOString()} zone={browserZone()} seconds timeOnly />
        </span>
      ) : null}
    </div>
  );
}

function UserMenu() {
  const { t } = useI18n();
  const { user, sessionExpiresAt } = useSignedIn();
  const { signOut } = useSession();
  return (
    <div className="user-menu" data-testid="user-menu" aria-label={t.userMenu} role="group">
      <span className="user-name">
        <span className="visually-hidden">{t.signedInAs(user.displayName)}</span>
        <span aria-hidden="true">{user.displayName}</span>
        <span className="user-meta">
          {user.agency} · {t.side[user.country]} · {t.role[user.role]}
        </span>
        <span className="visually-hidden">
          {t.sessionEnds} <LocalTime iso={new Date(sessionExpiresAt).toISOString()} zone={browserZone()} />
        </span>
      </span>
      <button type="button" className="btn btn-quiet" data-testid="sign-out" onClick={() => signOut('signed-out')}>
        {t.signOut}
      </button>
    </div>
  );
}

function InboxBadge() {
  const { t } = useI18n();
  const notifications = useResource<NotificationStatus[]>('/api/notifications');
  const { user } = useSignedIn();
  const mine = useMyMechanisms();
  const now = useNow(5000);
  const pending = (notifications.data ?? []).filter((notification) => {
    if (mine.ids && !mine.ids.has(notification.blmId)) return false;
    const state = notificationState(notification, user, now);
    return state === 'pending' || state === 'overdue';
  }).length;
  if (pending === 0) return null;
  return <span className="badge">{t.inboxPendingCount(pending)}</span>;
}

function ResumeNotice() {
  const { t } = useI18n();
  const { resumed, dismissResumed } = useLive();
  if (!resumed) return null;
  const since = new Date(resumed.since).toISOString();
  const [before, after] = t.resumed('\u0000', resumed.count).split('\u0000');
  return (
    <div className="notice notice-info" data-testid="resume-notice">
      <span aria-hidden="true">↻ </span>
      <span>
        {before}
        <LocalTime iso={since} zone={browserZone()} seconds timeOnly />
        {after}
      </span>
      <button type="button" className="btn btn-small btn-quiet" onClick={dismissResumed}>
        {t.close}
      </button>
    </div>
  );
}

function LiveRegion() {
  const { announcement } = useLive();
  return (
    <div className="visually-hidden" data-testid="live-region" aria-live="polite" aria-atomic="true">
      {announcement ? <p key={announcement.id}>{announcement.text}</p> : null}
    </div>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { route } = useRouter();
  const { user } = useSignedIn();
  return (
    <div className="shell">
      <SkipLink />
      <DrillModeBar />
      <header className="top">
        <Brand>
          <span className="brand-tagline">{t.appTagline}</span>
        </Brand>
        <nav aria-label={t.mainNavigation} className="nav">
          <Link to={{ name: 'overview' }} aria-current={route.name === 'overview' ? 'page' : undefined}>
            {t.navOverview}
          </Link>
          <Link
            to={{ name: 'incident-archive' }}
            aria-current={route.name === 'incident-archive' ? 'page' : undefined}
            data-testid="nav-archive"
          >
            {t.archiveReport.navArchive}
          </Link>
          <Link to={{ name: 'inbox' }} aria-current={route.name === 'inbox' ? 'page' : undefined}>
            {t.navInbox} <InboxBadge />
          </Link>
          <Link
            to={{ name: 'drills' }}
            aria-current={
              ['drills', 'drill', 'plan-notification-drill', 'notification-drills'].includes(route.name)
                ? 'page'
                : undefined
            }
          >
            {t.navDrills}
          </Link>
          {canReadScenarios(user) ? (
            <Link
              to={{ name: 'scenarios' }}
              aria-current={
                route.name === 'scenarios' || route.name === 'scenario' || route.name === 'plan-drill'
                  ? 'page'
                  : undefined
              }
            >
              {t.navScenarios}
            </Link>
          ) : null}
          {canReadSignInActivity(user) ? (
            <Link
              to={{ name: 'sign-in-activity' }}
              aria-current={route.name === 'sign-in-activity' ? 'page' : undefined}
            >
              {t.navSignInActivity}
            </Link>
          ) : null}
          {canAudit(user) ? (
            <Link
              to={{ name: 'audit-history' }}
              aria-current={route.name.startsWith('audit-') ? 'page' : undefined}
              data-testid="nav-audit"
            >
              {t.audit.nav}
            </Link>
          ) : null}
          {canManageAccounts(user) ? (
            <Link to={{ name: 'accounts' }} aria-current={route.name === 'accounts' ? 'page' : undefined}>
              {t.navAccounts}
            </Link>
          ) : null}
          {canReadOutbox(user) ? (
            <Link
              to={{ name: 'outbox' }}
              aria-current={route.name === 'outbox' ? 'page' : undefined}
              data-testid="nav-outbox"
            >
              {t.navOutbox}
            </Link>
          ) : null}
        </nav>
        <div className="top-tools">
          <ConnectionStatus />
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      {!canWrite(user) ? (
        <div className="notice notice-readonly" role="note">
          {user.role === 'admin'
            ? t.adminBanner
            : user.role === 'planner'
              ? t.plannerBanner
              : t.readOnlyBanner(t.role[user.role].toLowerCase())}
        </div>
      ) : null}
      <ResumeNotice />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <LiveRegion />
    </div>
  );
}
