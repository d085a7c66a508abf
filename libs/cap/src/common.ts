import type { Severity } from '@enlace/domain';
import { type CapCategory, type CapSeverity, tryCapDateTime } from './alert.js';

const SEVERITY: Record<Severity, CapSeverity> = {
  minor: 'Minor',
  moderate: 'Moderate',
  severe: 'Severe',
  extreme: 'Extreme',
};

/** The domain already uses the CAP severity scale; CAP spells it capitalised. */
export function capSeverity(severity: Severity): CapSeverity {
  return SEVERITY[severity] ?? 'Unknown';
}

export function dedupe<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** `Other` only when nothing more specific applies. */
export function withoutOther(categories: CapCategory[]): CapCategory[] {
  const specific = categories.filter((category) => category !== 'Other');
  return specific.length > 0 ? specific : ['Other'];
}

/** An instant for human text, in the CAP form (UTC as -00:00); the raw value if it does not parse. */
export function instantText(instant: string): string {
  return tryCapDateTime(instant) ?? instant;
}
