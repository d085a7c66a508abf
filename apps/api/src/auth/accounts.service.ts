import { Injectable } from '@nestjs/common';
import type { Actor, PersonRole, Side } from '@enlace/domain';
import { AccountDecisions, type AccountWrite } from './account-decisions.js';
import { AccountUnlocker } from './account-unlocker.js';
import { AuthState } from './auth-state.js';
import { LoginThrottle } from './login-throttle.js';
import { UserDirectory } from './user-directory.js';

export type { AccountWrite } from './account-decisions.js';

/** A directory account as admins see it. */
export interface AccountView {
  username: string;
  displayName: string;
  agency: string;
  country: Side;
  role: PersonRole;
  status: 'enabled' | 'disabled';
  /**
   * Until when the account is refused from every address it has not signed in from lately (too many failures within
   * the hour, from everywhere), if it is.
   */
  lockedUntil: string | null;
  /** Addresses locked out of the account now (those whose lockouts end last, at most 20), and how many in all. */
  lockedAddresses: { address: string; until: string }[];
  lockedAddressCount: number;
  /** Until when no new session starts (too many sign-ins lately), if so. */
  signInsPausedUntil: string | null;
  /** Failed sign-ins of the name within the hour, from every address. */
  recentFailures: number;
}

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
