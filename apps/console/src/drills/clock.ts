// The drill clock as a console shows it between two reads of the drill: the api gives the drill time at the moment it
// answered and the compression; the console runs it on from there (frozen unless running), and starts again from
// each fresh answer, so it never drifts further than one refresh from the server's clock.
import type { DrillStatus } from '@enlace/domain';
import { utcOffsetMinutes } from '../time/format';

/** What the clock needs of `GET /api/drills/:id`. */
export interface DrillClockReading {
  status: DrillStatus;
  /** The drill time when the api answered (ISO), `null` before its clock starts. */
  drillTime: string | null;
  /** Drill seconds per real second. */
  rate: number;
  /** How long after the answer the clock starts running (a start's or a resume's countdown). */
  countdownMs?: number;
}

/** The drill time (ms) at `nowMs`, from a reading received at `receivedAtMs`; undefined before the clock starts. */
export function drillTimeNow(reading: DrillClockReading, receivedAtMs: number, nowMs: number): number | undefined {
  if (reading.drillTime === null) return undefined;
  const answered = Date.parse(reading.drillTime);
  if (Number.isNaN(answered)) return undefined;
  if (reading.status !== 'running') return answered;
  return answered + Math.max(0, nowMs - receivedAtMs - (reading.countdownMs ?? 0)) * reading.rate;
}

/** Scenario time since time zero as "T+01:05:09" (before it: "T−00:00:30"). */
export function scenarioElapsed(drillMs: number, startsAt: string): string {
  const elapsed = drillMs - Date.parse(startsAt);
  const total = Math.floor(Math.abs(elapsed) / 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  const hours = Math.floor(total / 3600);
  return `T${elapsed < 0 ? '−' : '+'}${pad(hours)}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

/** Whether the zone changes its clocks in `year` (America/Hermosillo, Sonora, does not). */
export function keepsDaylightSaving(timeZone: string, year: number): boolean {
  const january = utcOffsetMinutes(new Date(Date.UTC(year, 0, 15)), timeZone);
  const july = utcOffsetMinutes(new Date(Date.UTC(year, 6, 15)), timeZone);
  return january !== july;
}

/**
 * A wall-clock time in `timeZone` ("2026-07-15T09:30", as `<input type="datetime-local">` gives it) as an ISO instant;
 * undefined for an empty or malformed value.
 */
export function zonedTimeToIso(value: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  // The offset at the guess, then at the instant it gives (they differ only across a change of clocks).
  let instant = wall - utcOffsetMinutes(new Date(wall), timeZone) * 60_000;
  instant = wall - utcOffsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant).toISOString();
}

/** An instant as the wall-clock value of `<input type="datetime-local">` in `timeZone`. */
export function isoToZonedInput(iso: string, timeZone: string): string {
  const date = new Date(iso);
  const shifted = new Date(date.getTime() + utcOffsetMinutes(date, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}
