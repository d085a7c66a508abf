import { Injectable } from '@nestjs/common';
import { type CommandOutcome, CommandPipeline } from '@enlace/application';
import {
  type AccountCommand,
  accountDecider,
  type AccountState,
  accountStreamId,
  type Actor,
  notFound,
  type PersonRole,
  type Side,
} from '@enlace/domain';
import { AuthActivityLog } from './auth-activity-log.js';
import { AuthState } from './auth-state.js';
import type { ClientInfo } from './client-info.js';
import { LoginThrottle } from './login-throttle.js';
import { UserDirectory } from './user-directory.js';

/** A directory account as admins see it. */
export interface AccountView {
  username: string;
  displayName: string;
  agency: string;
  country: Side;
  role: PersonRole;
  status: 'enabled' | 'disabled';
  /** When a sign-in lockout ends, if one is running. */
  lockedUntil: string | null;
  /** Failed sign-ins counted against the name since its last success (within the throttle's window). */
  recentFailures: number;
}

export interface AccountWrite {
  /** Where the admin acted from, for the journal. */
  client: ClientInfo;
  idempotencyKey?: string;
  requestFingerprint?: string;
  expectedRevision?: number;
  correlationId: string;
}

/** Admins' work on accounts: see their status and lockouts, unlock, disable and enable. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly directory: UserDirectory,
    private readonly state: AuthState,
    private readonly throttle: LoginThrottle,
    private readonly pipeline: CommandPipeline,
    private readonly activity: AuthActivityLog,
  ) {}

  async list(): Promise<AccountView[]> {
    return Promise.all(
      this.directory
        .list()
        .sort((a, b) => a.id.localeCompare(b.id))
        .map(async (account) => {
          const [status, lockedUntil, recentFailures] = await Promise.all([
            this.state.account(account.id),
            this.throttle.lockedUntil(account.id),
            this.throttle.failures(account.id),
          ]);
          return {
            username: account.id,
            displayName: account.displayName,
            agency: account.agency,
            country: account.country,
            role: account.role,
            status: status.disabled ? ('disabled' as const) : ('enabled' as const),
            lockedUntil: lockedUntil?.toISOString() ?? null,
            recentFailures,
          };
        }),
    );
  }

  async disable(username: string, reason: string | null, admin: Actor, write: AccountWrite) {
    const outcome = await this.decide(
      { type: 'DisableAccount', data: { username: this.known(username), reason } },
      admin,
      write,
    );
    this.state.accountChanged(username, { kind: 'account-disabled', username });
    await this.journal(outcome, 'AccountDisabled', { username, reason }, admin, write);
    return outcome;
  }

  async enable(username: string, admin: Actor, write: AccountWrite) {
    const outcome = await this.decide(
      { type: 'EnableAccount', data: { username: this.known(username) } },
      admin,
      write,
    );
    this.state.accountChanged(username);
    await this.journal(outcome, 'AccountEnabled', { username }, admin, write);
    return outcome;
  }

  async unlock(username: string, admin: Actor, write: AccountWrite) {
    const lockedUntil = (await this.throttle.lockedUntil(this.known(username)))?.toISOString() ?? null;
    const outcome = await this.decide({ type: 'UnlockAccount', data: { username, lockedUntil } }, admin, write);
    await this.throttle.unlock(username);
    await this.journal(outcome, 'LoginUnlocked', { username, until: lockedUntil }, admin, write);
    return outcome;
  }

  private known(username: string): string {
    if (!this.directory.find(username)) {
      throw notFound(
        'ACCOUNT.NOT_FOUND',
        `No account ${username} in the directory`,
        `No hay cuenta ${username} en el directorio`,
        {
          username,
        },
      );
    }
    return username;
  }

  private decide(command: AccountCommand, admin: Actor, write: AccountWrite): Promise<CommandOutcome<AccountState>> {
    const { client: _client, ...request } = write;
    return this.pipeline.execute(accountDecider, {
      streamId: accountStreamId(command.data.username),
      command,
      actor: admin,
      ...request,
    });
  }

  private async journal(
    outcome: CommandOutcome<AccountState>,
    type: 'AccountDisabled' | 'AccountEnabled' | 'LoginUnlocked',
    data: { username: string; reason?: string | null; until?: string | null },
    admin: Actor,
    write: AccountWrite,
  ): Promise<void> {
    const decided = outcome.events[0];
    if (!decided) return;
    // A retried request (Idempotency-Key) journals again with the same id, which adds nothing.
    const { address, userAgent } = write.client;
    await this.activity.record(type, { ...data, address, userAgent }, admin, {
      correlationId: write.correlationId,
      decisionId: decided.id,
    });
  }
}
