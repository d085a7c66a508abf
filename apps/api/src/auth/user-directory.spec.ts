import { type UserAccount, UserDirectory } from './user-directory.js';

const HASH = `scrypt$16384$8$1$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;
const account = (id: string, changes: Partial<UserAccount> = {}): UserAccount => ({
  id,
  displayName: id,
  agency: 'CBP',
  country: 'US',
  role: 'officer',
  passwordHash: HASH,
  ...changes,
});

describe('the directory tells whose tokens no longer hold', () => {
  it('names the accounts removed or whose role, side or agency changed, and no other', () => {
    const directory = new UserDirectory([
      account('stays'),
      account('renamed'),
      account('leaves'),
      account('promoted'),
      account('crosses'),
      account('transferred'),
      account('new.password'),
    ]);
    const changes: string[][] = [];
    directory.onChange((usernames) => changes.push(usernames));
    directory.replace([
      account('stays'),
      account('renamed', { displayName: 'A new display name' }),
      account('promoted', { role: 'admin' }),
      account('crosses', { country: 'MX' }),
      account('transferred', { agency: 'ANAM' }),
      account('new.password', { passwordHash: HASH.replace('16384', '32768') }),
      account('arrives'),
    ]);
    expect(changes).toEqual([['leaves', 'promoted', 'crosses', 'transferred']]);
    expect(directory.find('leaves')).toBeUndefined();
    expect(directory.find('arrives')).toBeDefined();
  });

  it('says nothing when nobody lost anything, and stops telling a listener that left', () => {
    const directory = new UserDirectory([account('stays')]);
    const changes: string[][] = [];
    const stop = directory.onChange((usernames) => changes.push(usernames));
    directory.replace([account('stays'), account('arrives')]);
    expect(changes).toEqual([]);
    stop();
    directory.replace([]);
    expect(changes).toEqual([]);
  });
});
