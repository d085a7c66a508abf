import { Injectable } from '@nestjs/common';
import type { CommandOutcome } from '@enlace/application';
import type { AccountState, Actor } from '@enlace/domain';
import { AccountDecisions, type AccountWrite } from './account-decisions.js';
import { LoginThrottle } from './login-throttle.js';

/**
 * Lifts every sign-in lockout of an account — from each address, the hourly ceiling, the pause of sign-ins — as a
 * decision (`AccountUnlocked`, which every api process follows) recorded in the sign-in journal: an admin's request
 * from the Accounts screen, or the operator's `npm run unlock-account -- <username>` when no admin can sign in.
 */
@Injectable()
export class AccountUnlocker {
  constructor(
    private readonly decisions: AccountDecisions,
    private readonly throttle: LoginThrottle,
  ) {}

  async unlock(username: string, actor: Actor, write: AccountWrite): Promise<CommandOutcome<AccountState>> {
    const lockedUntil = (await this.throttle.status(this.decisions.known(username))).latest?.toISOString() ?? null;
    const outcome = await this.decisions.decide(
      { type: 'UnlockAccount', data: { username, lockedUntil } },
      actor,
      write,
    );
    await this.throttle.unlock(username);
    await this.decisions.journal(outcome, 'LoginUnlocked', { username, until: lockedUntil }, actor, write);
    return outcome;
  }
}
