import { Logger, Module } from '@nestjs/common';
import { EnvironmentVariables, keepGeneratedFile } from '@enlace/config';
import { randomBytes } from 'node:crypto';
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
  const logger = new Logger('Auth');
  const { text, created } = keepGeneratedFile(
    file,
    () => `${randomBytes(GENERATED_BYTES).toString('base64url')}\n`,
    (mode) => logger.warn(`${file} was readable by others (mode ${mode.toString(8)}); now 0600`),
  );
  if (created) logger.log(`Generated a token-signing secret in ${file} (set JWT_SECRET to use your own)`);
  const secret = Buffer.from(text.trim(), 'utf8');
  if (secret.length < MIN_BYTES) {
    throw new Error(
      `${file}: the token-signing secret is shorter than ${MIN_BYTES} bytes; delete the file to regenerate it`,
    );
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
