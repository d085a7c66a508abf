import type { DecisionContext } from './decider.js';
import { forbidden } from './domain-error.js';
import type { Side } from './side.js';

/**
 * The acting officer's side: only liaison officers act on incidents, ports and notifications, and always for one. A
 * drill's simulated agency acts as its side's officer (the pipeline admits it to drills' worlds only).
 */
export function requireOfficer(context: DecisionContext): Side {
  const { role, country } = context.actor;
  if ((role !== 'officer' && role !== 'simulator') || country === null) {
    throw forbidden('AUTH.ROLE', 'Only liaison officers may do this', 'Solo los oficiales de enlace pueden hacer esto');
  }
  return country;
}
