import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isPasswordHash } from './password.js';
import { writePrivateFile } from './private-file.js';

export const OVERLAY_FILE = 'password-hashes.json';

interface OverlayEntry {
  hash: string;
  /** SHA-256 of the directory's hash it replaces: a new password set in the directory wins over an old upgrade. */
  replaces: string;
}

const fingerprint = (hash: string): string => createHash('sha256').update(hash).digest('hex');

/**
 * Re-hashed passwords, kept beside the data (`<DATA_DIR>/password-hashes.json`, mode 0600) because a site's config/ is
 * read-only: when an account signs in with a hash of older parameters, the new hash goes here and is used from then
 * on. Every read goes to the file, so processes sharing the directory see each other's upgrades.
 */
export class PasswordOverlay {
  private readonly logger = new Logger('Auth');
  private readonly file: string;
  private warned = false;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, OVERLAY_FILE);
  }

  /** The hash to check for an account whose directory entry holds `directoryHash`. */
  async hashFor(username: string, directoryHash: string): Promise<string> {
    const entry = (await this.read())[username];
    return entry && entry.replaces === fingerprint(directoryHash) && isPasswordHash(entry.hash)
      ? entry.hash
      : directoryHash;
  }

  /** Keeps `newHash` in place of `directoryHash`. A directory that cannot be written is reported once, then ignored. */
  async upgrade(username: string, directoryHash: string, newHash: string): Promise<void> {
    try {
      const entries = await this.read();
      entries[username] = { hash: newHash, replaces: fingerprint(directoryHash) };
      // Two processes upgrading at once: the last rename wins, and the other's account is upgraded again at its next
      // sign-in.
      await writePrivateFile(this.dataDir, this.file, `${JSON.stringify({ hashes: entries }, null, 2)}\n`);
    } catch (error) {
      if (this.warned) return;
      this.warned = true;
      this.logger.warn(
        `Cannot keep re-hashed passwords in ${this.file} (${(error as Error).message}): accounts keep their older hashes; ` +
          'give them new ones in users.json, or make DATA_DIR writable',
      );
    }
  }

  private async read(): Promise<Record<string, OverlayEntry>> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as { hashes?: unknown };
      if (!parsed.hashes || typeof parsed.hashes !== 'object') return {};
      const entries: Record<string, OverlayEntry> = {};
      for (const [username, value] of Object.entries(parsed.hashes as Record<string, unknown>)) {
        const entry = value as Partial<OverlayEntry> | null;
        if (typeof entry?.hash === 'string' && typeof entry.replaces === 'string') {
          entries[username] = { hash: entry.hash, replaces: entry.replaces };
        }
      }
      return entries;
    } catch {
      this.logger.warn(`${this.file} is not valid JSON; using the hashes of the directory`);
      return {};
    }
  }
}
