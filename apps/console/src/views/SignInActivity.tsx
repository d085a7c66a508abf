// The sign-in journal, for auditors and administrators: newest first, older pages on demand.
import { useState } from 'react';
import { ApiError, request } from '../api/client';
import type { AuthActivityEntry, AuthActivityPage } from '../api/types';
import { ColumnHeads, ErrorAlert, Loadable, LocalTime, RolesOnlyPage } from '../components/common';
import { useTitle } from '../components/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { SIGN_IN_ACTIVITY_PATH } from '../live/feed-state';
import { canReadSignInActivity } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { useResource } from '../state/DataProvider';
import { browserZone } from '../time/format';
import './admin.css';

function Row({ entry }: { entry: AuthActivityEntry }) {
  const { t } = useI18n();
  const reason = entry.reason ? (t.activityReason[entry.reason] ?? entry.reason) : undefined;
  const alarm = entry.type === 'RefreshTokenReused' || entry.type === 'LoginLockedOut';
  return (
    <tr data-testid="activity-entry" data-type={entry.type} className={alarm ? 'row-alarm' : undefined}>
      <td>
        <LocalTime iso={entry.recordedAt} zone={browserZone()} seconds />
      </td>
      <td>{t.activityType[entry.type] ?? entry.type}</td>
      <td>{entry.username ?? '—'}</td>
      <td>
        {entry.address ?? '—'}
        {entry.userAgent ? <span className="muted block user-agent">{entry.userAgent}</span> : null}
      </td>
      <td>{entry.actor}</td>
      <td>
        {reason}
        {entry.until ? (
          <>
            {reason ? ' · ' : ''}
            {t.activityUntil} <LocalTime iso={entry.until} zone={browserZone()} seconds timeOnly />
          </>
        ) : null}
      </td>
    </tr>
  );
}

export function SignInActivity() {
  const { t } = useI18n();
  const { user, token } = useSignedIn();
  useTitle(t.activityTitle);
  const allowed = canReadSignInActivity(user);
  const newest = useResource<AuthActivityPage>(allowed ? SIGN_IN_ACTIVITY_PATH : null);
  const [older, setOlder] = useState<{ after: number | null; entries: AuthActivityEntry[]; next: number | null }>();
  const [error, setError] = useState<ApiError | undefined>(undefined);
  return (
    <RolesOnlyPage
      allowed={allowed}
      id="sign-in-activity"
      title={t.activityTitle}
      intro={t.activityIntro}
      whoMay={t.activityOnlyAuditors}
    >
      <Loadable resource={newest}>
        {(page) => {
          // Older pages continue the newest page read; a newer read of it starts over.
          const continued = older && older.after === page.next ? older : undefined;
          const entries = [...page.entries, ...(continued?.entries ?? [])];
          const next = continued ? continued.next : page.next;
          const loadOlder = () => {
            if (next === null) return;
            setError(undefined);
            request<AuthActivityPage>('GET', `/api/auth/activity?limit=50&before=${next}`, { token })
              .then((more) =>
                setOlder({
                  after: page.next,
                  entries: [...(continued?.entries ?? []), ...more.entries],
                  next: more.next,
                }),
              )
              .catch((failure: unknown) => {
                if (failure instanceof ApiError) setError(failure);
              });
          };
          if (entries.length === 0) return <p className="muted">{t.noSignInActivity}</p>;
          return (
            <>
              <table className="admin-table">
                <ColumnHeads
                  labels={[
                    t.activityColumns.when,
                    t.activityColumns.what,
                    t.activityColumns.account,
                    t.activityColumns.from,
                    t.activityColumns.by,
                    t.activityColumns.detail,
                  ]}
                />
                <tbody>
                  {entries.map((entry) => (
                    <Row key={entry.revision} entry={entry} />
                  ))}
                </tbody>
              </table>
              {error ? <ErrorAlert error={error} onRetry={loadOlder} /> : null}
              {next !== null ? (
                <button type="button" className="btn" data-testid="activity-older" onClick={loadOlder}>
                  {t.loadOlder}
                </button>
              ) : null}
            </>
          );
        }}
      </Loadable>
    </RolesOnlyPage>
  );
}
