/** A side of the border. */
export type Side = 'US' | 'MX';
/** Who owns a checklist item: one side or both together. */
export type Owner = Side | 'JOINT';

export const SIDES: readonly Side[] = ['US', 'MX'];

export function counterpartOf(side: Side): Side {
  return side === 'US' ? 'MX' : 'US';
}
