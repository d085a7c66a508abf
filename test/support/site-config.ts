import { generateKeyPairSync, randomBytes, scryptSync } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A password hash in users.json's format, `scrypt$N$r$p$salt$hash` (the parameters travel with the hash). */
function passwordHash(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, { N: 16_384, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/**
 * A site's configuration for a production start: the repository's config/ with every account given `password`
 * instead of the demo one (production refuses demo passwords). Remove it with `removeSiteConfig`.
 */
export async function siteConfigDir(password: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'enlace-site-'));
  await cp('config', dir, { recursive: true });
  const file = join(dir, 'users.json');
  const users = JSON.parse(await readFile(file, 'utf8')) as { users: { passwordHash: string }[] };
  for (const user of users.users) user.passwordHash = passwordHash(password);
  await writeFile(file, JSON.stringify(users, null, 2));
  // The audit log's signing key, as a site provisions it (production does not generate one).
  const { privateKey } = generateKeyPairSync('ed25519');
  await writeFile(siteAuditKeyFile(dir), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return dir;
}

/** Where `siteConfigDir` put the site's audit signing key (for AUDIT_SIGNING_KEY_FILE). */
export function siteAuditKeyFile(dir: string): string {
  return join(dir, 'audit-signing-key.pem');
}

export async function removeSiteConfig(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
