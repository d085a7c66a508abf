import type { BilingualText, Language } from '@enlace/domain';
import { type CapValuePair } from './alert.js';

const OTHER: Record<Language, Language> = { en: 'es', es: 'en' };

/**
 * Picks the text of one `<info>` language. When only the other language exists, its text is used, marked `[EN] …`
 * or `[ES] …`, and the field is remembered so the block can say so in `MissingTranslation` parameters.
 */
export class Localizer {
  private readonly missing: string[] = [];

  constructor(readonly language: Language) {}

  /** The text in this language, the marked fallback, or `undefined` when neither language has any. */
  text(field: string, text: BilingualText | undefined): string | undefined {
    const own = text?.[this.language]?.trim();
    if (own) return own;
    const other = OTHER[this.language];
    const fallback = text?.[other]?.trim();
    if (!fallback) return undefined;
    if (!this.missing.includes(field)) this.missing.push(field);
    return `[${other.toUpperCase()}] ${fallback}`;
  }

  /** A fixed phrase of the export itself, always available in both languages. */
  pick(phrase: Required<BilingualText>): string {
    return phrase[this.language];
  }

  missingTranslations(): CapValuePair[] {
    return this.missing.map((field) => ({ valueName: 'MissingTranslation', value: field }));
  }
}

export function senderNameFor(localizer: Localizer, senderName: BilingualText | undefined): string {
  return senderName?.[localizer.language]?.trim() || senderName?.[OTHER[localizer.language]]?.trim() || 'Enlace';
}
