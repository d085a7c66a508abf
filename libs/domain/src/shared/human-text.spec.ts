import { brokenTextRules, withoutUnsafeCharacters } from './human-text.js';

const line = { multiline: false };
const lines = { multiline: true };

describe('brokenTextRules', () => {
  it.each([
    ['plain English', 'Chlorine release at the commercial lot'],
    ['Spanish with accents', 'Fuga de cloro en el patio comercial — Garita de Otay'],
    ['digits only', '1017'],
    ['a symbol', '⚠'],
    ['an emoji (a surrogate pair)', '🔥 Incendio'],
    ['left-to-right marks around text', '\u200EOtay Mesa\u200E'],
  ])('accepts %s', (_what, text) => {
    expect(brokenTextRules(text, line)).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['zero-width spaces and joiners', '\u200B\u200C\u200D\uFEFF'],
    ['a non-breaking and an ideographic space', '\u00A0\u3000'],
    ['a Hangul filler', '\u3164\u3164'],
    ['the blank braille pattern', '\u2800'],
    ['combining marks alone', '\u0301\u0308'],
  ])('refuses a text with no visible character: %s', (_what, text) => {
    expect(brokenTextRules(text, line)).toEqual(['visibleText']);
  });

  it.each(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'])(
    'refuses the bidirectional control U+%s',
    (control) => {
      expect(brokenTextRules(`Otay ${control}Mesa`, line)).toEqual(['noBidiOverrides']);
    },
  );

  it('refuses C0 and C1 controls and DEL; long texts keep line breaks and tabs only', () => {
    for (const control of ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u009B']) {
      expect(brokenTextRules(`a${control}b`, line)).toEqual(['noControlCharacters']);
      expect(brokenTextRules(`a${control}b`, lines)).toEqual(['noControlCharacters']);
    }
    expect(brokenTextRules('first\nsecond\r\n\tthird', line)).toEqual(['noControlCharacters']);
    expect(brokenTextRules('first\nsecond\r\n\tthird', lines)).toEqual([]);
  });

  it('refuses the Unicode line and paragraph separators in a one-line text only', () => {
    for (const separator of ['\u2028', '\u2029']) {
      expect(brokenTextRules(`Otay${separator}Mesa`, line)).toEqual(['noControlCharacters']);
      expect(brokenTextRules(`Otay${separator}Mesa`, lines)).toEqual([]);
    }
  });

  it('refuses unpaired surrogates', () => {
    expect(brokenTextRules('Otay \uD83D Mesa', line)).toEqual(['wellFormedText']);
    expect(brokenTextRules('\uDC00Otay', line)).toEqual(['wellFormedText']);
  });

  it('names every rule a text breaks', () => {
    expect(brokenTextRules('\u202E\u001B\u200B', line)).toEqual([
      'visibleText',
      'noBidiOverrides',
      'noControlCharacters',
    ]);
  });
});

describe('withoutUnsafeCharacters', () => {
  it('removes overrides, controls and unpaired surrogates, and keeps everything else', () => {
    expect(withoutUnsafeCharacters('\u202EOtay\u001B[31m Mesa\uD83D 🔥', line)).toBe('Otay[31m Mesa 🔥');
    expect(withoutUnsafeCharacters('one\ntwo\tthree\u0007', lines)).toBe('one\ntwo\tthree');
    expect(withoutUnsafeCharacters('one\ntwo', line)).toBe('onetwo');
    expect(withoutUnsafeCharacters('Garita de Otay — cierre', lines)).toBe('Garita de Otay — cierre');
  });
});
