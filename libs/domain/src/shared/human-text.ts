/**
 * What every text a person types must be (titles, descriptions, reasons, reports, names), because it is shown to
 * the other side, read aloud, e-mailed and posted to webhooks as it was recorded:
 *
 * - `visibleText`: at least one letter, digit, punctuation mark or symbol — not only spaces, zero-width characters,
 *   marks or the letters that render as nothing (Hangul fillers, the blank braille pattern);
 * - `noBidiOverrides`: none of U+202A–U+202E, U+2066–U+2069, which make a text display other than it reads
 *   ("Trojan Source");
 * - `noControlCharacters`: no C0 or C1 control character (ESC, NUL, BEL, …), except line breaks and tabs in long
 *   texts (one-line texts refuse the Unicode line and paragraph separators too);
 * - `wellFormedText`: no unpaired surrogate, which no database or mail server stores faithfully.
 */
export const HUMAN_TEXT_RULES = ['visibleText', 'noBidiOverrides', 'noControlCharacters', 'wellFormedText'] as const;
export type HumanTextRule = (typeof HUMAN_TEXT_RULES)[number];

export interface HumanTextOptions {
  /** Long texts (reports, reasons, instructions, notification bodies) may hold line breaks and tabs. */
  multiline: boolean;
}

const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const BLANK_LETTERS = /[\u115F\u1160\u3164\uFFA0\u2800]/gu;
const BIDI_OVERRIDES = '[\\u202A-\\u202E\\u2066-\\u2069]';
/** One-line texts also refuse U+2028 and U+2029, the line and paragraph separators, which break a line as \n does. */
const CONTROL_CHARACTERS = '[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029]';
const CONTROL_CHARACTERS_BUT_LINES = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]';
/** Without the `u` flag a pattern sees the halves of a pair, so it can find the halves that have no partner. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const controls = ({ multiline }: HumanTextOptions): string =>
  multiline ? CONTROL_CHARACTERS_BUT_LINES : CONTROL_CHARACTERS;

/** The rules `text` breaks, in the order of HUMAN_TEXT_RULES; none for a good text. */
export function brokenTextRules(text: string, options: HumanTextOptions): HumanTextRule[] {
  const broken: HumanTextRule[] = [];
  if (!VISIBLE.test(text.replace(BLANK_LETTERS, ''))) broken.push('visibleText');
  if (new RegExp(BIDI_OVERRIDES, 'u').test(text)) broken.push('noBidiOverrides');
  if (new RegExp(controls(options), 'u').test(text)) broken.push('noControlCharacters');
  if (!text.isWellFormed()) broken.push('wellFormedText');
  return broken;
}

/**
 * `text` without bidirectional overrides, control characters (line breaks and tabs kept when multiline) or unpaired
 * surrogates: for text recorded before these rules, on its way to an e-mail or a webhook.
 */
export function withoutUnsafeCharacters(text: string, options: HumanTextOptions): string {
  return text
    .replace(UNPAIRED_SURROGATE, '')
    .replace(new RegExp(BIDI_OVERRIDES, 'gu'), '')
    .replace(new RegExp(controls(options), 'gu'), '');
}
