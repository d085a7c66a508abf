import { describe, expect, it } from '@jest/globals';
import {
  deadlineStatus,
  formatDuration,
  formatTime,
  offsetLabel,
  portZone,
  utcOffsetMinutes,
  zoneAbbreviation,
} from './format';

const JULY = new Date('2026-07-15T19:30:00Z');
const JANUARY = new Date('2026-01-15T19:30:00Z');

// The zones of config/reference/ports-of-entry.csv, by crossing.
const nogales = { timeZones: { us: 'America/Phoenix', mx: 'America/Hermosillo' } };
const tijuana = { timeZones: { us: 'America/Los_Angeles', mx: 'America/Tijuana' } };
const elPaso = { timeZones: { us: 'America/Denver', mx: 'America/Ciudad_Juarez' } };
const brownsville = { timeZones: { us: 'America/Chicago', mx: 'America/Matamoros' } };

describe('port time zones', () => {
  it('read a port on the officer’s own side', () => {
    expect(portZone(tijuana, 'US')).toBe('America/Los_Angeles');
    expect(portZone(tijuana, 'MX')).toBe('America/Tijuana');
  });

  it('Nogales, Arizona and Nogales, Sonora are both UTC−7 in July and in January (neither keeps DST)', () => {
    for (const date of [JULY, JANUARY]) {
      expect(utcOffsetMinutes(date, portZone(nogales, 'US'))).toBe(-420);
      expect(utcOffsetMinutes(date, portZone(nogales, 'MX'))).toBe(-420);
      expect(zoneAbbreviation(date, portZone(nogales, 'US'))).toBe('MST');
      expect(zoneAbbreviation(date, portZone(nogales, 'MX'))).toBe('MST');
    }
  });

  it('Tijuana is UTC−7 (PDT) in July and UTC−8 (PST) in January', () => {
    expect(utcOffsetMinutes(JULY, portZone(tijuana, 'MX'))).toBe(-420);
    expect(zoneAbbreviation(JULY, portZone(tijuana, 'MX'))).toBe('PDT');
    expect(utcOffsetMinutes(JANUARY, portZone(tijuana, 'MX'))).toBe(-480);
    expect(zoneAbbreviation(JANUARY, portZone(tijuana, 'US'))).toBe('PST');
  });

  it('El Paso is UTC−6 (MDT) in July, like Ciudad Juárez', () => {
    expect(utcOffsetMinutes(JULY, portZone(elPaso, 'US'))).toBe(-360);
    expect(zoneAbbreviation(JULY, portZone(elPaso, 'US'))).toBe('MDT');
    expect(utcOffsetMinutes(JULY, portZone(elPaso, 'MX'))).toBe(-360);
  });

  it('Brownsville is UTC−6 (CST) in January and UTC−5 (CDT) in July', () => {
    expect(utcOffsetMinutes(JANUARY, portZone(brownsville, 'US'))).toBe(-360);
    expect(zoneAbbreviation(JANUARY, portZone(brownsville, 'US'))).toBe('CST');
    expect(utcOffsetMinutes(JULY, portZone(brownsville, 'US'))).toBe(-300);
  });

  it('labels offsets of zones without an abbreviation', () => {
    expect(offsetLabel(-420)).toBe('UTC−7');
    expect(offsetLabel(330)).toBe('UTC+5:30');
    expect(offsetLabel(0)).toBe('UTC');
    expect(zoneAbbreviation(JULY, 'Asia/Kolkata')).toBe('UTC+5:30');
  });
});

describe('formatTime', () => {
  it('shows the local clock of the zone with its abbreviation, and UTC for the tooltip', () => {
    expect(formatTime('2026-07-15T19:30:05Z', 'America/Phoenix', 'en')).toEqual({
      dateTime: '2026-07-15T19:30:05.000Z',
      text: 'Jul 15, 12:30 MST',
      utc: '2026-07-15 19:30:05 UTC',
    });
    expect(formatTime('2026-07-15T19:30:05Z', 'America/Denver', 'en')?.text).toBe('Jul 15, 13:30 MDT');
  });

  it('writes the date the Mexican way in Spanish, on a 24-hour clock', () => {
    expect(formatTime('2026-01-15T23:45:00Z', 'America/Matamoros', 'es')?.text).toBe('15 ene, 17:45 CST');
  });

  it('crosses midnight in the zone, not in UTC', () => {
    expect(formatTime('2026-07-16T03:10:00Z', 'America/Tijuana', 'en')?.text).toBe('Jul 15, 20:10 PDT');
  });

  it('shows seconds or the clock alone when asked', () => {
    expect(formatTime('2026-07-15T19:30:05Z', 'America/Chicago', 'en', { seconds: true, timeOnly: true })?.text).toBe(
      '14:30:05 CDT',
    );
  });

  it('refuses what is not a time', () => {
    expect(formatTime('not a date', 'America/Chicago', 'en')).toBeUndefined();
  });
});

describe('countdowns', () => {
  it('count hours, minutes and seconds', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(14 * 60_000 + 9_000)).toBe('14 min 09 s');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000 + 59_000)).toBe('2 h 05 min');
  });

  it('tell a deadline still ahead from one passed', () => {
    const now = Date.parse('2026-07-15T19:30:00Z');
    expect(deadlineStatus('2026-07-15T19:45:00Z', now)).toEqual({ overdue: false, remaining: '15 min 00 s' });
    expect(deadlineStatus('2026-07-15T19:29:30Z', now)).toEqual({ overdue: true, remaining: '30 s' });
  });
});
