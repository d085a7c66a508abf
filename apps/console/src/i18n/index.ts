// Languages of the console: the dictionaries, the bilingual-content picker and the remembered choice.
import type { BilingualText } from '../api/types';
import { en, type Messages } from './en';
import { es } from './es';

export type Lang = 'en' | 'es';
export type { Messages };

export const dictionaries: Record<Lang, Messages> = { en, es };

/** The `lang` attribute of the page: Mexican Spanish is `es-MX`. */
export function htmlLang(lang: Lang): string {
  return lang === 'es' ? 'es-MX' : 'en';
}

/** The `Intl` locale for dates and numbers. */
export function locale(lang: Lang): string {
  return lang === 'es' ? 'es-MX' : 'en-US';
}

export const LANGUAGE_KEY = 'enlace.language';

/** The remembered choice, else the browser's preference (Spanish if it asks for any Spanish), else English. */
export function initialLanguage(stored: string | null, browserLanguages: readonly string[]): Lang {
  if (stored === 'en' || stored === 'es') return stored;
  for (const language of browserLanguages) {
    const primary = language.toLowerCase().split('-')[0];
    if (primary === 'es') return 'es';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

/** What to show of a bilingual text in `lang`: that language, or the other one marked as a translation pending. */
export interface PickedText {
  text: string;
  /** The language `text` is in. */
  shownIn: Lang;
  /** The chosen language had no text: `text` is the other language's. */
  fallback: boolean;
}

export function pickText(value: BilingualText | undefined, lang: Lang): PickedText {
  const other: Lang = lang === 'en' ? 'es' : 'en';
  const wanted = value?.[lang]?.trim();
  if (wanted) return { text: wanted, shownIn: lang, fallback: false };
  const fallback = value?.[other]?.trim();
  if (fallback) return { text: fallback, shownIn: other, fallback: true };
  return { text: '', shownIn: lang, fallback: false };
}

/** A bilingual text as one plain string (no marker), for places that take only text such as `title` or a select. */
export function plainText(value: BilingualText | undefined, lang: Lang): string {
  return pickText(value, lang).text;
}

/** The text a form sends: `{ en?, es? }` with empty languages left out (the api requires at least one). */
export function bilingualInput(enText: string, esText: string): BilingualText {
  return {
    ...(enText.trim() ? { en: enText.trim() } : {}),
    ...(esText.trim() ? { es: esText.trim() } : {}),
  };
}
