import type { Role } from '../shared/decider.js';
import type { Side } from '../shared/side.js';

/** The roles a person signs in with: every role but Enlace's own `system`. */
export type PersonRole = Exclude<Role, 'system' | 'simulator'>;
export const PERSON_ROLES: readonly PersonRole[] = ['officer', 'planner', 'auditor', 'admin'];

export function isPersonRole(value: unknown): value is PersonRole {
  return PERSON_ROLES.includes(value as PersonRole);
}

export function isSide(value: unknown): value is Side {
  return value === 'US' || value === 'MX';
}

/** Who a session belongs to, as the directory said when it began. */
export interface SessionHolder {
  username: string;
  agency: string;
  country: Side;
  role: PersonRole;
}
