import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A secret generated on the first start and kept in a file of its own (mode 0600), so that processes sharing the
 * directory, and restarts, share it: the token-signing secret, the audit log's signing key. Nothing in the repository
 * is a secret a default install accepts.
 *
 * Answers the file's text and whether this call created it. The file is written whole under a name of its own, then
 * linked into place: a process starting at the same moment either links first or finds the file complete, never
 * half-written; the loser uses the winner's. A file readable by others is made 0600 (`onLoosened` is told).
 */
export function keepGeneratedFile(
  file: string,
  generate: () => string,
  onLoosened: (mode: number) => void = () => undefined,
): { text: string; created: boolean } {
  const existing = readPrivateFile(file, onLoosened);
  if (existing !== undefined) return { text: existing, created: false };
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(draft, generate(), { mode: 0o600, flag: 'wx' });
  let created = false;
  try {
    linkSync(draft, file);
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  const text = readPrivateFile(file, onLoosened);
  if (text === undefined) throw new Error(`${file}: could not read the file just written`);
  return { text, created };
}

/** A secret file's text (`undefined` when there is none), made private (0600) when it was readable by others. */
export function readPrivateFile(
  file: string,
  onLoosened: (mode: number) => void = () => undefined,
): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
    onLoosened(mode);
  }
  return text;
}
