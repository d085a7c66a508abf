// Times as officers read them: in the local time of the port concerned, on the officer's side of it (a port's U.S.
// and Mexican halves may keep different clocks), with the zone's abbreviation; UTC for the tooltip. Pure functions
// over Intl.DateTimeFormat, so the same code runs in the browser and in the unit tests.
import type { Side } from '../api/types';
import { locale, type Lang } from '../i18n';

/**
 * Zones whose short name ICU does not know in English (it answers "GMT-7"): Sonora keeps Mountain Standard Time
 * all year, without daylight saving time.
 */
const KNOWN_ABBREVIATIONS: Record<string, string> = {
  'America/Hermosillo': 'MST',
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(localeName: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${localeName}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) formatters.set(key, (cached = new Intl.DateTimeFormat(localeName, options)));
  return cached;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** Minutes east of UTC in `timeZone` at `date` (−420 for UTC−7). */
export function utcOffsetMinutes(date: Date, timeZone: string): number {
  const name = part(formatter('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(date), 'timeZoneName');
  const match = /^GMT(?:([+-])(\d{2}):?(\d{2})?)?$/.exec(name);
  if (!match?.[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** "UTC−7", "UTC+5:30", "UTC". */
export function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** The zone's abbreviation at that moment (PDT, MST, CST…), or its UTC offset when it has none. */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  const known = KNOWN_ABBREVIATIONS[timeZone];
  if (known) return known;
  const name = part(formatter('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(date), 'timeZoneName');
  if (/^[A-Z]{2,5}$/.test(name) && name !== 'GMT') return name;
  return offsetLabel(utcOffsetMinutes(date, timeZone));
}

/** The zone an officer of `side` reads times of a port in. */
export function portZone(port: { timeZones: { us: string; mx: string } }, side: Side): string {
  return side === 'MX' ? port.timeZones.mx : port.timeZones.us;
}

/** "2026-07-15 21:05:07 UTC": what the tooltip of every time shows. */
export function utcText(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export interface FormattedTime {
  /** For `<time dateTime>`: the instant in ISO 8601 (UTC). */
  dateTime: string;
  /** "Jul 15, 14:05 PDT" / "15 jul, 14:05 PDT" */
  text: string;
  /** "2026-07-15 21:05:07 UTC" */
  utc: string;
}

export interface FormatOptions {
  /** Show the seconds (activity logs). */
  seconds?: boolean;
  /** Leave the date out (the clock time only). */
  timeOnly?: boolean;
}

/** An instant in `timeZone`, 24-hour clock, with the zone abbreviation. `undefined` for a time that does not parse. */
export function formatTime(
  iso: string,
  timeZone: string,
  lang: Lang,
  options: FormatOptions = {},
): FormattedTime | undefined {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const parts = formatter(locale(lang), {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const clock = `${part(parts, 'hour')}:${part(parts, 'minute')}${options.seconds ? `:${part(parts, 'second')}` : ''}`;
  const month = part(parts, 'month').replace(/\.$/, '');
  const day = part(parts, 'day');
  const calendar = lang === 'es' ? `${day} ${month}` : `${month} ${day}`;
  const text = `${options.timeOnly ? '' : `${calendar}, `}${clock} ${zoneAbbreviation(date, timeZone)}`;
  return { dateTime: date.toISOString(), text, utc: utcText(date) };
}

/** A span of time for countdowns: "2 h 05 min", "14 min 09 s", "45 s" (the same units read in both languages). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}

/** Where a deadline stands at `now`: the time left, or how late it is. */
export function deadlineStatus(deadline: string, now: number): { overdue: boolean; remaining: string } {
  const left = Date.parse(deadline) - now;
  return { overdue: left < 0, remaining: formatDuration(left) };
}

/** The browser's own zone (for times that belong to no port, such as the connection's). */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
