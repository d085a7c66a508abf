import { Injectable } from '@nestjs/common';
import { ActOnAccount, type CommandOutcome } from '@enlace/application';
import { type AccountCommand, type AccountState, type Actor, notFound } from '@enlace/domain';
import { CommandBus } from '@nestjs/cqrs';
import { AuthActivityLog } from './auth-activity-log.js';
import type { ClientInfo } from './client-info.js';
import { UserDirectory } from './user-directory.js';

export interface AccountWrite {
  /** Where the admin (or the operator's host) acted from, for the journal. */
  client: ClientInfo;
  idempotencyKey?: string;
  requestFingerprint?: string;
  expectedRevision?: number;
  correlationId: string;
}

type JournalledAs = 'AccountDisabled' | 'AccountEnabled' | 'LoginUnlocked';

/**
 * Decisions about a directory account (`account-<username>`, the `ActOnAccount` use case on the CommandBus) and their entry in the
 * sign-in journal, for admins' requests and the operator's `unlock-account` alike.
 */
@Injectable()
export class AccountDecisions {
  constructor(
    private readonly directory: UserDirectory,
    private readonly commands: CommandBus,
    private readonly activity: AuthActivityLog,
  ) {}

  /** The name of a directory account, or ACCOUNT.NOT_FOUND. */
  known(username: string): string {
    if (!this.directory.find(username)) {
      throw notFound(
        'ACCOUNT.NOT_FOUND',
        `No account ${username} in the directory`,
        `No hay cuenta ${username} en el directorio`,
        { username },
      );
    }
    return username;
  }

  async decide(command: AccountCommand, actor: Actor, write: AccountWrite): Promise<CommandOutcome<AccountState>> {
    const { client: _client, ...request } = write;
    const { outcome } = await this.commands.execute(
      new ActOnAccount(command.data.username, command, { actor, ...request }),
    );
    return outcome;
  }

  async journal(
    outcome: CommandOutcome<AccountState>,
    type: JournalledAs,
    data: { username: string; reason?: string | null; until?: string | null },
    actor: Actor,
    write: AccountWrite,
  ): Promise<void> {
    const decided = outcome.events[0];
    if (!decided) return;
    // A retried request (Idempotency-Key) journals again with the same id, which adds nothing.
    const { address, userAgent } = write.client;
    await this.activity.record(type, { ...data, address, userAgent }, actor, {
      correlationId: write.correlationId,
      decisionId: decided.id,
    });
  }
}
