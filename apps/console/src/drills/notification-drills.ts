// Notification drills in the console, the pure part: the planning form's body as the api takes it, minutes as the
// report's tables show them, and the years the year's page offers.
import type { DrillParticipantRole } from '../api/types';
import { locale, type Lang } from '../i18n';

/** What the planning form holds. */
export interface NotificationDrillForm {
  allBlms: boolean;
  /** The BLMs ticked, in the order of the list (ignored when `allBlms`). */
  blmIds: readonly string[];
  title: { en: string; es: string };
  /** The start as an ISO instant, undefined for "now". */
  startsAt: string | undefined;
  rate: string;
  participants: readonly { username: string; role: DrillParticipantRole }[];
}

/**
 * POST /api/drills/notification's body: `["all"]` for every BLM; the title only when written (in either language:
 * the api then asks for both, next to the field); an empty compression as `null` so the api names the field.
 */
export function notificationDrillBody(form: NotificationDrillForm) {
  const title = { en: form.title.en.trim(), es: form.title.es.trim() };
  return {
    blmIds: form.allBlms ? ['all'] : [...form.blmIds],
    ...(title.en || title.es ? { title } : {}),
    ...(form.startsAt ? { startsAt: form.startsAt } : {}),
    rate: form.rate.trim() === '' ? null : Number(form.rate),
    participants: form.participants.map(({ username, role }) => ({ username: username.trim(), role })),
  };
}

/** Minutes to one decimal, in the language's number format ("1.5", "12"). */
export function minutesText(minutes: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(minutes);
}

/** The years the page offers: this year and the five before it, and the chosen one if it is none of those. */
export function yearChoices(thisYear: number, chosen: number): number[] {
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return years.includes(chosen) ? years : [...years, chosen].sort((a, b) => b - a);
}

/** Toggling one BLM of the checklist, keeping the list's own order. */
export function toggled(order: readonly string[], chosen: readonly string[], blmId: string): string[] {
  const next = new Set(chosen);
  if (next.has(blmId)) next.delete(blmId);
  else next.add(blmId);
  return order.filter((id) => next.has(id));
}
