import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { verifyPassword } from './password.js';
import { writePrivateFile } from './private-file.js';
import type { PasswordCheckPool } from './password-check-pool.js';
import type { UserAccount } from './user-directory.js';
import { WEAK_PASSWORDS } from './weak-passwords.js';

export const WEAK_CHECKS_FILE = 'weak-password-checks.json';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
/** Which list the remembered results were checked against: a longer list checks every hash again. */
const LIST_FINGERPRINT = sha256(WEAK_PASSWORDS.join('\n'));
/** Checks run side by side (each also waits its turn in the password pool). */
const WORKERS = 2;

/**
 * Finds the accounts whose password is one of WEAK_PASSWORDS, for production: each hash is tried with every weak
 * password (a full scrypt each), once — the SHA-256 of a hash found strong is kept in `<DATA_DIR>/weak-password-checks
 * .json` (mode 0600), so a restart or a change of users.json checks only the hashes it has not seen.
 */
export class WeakPasswordCheck {
  private readonly logger = new Logger('Auth');
  private readonly file: string;
  private warned = false;

  constructor(
    private readonly dataDir: string,
    private readonly pool: PasswordCheckPool,
  ) {
    this.file = join(dataDir, WEAK_CHECKS_FILE);
  }

  /** The names of the accounts with a weak password, in the order given. */
  async weakAccounts(accounts: readonly UserAccount[]): Promise<string[]> {
    const strong = await this.remembered();
    const pending = accounts.filter((account) => !strong.has(sha256(account.passwordHash)));
    const weak = new Set<string>();
    const queue = [...pending];
    const worker = async () => {
      for (let account = queue.shift(); account; account = queue.shift()) {
        const { passwordHash } = account;
        if (await this.isWeak(passwordHash)) weak.add(account.id);
        else strong.add(sha256(passwordHash));
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    if (pending.length > 0) await this.remember(strong);
    return accounts.filter((account) => weak.has(account.id)).map((account) => account.id);
  }

  private async isWeak(hash: string): Promise<boolean> {
    for (const password of WEAK_PASSWORDS) {
      if (await this.pool.run(() => verifyPassword(password, hash))) return true;
    }
    return false;
  }

  private async remembered(): Promise<Set<string>> {
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as { list?: unknown; strong?: unknown };
      if (parsed.list !== LIST_FINGERPRINT || !Array.isArray(parsed.strong)) return new Set();
      return new Set(parsed.strong.filter((entry): entry is string => typeof entry === 'string'));
    } catch {
      return new Set();
    }
  }

  private async remember(strong: Set<string>): Promise<void> {
    try {
      const content = JSON.stringify({ list: LIST_FINGERPRINT, strong: [...strong] }, null, 2);
      await writePrivateFile(this.dataDir, this.file, `${content}\n`);
    } catch (error) {
      if (this.warned) return;
      this.warned = true;
      this.logger.warn(
        `Cannot keep the weak-password checks in ${this.file} (${(error as Error).message}): every start checks ` +
          'every hash again',
      );
    }
  }
}
