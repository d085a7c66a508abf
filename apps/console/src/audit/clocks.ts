// An instant on a port's clocks: the U.S. half and the Mexican half of a port may keep different zones, and an auditor
// reads both (with UTC, the record's own clock).
import type { Side } from '../api/types';
import type { Lang } from '../i18n';
import { formatTime } from '../time/format';

export interface SideClock {
  /** The sides that read this clock (both when the port's two zones show the same time). */
  sides: Side[];
  zone: string;
  dateTime: string;
  text: string;
}

/** An instant on a port's U.S. and Mexican clocks; one line when both read the same. */
export function sideClocks(
  iso: string,
  zones: { us: string; mx: string },
  lang: Lang,
  options: { seconds?: boolean } = {},
): SideClock[] {
  const clocks: SideClock[] = [];
  for (const [side, zone] of [
    ['US', zones.us],
    ['MX', zones.mx],
  ] as const) {
    const formatted = formatTime(iso, zone, lang, options);
    if (!formatted) continue;
    const same = clocks.find((clock) => clock.text === formatted.text);
    if (same) same.sides.push(side);
    else clocks.push({ sides: [side], zone, dateTime: formatted.dateTime, text: formatted.text });
  }
  return clocks;
}
