import type { Actor } from '../shared/decider.js';
import { deciderSpecification, NOW, testContext, usOfficer } from '../testing/index.js';
import { accountAdmits, accountDecider } from './account.decider.js';
import type { AccountEvent } from './account.events.js';

const admin: Actor = { id: 'admin', agency: 'ENLACE', country: 'US', role: 'admin' };
const spec = deciderSpecification(accountDecider, () => testContext(admin));
const later = (seconds: number) => new Date(Date.parse(NOW) + seconds * 1000).toISOString();

const disabled: AccountEvent = { type: 'AccountDisabled', data: { username: 'officer.us', reason: 'Left the agency' } };
const enabled: AccountEvent = { type: 'AccountEnabled', data: { username: 'officer.us', disabledAt: NOW } };

describe('account: disable and enable', () => {
  it('disables an account with the reason, and enables it again', () => {
    spec
      .given([])
      .when({ type: 'DisableAccount', data: { username: 'officer.us', reason: 'Left the agency' } })
      .then([disabled]);
    spec
      .given([disabled])
      .when({ type: 'EnableAccount', data: { username: 'officer.us' } })
      .then([enabled]);
  });

  it('refuses to disable twice or to enable an enabled account', () => {
    spec
      .given([disabled])
      .when({ type: 'DisableAccount', data: { username: 'officer.us', reason: null } })
      .thenFails('ACCOUNT.ALREADY_DISABLED');
    spec
      .given([])
      .when({ type: 'EnableAccount', data: { username: 'officer.us' } })
      .thenFails('ACCOUNT.NOT_DISABLED');
    spec
      .given([disabled, enabled])
      .when({ type: 'EnableAccount', data: { username: 'officer.us' } })
      .thenFails('ACCOUNT.NOT_DISABLED');
  });

  it('refuses an administrator disabling their own account', () => {
    spec
      .given([])
      .when({ type: 'DisableAccount', data: { username: 'admin', reason: null } })
      .thenFails('ACCOUNT.CANNOT_DISABLE_SELF');
  });

  it('is for administrators only', () => {
    spec
      .given([])
      .when({ type: 'DisableAccount', data: { username: 'planner', reason: null } }, { actor: usOfficer })
      .thenFails('AUTH.ROLE', { required: ['admin'], actual: 'officer' });
    spec
      .given([])
      .when({ type: 'UnlockAccount', data: { username: 'planner', lockedUntil: later(60) } }, { actor: usOfficer })
      .thenFails('AUTH.ROLE');
  });
});

describe('account: unlock', () => {
  it('lifts a lockout that is still running', () => {
    spec
      .given([])
      .when({ type: 'UnlockAccount', data: { username: 'officer.us', lockedUntil: later(60) } })
      .then([{ type: 'AccountUnlocked', data: { username: 'officer.us', lockedUntil: later(60) } }]);
  });

  it("lets Enlace's operator tool (role system) lift a lockout, and nothing else", () => {
    const operator: Actor = { id: 'system:operator', agency: 'ENLACE', country: null, role: 'system' };
    spec
      .given([])
      .when({ type: 'UnlockAccount', data: { username: 'admin', lockedUntil: later(60) } }, { actor: operator })
      .then([{ type: 'AccountUnlocked', data: { username: 'admin', lockedUntil: later(60) } }]);
    spec
      .given([])
      .when({ type: 'DisableAccount', data: { username: 'admin', reason: null } }, { actor: operator })
      .thenFails('AUTH.ROLE');
    spec
      .given([disabled])
      .when({ type: 'EnableAccount', data: { username: 'officer.us' } }, { actor: operator })
      .thenFails('AUTH.ROLE');
  });

  it('refuses to unlock an account that is not locked (or whose lockout is over)', () => {
    spec
      .given([])
      .when({ type: 'UnlockAccount', data: { username: 'officer.us', lockedUntil: null } })
      .thenFails('ACCOUNT.NOT_LOCKED');
    spec
      .given([])
      .when({ type: 'UnlockAccount', data: { username: 'officer.us', lockedUntil: NOW } })
      .thenFails('ACCOUNT.NOT_LOCKED');
  });
});

describe('account admits a session', () => {
  const fold = (events: AccountEvent[], recordedAt = NOW) =>
    events.reduce((state, event) => accountDecider.evolve(state, event, recordedAt), accountDecider.initialState());

  it('admits sessions of an enabled account', () => {
    expect(accountAdmits(fold([]), later(-60))).toBe(true);
  });

  it('admits none while disabled, and once enabled again only sessions begun after the disabling', () => {
    expect(accountAdmits(fold([disabled]), later(60))).toBe(false);
    const reenabled = fold([disabled, enabled]);
    expect(accountAdmits(reenabled, later(-60))).toBe(false);
    expect(accountAdmits(reenabled, later(60))).toBe(true);
  });
});
