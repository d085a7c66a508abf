import { DomainError } from '@enlace/domain';
import { appendOutcomeOf } from '@enlace/event-store';
import type { CommandOutcomeLabel } from '@enlace/metrics';
import { RevisionConflictError } from './revision-conflict.js';

/**
 * How a command that threw left the pipeline, for `enlace_commands_total`: `conflict` when the stream moved on
 * (a stale If-Match, or writers that kept colliding), `refused` when the domain said no (a `DomainError`: a rule
 * broken, 422, or a state it cannot act on), `invalid` when the store refused its input, `error` otherwise.
 */
export function commandOutcomeOf(error: unknown): CommandOutcomeLabel {
  if (error instanceof RevisionConflictError) return 'conflict';
  if (error instanceof DomainError) return 'refused';
  const append = appendOutcomeOf(error);
  return append === 'conflict' || append === 'invalid' ? append : 'error';
}

/** The label of a command: its `type` (commands are `{ type, data }` unions), bounded by the deciders' own. */
export function commandNameOf(command: unknown): string {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' && /^[A-Za-z][A-Za-z0-9]{0,80}$/.test(type) ? type : 'unknown';
}
