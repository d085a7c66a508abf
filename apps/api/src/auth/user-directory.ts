import { Logger } from '@nestjs/common';
import { isPersonRole, isSide, PERSON_ROLES, type PersonRole, type Side } from '@enlace/domain';
import { readFileSync, type StatsListener, unwatchFile, watchFile } from 'node:fs';
import { join } from 'node:path';
import { isPasswordHash } from './password.js';
import { USERNAME } from './username.js';

/** A person who signs in: always on one side of the border, never the system role. */
export interface UserAccount {
  id: string;
  displayName: string;
  agency: string;
  country: Side;
  role: PersonRole;
  passwordHash: string;
}

/** Reads and checks `<configDir>/users.json`; throws naming the first bad entry. */
export function readUsersFile(configDir: string): UserAccount[] {
  const file = join(configDir, 'users.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { users?: unknown };
  if (!Array.isArray(raw.users)) throw new Error(`${file}: "users" must be a list`);
  const seen = new Set<string>();
  return raw.users.map((entry: Record<string, unknown>, index): UserAccount => {
    const where = `${file} users[${index}]`;
    const { username, displayName, agency, country, role, passwordHash } = entry;
    if (typeof username !== 'string' || !USERNAME.test(username)) throw new Error(`${where}: bad username`);
    if (seen.has(username)) throw new Error(`${where}: ${username} is listed twice`);
    seen.add(username);
    if (typeof agency !== 'string' || !agency) throw new Error(`${where}: agency is required`);
    if (!isSide(country)) throw new Error(`${where}: country must be US or MX`);
    if (!isPersonRole(role)) throw new Error(`${where}: role must be one of ${PERSON_ROLES.join(', ')}`);
    if (typeof passwordHash !== 'string' || !isPasswordHash(passwordHash)) {
      throw new Error(`${where}: passwordHash is not a scrypt hash (make one with npm run hash-password)`);
    }
    return {
      id: username,
      displayName: typeof displayName === 'string' ? displayName : username,
      agency,
      country,
      role,
      passwordHash,
    };
  });
}

/** Accounts removed from the directory, or whose role, side or agency changed: their tokens no longer hold. */
export type DirectoryChangeListener = (usernames: string[]) => void;

/**
 * Before accounts with a password hash not seen before are taken (production): the names of those that must not be
 * (a well-known weak password). Until it answers, such an account keeps its previous hash, or is not there yet.
 */
export type HashVetting = (accounts: readonly UserAccount[]) => Promise<string[]>;

/**
 * The accounts that may sign in, from `<CONFIG_DIR>/users.json`, read again whenever the file changes (checked every
 * second): an account removed from the file, or whose role, side or agency changed, stops working within a second on
 * every process — its tokens at the next request, its console sockets at once (listeners of `onChange`). A file that
 * no longer reads keeps the previous accounts (and says why).
 */
export class UserDirectory {
  private byName: Map<string, UserAccount>;
  private readonly logger = new Logger('Auth');
  private readonly listeners = new Set<DirectoryChangeListener>();
  private watching: { file: string; listener: StatsListener } | undefined;
  private reading: Promise<void> = Promise.resolve();

  constructor(accounts: readonly UserAccount[]) {
    this.byName = new Map(accounts.map((account) => [account.id, account]));
  }

  static fromConfig(configDir: string): UserDirectory {
    return new UserDirectory(readUsersFile(configDir));
  }

  /** Follows the file from now on (until `close`); new password hashes are taken once `vet` lets them. */
  watch(configDir: string, vet?: HashVetting): void {
    const file = join(configDir, 'users.json');
    const listener: StatsListener = (current, previous) => {
      const unchanged =
        current.mtimeMs === previous.mtimeMs && current.size === previous.size && current.ino === previous.ino;
      if (unchanged) return;
      this.reading = this.reading.then(() => this.readAgain(configDir, file, vet));
    };
    this.watching = { file, listener };
    watchFile(file, { interval: 1_000, persistent: false }, listener);
  }

  close(): void {
    if (this.watching) unwatchFile(this.watching.file, this.watching.listener);
  }

  onChange(listener: DirectoryChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  find(username: string): UserAccount | undefined {
    return this.byName.get(username);
  }

  list(): UserAccount[] {
    return [...this.byName.values()];
  }

  /** Takes `accounts` in place of the current ones and tells the listeners whose tokens no longer hold. */
  replace(accounts: readonly UserAccount[]): void {
    const before = this.byName;
    this.byName = new Map(accounts.map((account) => [account.id, account]));
    const changed = [...before.values()]
      .filter((old) => {
        const now = this.byName.get(old.id);
        return !now || now.role !== old.role || now.country !== old.country || now.agency !== old.agency;
      })
      .map((old) => old.id);
    if (changed.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(changed);
      } catch (error) {
        this.logger.error(`A directory listener failed: ${String(error)}`);
      }
    }
  }

  private async readAgain(configDir: string, file: string, vet: HashVetting | undefined): Promise<void> {
    let accounts: UserAccount[];
    try {
      accounts = readUsersFile(configDir);
    } catch (error) {
      this.logger.error(
        `${file} changed but cannot be used (${(error as Error).message}); keeping the accounts read before`,
      );
      return;
    }
    const fresh = accounts.filter((account) => this.byName.get(account.id)?.passwordHash !== account.passwordHash);
    if (!vet || fresh.length === 0) {
      this.replace(accounts);
      this.logger.log(`Read ${file} again: ${accounts.length} accounts`);
      return;
    }
    // Removals and changes of role or side take effect now; a new password once it is known not to be a weak one.
    this.replace(this.withPreviousHashes(accounts, new Set(fresh.map((account) => account.id))));
    let refused: Set<string>;
    try {
      refused = new Set(await vet(fresh));
    } catch (error) {
      this.logger.error(`Could not check the new password hashes of ${file} (${String(error)}); not taking them`);
      refused = new Set(fresh.map((account) => account.id));
    }
    this.replace(this.withPreviousHashes(accounts, refused));
    if (refused.size > 0) {
      this.logger.error(
        `${file}: accounts ${[...refused].join(', ')} were given a well-known weak password, refused in production; ` +
          'they keep their previous password, if any (make one with npm run hash-password)',
      );
    }
    this.logger.log(`Read ${file} again: ${accounts.length} accounts, ${refused.size} new passwords refused`);
  }

  /** `accounts`, those named in `held` with the hash they had before (left out if they had none). */
  private withPreviousHashes(accounts: readonly UserAccount[], held: ReadonlySet<string>): UserAccount[] {
    return accounts.flatMap((account) => {
      if (!held.has(account.id)) return [account];
      const previous = this.byName.get(account.id);
      return previous ? [{ ...account, passwordHash: previous.passwordHash }] : [];
    });
  }
}
