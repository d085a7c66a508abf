import { conflict, DomainError } from '@enlace/domain';
import {
  IdempotencyConflictError,
  InvalidInputError,
  PayloadTooLargeError,
  StoreUnavailableError,
  WrongExpectedVersionError,
} from '@enlace/event-store';
import { commandNameOf, commandOutcomeOf } from './command-outcome.js';
import { RevisionConflictError } from './revision-conflict.js';

describe('commandOutcomeOf', () => {
  it('is conflict when the stream moved on: a stale If-Match, writers that kept colliding, a partial retry', () => {
    expect(commandOutcomeOf(new RevisionConflictError('port-naco', 3, 4))).toBe('conflict');
    expect(commandOutcomeOf(new WrongExpectedVersionError('port-naco', 3, 4))).toBe('conflict');
    expect(commandOutcomeOf(new IdempotencyConflictError('port-naco', ['a']))).toBe('conflict');
  });

  it('is refused when the domain said no, whatever its kind', () => {
    const rule = new DomainError('PORT.REOPENING_BLOCKED', 'rule', { en: 'Blocked', es: 'Bloqueado' });
    expect(commandOutcomeOf(rule)).toBe('refused');
    expect(commandOutcomeOf(conflict('DRILL.CLOCK_NOT_STARTED', 'Not started', 'No iniciado'))).toBe('refused');
  });

  it('is invalid when the store refused the input, error for anything else', () => {
    expect(commandOutcomeOf(new InvalidInputError('streamId', 'is too long'))).toBe('invalid');
    expect(commandOutcomeOf(new PayloadTooLargeError('data', 2_000_000, 262_144))).toBe('invalid');
    expect(commandOutcomeOf(new StoreUnavailableError('connection refused'))).toBe('error');
    expect(commandOutcomeOf(new Error('bug'))).toBe('error');
    expect(commandOutcomeOf('a string')).toBe('error');
  });
});

describe('commandNameOf', () => {
  it("is the command's type, or `unknown` for anything that is not a plain name (the label stays bounded)", () => {
    expect(commandNameOf({ type: 'ReportIncident', data: {} })).toBe('ReportIncident');
    expect(commandNameOf({ type: 'Report Incident' })).toBe('unknown');
    expect(commandNameOf({ type: 'x'.repeat(200) })).toBe('unknown');
    expect(commandNameOf({})).toBe('unknown');
    expect(commandNameOf(null)).toBe('unknown');
  });
});
