import { Injectable } from '@nestjs/common';
import type { AccountView, Actor } from '@enlace/domain';
import { AccountDecisions, type AccountWrite } from './account-decisions.js';
import { AccountUnlocker } from './account-unlocker.js';
import { AuthState } from './auth-state.js';
import { LoginThrottle } from './login-throttle.js';
import { UserDirectory } from './user-directory.js';

export type { AccountWrite } from './account-decisions.js';
export type { AccountView } from '@enlace/domain';

/** Admins' work on accounts: see their status and lockouts, unlock, disable and enable. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly directory: UserDirectory,
    private readonly state: AuthState,
    private readonly throttle: LoginThrottle,
    private readonly decisions: AccountDecisions,
    private readonly unlocker: AccountUnlocker,
  ) {}

  async list(): Promise<AccountView[]> {
    return Promise.all(
      this.directory
        .list()
        .sort((a, b) => a.id.localeCompare(b.id))
        .map(async (account) => {
          const [status, lockout] = await Promise.all([
            this.state.account(account.id),
            this.throttle.status(account.id),
          ]);
          return {
            username: account.id,
            displayName: account.displayName,
            agency: account.agency,
            country: account.country,
            role: account.role,
            status: status.disabled ? ('disabled' as const) : ('enabled' as const),
            lockedUntil: lockout.everyAddressUntil?.toISOString() ?? null,
            lockedAddresses: lockout.addresses.map(({ address, until }) => ({ address, until: until.toISOString() })),
            lockedAddressCount: lockout.addressCount,
            signInsPausedUntil: lockout.signInsPausedUntil?.toISOString() ?? null,
            recentFailures: lockout.recentFailures,
          };
        }),
    );
  }

  async disable(username: string, reason: string | null, admin: Actor, write: AccountWrite) {
    const outcome = await this.decisions.decide(
      { type: 'DisableAccount', data: { username: this.decisions.known(username), reason } },
      admin,
      write,
    );
    this.state.accountChanged(username, { kind: 'account-disabled', username });
    await this.decisions.journal(outcome, 'AccountDisabled', { username, reason }, admin, write);
    return outcome;
  }

  async enable(username: string, admin: Actor, write: AccountWrite) {
    const outcome = await this.decisions.decide(
      { type: 'EnableAccount', data: { username: this.decisions.known(username) } },
      admin,
      write,
    );
    this.state.accountChanged(username);
    await this.decisions.journal(outcome, 'AccountEnabled', { username }, admin, write);
    return outcome;
  }

  unlock(username: string, admin: Actor, write: AccountWrite) {
    return this.unlocker.unlock(username, admin, write);
  }
}
