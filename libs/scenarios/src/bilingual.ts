/** A text every participant reads in their language: scenarios always carry both (a drill is bilingual by design). */
export interface Bilingual {
  en: string;
  es: string;
}
