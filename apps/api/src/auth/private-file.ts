import { randomBytes } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';

/**
 * Writes `content` to `file` in `dataDir` (created 0700 if missing) readable by this user only (0600), whole: a draft
 * beside it renamed into place, so a reader sees the old file or the new one. Two writers at once: the last rename
 * wins. Throws what the file system says; the callers decide how loud to be.
 */
export async function writePrivateFile(dataDir: string, file: string, content: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  await writeFile(draft, content, { mode: 0o600, flag: 'wx' });
  await rename(draft, file).catch(async (error: unknown) => {
    await unlink(draft).catch(() => undefined);
    throw error;
  });
}
