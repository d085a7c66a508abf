// The production check of weak passwords on real files and real scrypt hashes (at N=2^14, which a hash may carry, to
// keep the test short): every hash is tried once and remembered beside the data; a change of users.json takes no
// new weak password, while a removal takes effect at once.
import { createHash, randomBytes, scryptSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PasswordCheckPool } from './password-check-pool.js';
import { type UserAccount, UserDirectory } from './user-directory.js';
import { WEAK_CHECKS_FILE, WeakPasswordCheck } from './weak-password-check.js';

function quickHash(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, { N: 16_384, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt.toString('base64')}$${hash.toString('base64')}`;
}

const entry = (username: string, passwordHash: string) => ({
  username,
  displayName: username,
  agency: 'CBP',
  country: 'US',
  role: 'officer',
  passwordHash,
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'enlace-weak-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the weak-password check of production', () => {
  it('finds the accounts with a well-known weak password and remembers the strong hashes (mode 0600)', async () => {
    const strong = quickHash('paper lantern over the river');
    const account = (id: string, passwordHash: string): UserAccount => ({
      id,
      displayName: id,
      agency: 'CBP',
      country: 'US',
      role: 'officer',
      passwordHash,
    });
    const check = new WeakPasswordCheck(dir, new PasswordCheckPool(2, 16));
    const weak = await check.weakAccounts([
      account('strong', strong),
      account('demo.user', quickHash('demo')),
      account('lazy', quickHash('changeme')),
    ]);
    expect(weak).toEqual(['demo.user', 'lazy']);
    const file = join(dir, WEAK_CHECKS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const remembered = JSON.parse(readFileSync(file, 'utf8')) as { strong: string[] };
    expect(remembered.strong).toEqual([createHash('sha256').update(strong).digest('hex')]);
  }, 30_000);

  it('takes a changed users.json at once for removals, and its new passwords only when they are not weak ones', async () => {
    const configDir = join(dir, 'config');
    const dataDir = join(dir, 'data');
    const file = join(configDir, 'users.json');
    const officerHash = quickHash('a long first passphrase');
    mkdirSync(configDir);
    writeFileSync(file, JSON.stringify({ users: [entry('officer', officerHash), entry('leaver', officerHash)] }));
    const directory = UserDirectory.fromConfig(configDir);
    const check = new WeakPasswordCheck(dataDir, new PasswordCheckPool(2, 16));
    const changes: string[][] = [];
    directory.onChange((usernames) => changes.push(usernames));
    directory.watch(configDir, (accounts) => check.weakAccounts(accounts));
    try {
      writeFileSync(
        file,
        JSON.stringify({
          users: [
            entry('officer', quickHash('password')),
            entry('weakling', quickHash('enlace')),
            entry('strongling', quickHash('paper lantern over the river')),
          ],
        }),
      );
      await until(() => directory.find('strongling') !== undefined, 'the new strong account');
      expect(changes).toEqual([['leaver']]);
      expect(directory.find('leaver')).toBeUndefined();
      expect(directory.find('weakling')).toBeUndefined();
      expect(directory.find('officer')?.passwordHash).toBe(officerHash);
    } finally {
      directory.close();
    }
  }, 30_000);
});
