/** Human-facing free text: at least one of English and Spanish (es-MX); the other may be added later. */
export interface BilingualText {
  en?: string;
  es?: string;
}

export type Language = 'en' | 'es';
export const LANGUAGES: readonly Language[] = ['en', 'es'];

export function missingLanguages(text: BilingualText | undefined): Language[] {
  return LANGUAGES.filter((language) => !text?.[language]?.trim());
}

export function hasSomeText(text: BilingualText | undefined): boolean {
  return missingLanguages(text).length < LANGUAGES.length;
}

export function withTranslation(text: BilingualText, language: Language, value: string): BilingualText {
  return { ...text, [language]: value };
}

/** Both languages of a fixed message, for domain errors and system texts. */
export function bilingual(en: string, es: string): Required<BilingualText> {
  return { en, es };
}
