/**
 * Times of the record in a port's zones. Intl knows each zone's rules (Sonora keeps no daylight saving time, Baja
 * California follows the U.S. dates), so nothing here computes an offset by hand.
 */

interface WallClock {
  date: string;
  time: string;
  /** `-07:00`, `+00:00`. */
  offset: string;
}

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = FORMATTERS.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    FORMATTERS.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(iso: string, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(iso))) parts[part.type] = part.value;
  // `GMT-07:00`, or `GMT` for a zero offset.
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
    offset,
  };
}

/** `2025-03-01T09:15:00.250-08:00`: the instant `iso` (UTC, as the store records it) on the clocks of `timeZone`. */
export function zonedIso(iso: string, timeZone: string): string {
  const { date, time, offset } = wallClock(iso, timeZone);
  const millis = /\.(\d{3})Z$/.exec(iso)?.[1] ?? '000';
  return `${date}T${time}.${millis}${offset}`;
}

/** `2025-03-01T09:15:00.250-08:00[America/Los_Angeles]` (RFC 9557): the instant, its offset and its zone in one cell. */
export function zonedStamp(iso: string, timeZone: string): string {
  return `${zonedIso(iso, timeZone)}[${timeZone}]`;
}

/** `2025-03-01 09:15 UTC-08:00`: for people, on a form. */
export function readableLocal(iso: string, timeZone: string): string {
  const { date, time, offset } = wallClock(iso, timeZone);
  return `${date} ${time.slice(0, 5)} UTC${offset}`;
}

/** `2025-03-01 17:15 UTC`. */
export function readableUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
