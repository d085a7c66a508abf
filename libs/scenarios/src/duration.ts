/** ISO-8601 durations in days, hours and minutes (`PT15M`, `PT1H30M`, `P1DT2H`): what MSEL times and targets use. */
const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/;

/**
 * Minutes from a file or a spreadsheet cell: a whole number of minutes (`15`, `"15"`) or an ISO-8601 duration.
 * Undefined when it is neither (a negative number is returned as such, for the caller to name the rule it breaks).
 */
export function minutesOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^-?\d+$/.test(text)) return Number(text);
  const match = ISO_DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [, days = '0', hours = '0', minutes = '0'] = match;
  return Number(days) * 1440 + Number(hours) * 60 + Number(minutes);
}

/** The canonical ISO-8601 form of a whole number of minutes: `PT0M`, `PT15M`, `PT1H30M`, `PT26H`. */
export function isoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `PT${rest}M`;
  return rest === 0 ? `PT${hours}H` : `PT${hours}H${rest}M`;
}
