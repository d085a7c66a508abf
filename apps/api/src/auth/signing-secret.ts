import { Logger, Module } from '@nestjs/common';
import { EnvironmentVariables } from '@enlace/config';
import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The file, under DATA_DIR, that keeps the secret generated when JWT_SECRET is unset. */
export const GENERATED_SECRET_FILE = 'jwt-secret';
const GENERATED_BYTES = 48;
const MIN_BYTES = 32;

/**
 * The key that signs access tokens: JWT_SECRET when set; otherwise a random secret generated on the first start and
 * kept in `<dataDir>/jwt-secret` (mode 0600), so processes sharing the directory (and restarts) share it. Nothing in the
 * repository can sign a token a default install accepts.
 */
export function loadSigningSecret(configured: string | undefined, dataDir: string): Buffer {
  if (configured !== undefined) return Buffer.from(configured, 'utf8');
  const file = join(dataDir, GENERATED_SECRET_FILE);
  const existing = readSecretFile(file);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Written whole under a name of its own, then linked into place: a process starting at the same moment either
  // links first or finds the file complete, never half-written; the loser uses the winner's secret.
  const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(GENERATED_BYTES).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
    new Logger('Auth').log(`Generated a token-signing secret in ${file} (set JWT_SECRET to use your own)`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  const secret = readSecretFile(file);
  if (!secret) throw new Error(`${file}: could not read the token-signing secret just written`);
  return secret;
}

function readSecretFile(file: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const secret = Buffer.from(text, 'utf8');
  if (secret.length < MIN_BYTES) {
    throw new Error(
      `${file}: the token-signing secret is shorter than ${MIN_BYTES} bytes; delete the file to regenerate it`,
    );
  }
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    chmodSync(file, 0o600);
    new Logger('Auth').warn(`${file} was readable by others (mode ${mode.toString(8)}); now 0600`);
  }
  return secret;
}

/** The signing key (a Buffer), provided once for the JWT module and for whoever must know it (tests). */
export const SIGNING_SECRET = Symbol('SIGNING_SECRET');

@Module({
  providers: [
    {
      provide: SIGNING_SECRET,
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => loadSigningSecret(env.JWT_SECRET, resolve(env.DATA_DIR)),
    },
  ],
  exports: [SIGNING_SECRET],
})
export class SigningSecretModule {}
