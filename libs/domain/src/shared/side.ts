/** A side of the border. */
export type Side = 'US' | 'MX';
/** Who owns a checklist item: one side or both together. */
export type Owner = Side | 'JOINT';

export const SIDES: readonly Side[] = ['US', 'MX'];

export function counterpartOf(side: Side): Side {
  return side === 'US' ? 'MX' : 'US';
}

/**
 * A side as messages name it, in both languages: a Spanish message never shows a code ("el lado US", "un oficial de
 * MX"). `theSide('US', 'es')` is "el lado estadounidense"; `ofTheSide` contracts "de el" ("del lado mexicano").
 */
const SIDE_ADJECTIVES: Readonly<Record<Owner, { en: string; es: string }>> = {
  US: { en: 'U.S.', es: 'estadounidense' },
  MX: { en: 'Mexican', es: 'mexicano' },
  JOINT: { en: 'joint', es: 'conjunto' },
};

export function theSide(side: Owner, lang: 'en' | 'es'): string {
  if (side === 'JOINT') return lang === 'en' ? 'both sides (joint)' : 'ambos lados (conjunto)';
  return lang === 'en' ? `the ${SIDE_ADJECTIVES[side].en} side` : `el lado ${SIDE_ADJECTIVES[side].es}`;
}

export function ofTheSide(side: Owner, lang: 'en' | 'es'): string {
  return withPreposition(side, lang, 'of', 'de');
}

/** "to the U.S. side"; "al lado estadounidense" ("a el" contracted). */
export function toTheSide(side: Owner, lang: 'en' | 'es'): string {
  return withPreposition(side, lang, 'to', 'a');
}

function withPreposition(side: Owner, lang: 'en' | 'es', en: string, es: 'de' | 'a'): string {
  const phrase = theSide(side, lang);
  if (lang === 'en') return `${en} ${phrase}`;
  return phrase.startsWith('el ') ? `${es}l ${phrase.slice(3)}` : `${es} ${phrase}`;
}

/** A phrase at the start of a sentence: "El lado mexicano …". */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "U.S." / "Mexican" / "joint"; "estadounidense" / "mexicano" / "conjunto". */
export function sideAdjective(side: Owner, lang: 'en' | 'es'): string {
  return SIDE_ADJECTIVES[side][lang];
}

/** The country of a side, short: "U.S." / "Mexico"; "EE. UU." / "México". */
export function countryName(side: Side, lang: 'en' | 'es'): string {
  if (side === 'US') return lang === 'en' ? 'U.S.' : 'EE. UU.';
  return lang === 'en' ? 'Mexico' : 'México';
}
