import type { BilingualText, Language } from '@enlace/domain';
import { CORE_CAPABILITIES, type EventMatch, scenarioAgency } from '@enlace/scenarios';
import { EVENT_NAMES, label } from './labels.js';

/** The locale each report language is written in: Spanish is Mexico's (dates, numbers, the `lang` attribute). */
export const LOCALES: Readonly<Record<Language, string>> = { en: 'en-US', es: 'es-MX' };

const other = (language: Language): Language => (language === 'en' ? 'es' : 'en');

/**
 * A free text in the report's language; one written only in the other language is shown as written, marked, since an
 * observation typed in one language must not disappear from the other report.
 */
export function textIn(text: BilingualText, language: Language): string {
  const own = text[language]?.trim();
  if (own) return own;
  const written = text[other(language)]?.trim() ?? '';
  return written ? `${written} ${label(language, 'onlyInOtherLanguage')}` : '';
}

function formatter(language: Language, timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALES[language], {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(withDate ? { day: 'numeric', month: 'short', year: 'numeric' } : {}),
  });
}

/** A time of day in the drill's zone (Intl knows each zone's rules: Sonora keeps no daylight saving time). */
export function clockTime(iso: string, timeZone: string, language: Language): string {
  return formatter(language, timeZone, false).format(new Date(iso));
}

export function dateTime(iso: string, timeZone: string, language: Language): string {
  return formatter(language, timeZone, true).format(new Date(iso));
}

function decimal(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 }).format(value);
}

/** `12.5 min` under an hour, `2 h 05 min` from an hour: both languages write durations this way. */
export function duration(minutes: number, language: Language): string {
  const rounded = Math.round(minutes * 10) / 10;
  if (Math.abs(rounded) < 60) return `${decimal(rounded, language)} min`;
  const whole = Math.round(minutes);
  return `${Math.floor(whole / 60)} h ${String(whole % 60).padStart(2, '0')} min`;
}

export function seconds(value: number, language: Language): string {
  return `${decimal(value, language)} s`;
}

export function signedSeconds(seconds: number, language: Language): string {
  const sign = seconds > 0 ? '+' : seconds < 0 ? '−' : '';
  return `${sign}${decimal(Math.abs(seconds), language)} s`;
}

export function capabilityName(capability: string, language: Language): string {
  return Object.hasOwn(CORE_CAPABILITIES, capability)
    ? CORE_CAPABILITIES[capability as keyof typeof CORE_CAPABILITIES][language]
    : capability;
}

export function agencyName(code: string, language: Language): string {
  const agency = scenarioAgency(code);
  return agency ? `${code} — ${agency.name[language]}` : code;
}

/** An event match as a reader says it: the event's name, then the side and checklist item when they matter. */
export function eventMatchText(match: EventMatch, language: Language): string {
  const parts = [EVENT_NAMES[match.event][language]];
  if (match.side) parts.push(label(language, `side.${match.side}`));
  if (match.itemId) parts.push(match.itemId);
  return parts.join(' · ');
}
