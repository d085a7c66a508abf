import type { Actor, Role, Side } from '@enlace/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPasswordHash, verifyPassword } from './password.js';

/** A person who signs in: always on one side of the border, never the system role. */
export interface UserAccount extends Omit<Actor, 'country' | 'role'> {
  country: Side;
  role: Exclude<Role, 'system'>;
  displayName: string;
  passwordHash: string;
}

const ROLES: readonly Exclude<Role, 'system'>[] = ['officer', 'planner', 'auditor', 'admin'];
const COUNTRIES: readonly Side[] = ['US', 'MX'];
export const DEMO_PASSWORD = 'demo';

/** The accounts that may sign in, from `<CONFIG_DIR>/users.json`. */
export class UserDirectory {
  private readonly byName: Map<string, UserAccount>;

  constructor(accounts: readonly UserAccount[]) {
    this.byName = new Map(accounts.map((account) => [account.id, account]));
  }

  static fromConfig(configDir: string): UserDirectory {
    const file = join(configDir, 'users.json');
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { users?: unknown };
    if (!Array.isArray(raw.users)) throw new Error(`${file}: "users" must be a list`);
    const accounts = raw.users.map((entry: Record<string, unknown>, index): UserAccount => {
      const where = `${file} users[${index}]`;
      const { username, displayName, agency, country, role, passwordHash } = entry;
      if (typeof username !== 'string' || !/^[a-z][a-z0-9._-]{1,63}$/.test(username)) {
        throw new Error(`${where}: bad username`);
      }
      if (typeof agency !== 'string' || !agency) throw new Error(`${where}: agency is required`);
      if (!COUNTRIES.includes(country as Side)) throw new Error(`${where}: country must be US or MX`);
      if (!ROLES.includes(role as UserAccount['role'])) {
        throw new Error(`${where}: role must be one of ${ROLES.join(', ')}`);
      }
      if (typeof passwordHash !== 'string' || !isPasswordHash(passwordHash)) {
        throw new Error(`${where}: passwordHash is not a scrypt hash`);
      }
      return {
        id: username,
        displayName: typeof displayName === 'string' ? displayName : username,
        agency,
        country: country as Side,
        role: role as UserAccount['role'],
        passwordHash,
      };
    });
    return new UserDirectory(accounts);
  }

  async authenticate(username: string, password: string): Promise<UserAccount | undefined> {
    const account = this.byName.get(username);
    if (!account) {
      // Spend the same time as a real check so response times do not reveal which usernames exist.
      await verifyPassword(
        password,
        'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      );
      return undefined;
    }
    return (await verifyPassword(password, account.passwordHash)) ? account : undefined;
  }

  /** Accounts whose password is still the demo password (a production process refuses to start with any). */
  async withDemoPassword(): Promise<string[]> {
    const flagged: string[] = [];
    for (const account of this.byName.values()) {
      if (await verifyPassword(DEMO_PASSWORD, account.passwordHash)) flagged.push(account.id);
    }
    return flagged;
  }
}
