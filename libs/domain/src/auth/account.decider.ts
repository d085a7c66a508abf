import { deciderOf, streamIdOf, streamPrefixOf } from '../shared/aggregate.js';
import { assertNever, type Decider, type DecisionContext } from '../shared/decider.js';
import { broken, conflict, forbidden } from '../shared/domain-error.js';
import type { AccountEvent } from './account.events.js';

export type AccountCommand =
  | { type: 'DisableAccount'; data: { username: string; reason: string | null } }
  | { type: 'EnableAccount'; data: { username: string } }
  /** `lockedUntil`: the lockout the throttle holds now for this name (null when none). */
  | { type: 'UnlockAccount'; data: { username: string; lockedUntil: string | null } };

export interface AccountState {
  disabled: boolean;
  /** When the account was last disabled: sessions that began before it never come back, even once re-enabled. */
  lastDisabledAt: string | undefined;
}

export const initialAccountState = (): AccountState => ({ disabled: false, lastDisabledAt: undefined });

export function evolveAccount(state: AccountState, event: AccountEvent, recordedAt: string): AccountState {
  switch (event.type) {
    case 'AccountDisabled':
      return { disabled: true, lastDisabledAt: recordedAt };
    case 'AccountEnabled':
      return { disabled: false, lastDisabledAt: state.lastDisabledAt ?? event.data.disabledAt };
    case 'AccountUnlocked':
      return state;
    default:
      return assertNever(event);
  }
}

/** Whether a session that began at `startedAt` may still act for this account. */
export function accountAdmits(state: AccountState, startedAt: string): boolean {
  return !state.disabled && (state.lastDisabledAt === undefined || startedAt > state.lastDisabledAt);
}

export function decideAccount(command: AccountCommand, state: AccountState, context: DecisionContext): AccountEvent[] {
  const { actor, now } = context;
  // Enlace's own operator tool (`unlock-account`, role system, run on the host) may lift a lockout when no admin can.
  const operatorUnlock = actor.role === 'system' && command.type === 'UnlockAccount';
  if (actor.role !== 'admin' && !operatorUnlock) {
    throw forbidden('AUTH.ROLE', 'Only administrators manage accounts', 'Solo los administradores gestionan cuentas', {
      required: ['admin'],
      actual: actor.role,
    });
  }
  const { username } = command.data;
  switch (command.type) {
    case 'DisableAccount':
      if (username === actor.id) {
        throw broken(
          'ACCOUNT.CANNOT_DISABLE_SELF',
          'An administrator cannot disable their own account',
          'Un administrador no puede desactivar su propia cuenta',
          { username },
        );
      }
      if (state.disabled) {
        throw conflict('ACCOUNT.ALREADY_DISABLED', 'The account is already disabled', 'La cuenta ya está desactivada', {
          username,
        });
      }
      return [{ type: 'AccountDisabled', data: { username, reason: command.data.reason } }];
    case 'EnableAccount':
      if (!state.disabled) {
        throw conflict('ACCOUNT.NOT_DISABLED', 'The account is not disabled', 'La cuenta no está desactivada', {
          username,
        });
      }
      return [{ type: 'AccountEnabled', data: { username, disabledAt: state.lastDisabledAt ?? now } }];
    case 'UnlockAccount': {
      const { lockedUntil } = command.data;
      if (lockedUntil === null || lockedUntil <= now) {
        throw broken('ACCOUNT.NOT_LOCKED', 'The account is not locked', 'La cuenta no está bloqueada', { username });
      }
      return [{ type: 'AccountUnlocked', data: { username, lockedUntil } }];
    }
    default:
      return assertNever(command);
  }
}

export const accountDecider: Decider<AccountState, AccountCommand, AccountEvent> = deciderOf('account', {
  initialState: initialAccountState,
  evolve: evolveAccount,
  decide: decideAccount,
});

export const ACCOUNT_STREAM_PREFIX = streamPrefixOf('account');
export const accountStreamId = streamIdOf('account');
