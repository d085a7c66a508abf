// Accounts, for administrators: who may sign in, sign-in lockouts (with unlock), and disabling or enabling an account.
import { useState } from 'react';
import type { AccountView } from '../api/types';
import { ColumnHeads, ErrorAlert, Loadable, LocalTime, RolesOnlyPage } from '../components/common';
import { useNow, useTitle } from '../components/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { useLive } from '../live/LiveProvider';
import { canManageAccounts } from '../session/session';
import { useSignedIn } from '../session/SessionProvider';
import { useResource, useWrite } from '../state/DataProvider';
import { browserZone } from '../time/format';
import './admin.css';

function AccountRow({ account, onChanged }: { account: AccountView; onChanged: () => void }) {
  const { t } = useI18n();
  const { user, token } = useSignedIn();
  const { announce } = useLive();
  const write = useWrite(token);
  const [reason, setReason] = useState('');
  const now = useNow(5_000);
  const self = account.username === user.username;
  const running = (until: string | null): until is string => until !== null && Date.parse(until) > now;
  const lockedForNewAddresses = running(account.lockedUntil);
  const lockedAddresses = account.lockedAddresses.filter(({ until }) => running(until));
  const lockedAddressCount = account.lockedAddressCount - (account.lockedAddresses.length - lockedAddresses.length);
  const signInsPaused = running(account.signInsPausedUntil);
  const locked = lockedForNewAddresses || lockedAddressCount > 0 || signInsPaused;
  const time = (iso: string) => <LocalTime iso={iso} zone={browserZone()} seconds timeOnly />;

  const act = async (action: 'unlock' | 'disable' | 'enable') => {
    if (action === 'disable' && !window.confirm(t.confirmDisable(account.displayName))) return;
    const body = action === 'disable' && reason.trim() ? { reason: reason.trim() } : {};
    const result = await write.run(
      'POST',
      `/api/admin/accounts/${encodeURIComponent(account.username)}/${action}`,
      body,
    );
    if (result) {
      setReason('');
      announce(t.accountUpdated(account.displayName));
      onChanged();
    }
  };

  return (
    <tr
      data-testid={`account-${account.username}`}
      data-status={account.status}
      data-locked={locked}
      data-locked-addresses={lockedAddressCount}
      data-locked-everywhere={lockedForNewAddresses}
    >
      <th scope="row">
        {account.displayName}
        <span className="muted block">
          {account.username}
          {self ? ` · ${t.yourAccount}` : ''}
        </span>
      </th>
      <td>
        {account.agency} · {t.side[account.country]}
      </td>
      <td>{t.role[account.role]}</td>
      <td>
        <span className={`chip chip-${account.status === 'enabled' ? 'open' : 'closed'}`}>
          {t.accountStatus[account.status]}
        </span>
      </td>
      <td>
        {lockedForNewAddresses ? (
          <span className="block">
            {t.lockedForNewAddresses} {time(account.lockedUntil!)}
          </span>
        ) : null}
        {lockedAddressCount > 0 ? (
          <span className="block">
            {t.lockedAddresses(lockedAddressCount)}{' '}
            {time(lockedAddresses[0]?.until ?? account.lockedAddresses[0]!.until)}
            <span className="muted block">
              {lockedAddresses.map(({ address }) => address).join(', ')}
              {lockedAddressCount > lockedAddresses.length ? ', …' : ''}
            </span>
          </span>
        ) : null}
        {signInsPaused ? (
          <span className="block">
            {t.signInsPausedUntil} {time(account.signInsPausedUntil!)}
          </span>
        ) : null}
        {locked ? null : <span className="muted">{t.notLocked}</span>}
        {account.recentFailures > 0 ? (
          <span className="muted block">{t.recentFailures(account.recentFailures)}</span>
        ) : null}
      </td>
      <td className="actions">
        {locked ? (
          <button type="button" className="btn btn-small" disabled={write.pending} onClick={() => void act('unlock')}>
            {t.unlock}
          </button>
        ) : null}
        {account.status === 'enabled' && !self ? (
          <span className="inline-form">
            <label className="visually-hidden" htmlFor={`reason-${account.username}`}>
              {t.disableReason}
            </label>
            <input
              id={`reason-${account.username}`}
              placeholder={t.disableReason}
              value={reason}
              maxLength={500}
              onChange={(event) => setReason(event.target.value)}
            />
            <button
              type="button"
              className="btn btn-small btn-danger"
              disabled={write.pending}
              onClick={() => void act('disable')}
            >
              {t.disable}
            </button>
          </span>
        ) : null}
        {account.status === 'disabled' ? (
          <button type="button" className="btn btn-small" disabled={write.pending} onClick={() => void act('enable')}>
            {t.enable}
          </button>
        ) : null}
        {write.error ? <ErrorAlert error={write.error} /> : null}
      </td>
    </tr>
  );
}

export function Accounts() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  useTitle(t.accountsTitle);
  const accounts = useResource<AccountView[]>(canManageAccounts(user) ? '/api/admin/accounts' : null);
  return (
    <RolesOnlyPage
      allowed={canManageAccounts(user)}
      id="accounts"
      title={t.accountsTitle}
      intro={t.accountsIntro}
      whoMay={t.accountsOnlyAdmins}
    >
      <Loadable resource={accounts}>
        {(list) => (
          <table className="admin-table">
            <ColumnHeads
              labels={[
                t.accountColumns.account,
                t.accountColumns.agency,
                t.accountColumns.role,
                t.accountColumns.status,
                t.accountColumns.lockout,
                t.accountColumns.actions,
              ]}
            />
            <tbody>
              {list.map((account) => (
                <AccountRow key={account.username} account={account} onChanged={accounts.retry} />
              ))}
            </tbody>
          </table>
        )}
      </Loadable>
    </RolesOnlyPage>
  );
}
