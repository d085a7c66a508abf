import { describe, expect, it } from '@jest/globals';
import { bilingualInput, dictionaries, htmlLang, initialLanguage, pickText } from './index';

type Tree = { [key: string]: unknown };

/** Every leaf of a dictionary as `path → kind`, where kind is `string` or `function/<arity>`. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, 'string');
    else if (typeof value === 'function') out.set(path, `function/${value.length}`);
    else if (value && typeof value === 'object') for (const [p, k] of leaves(value as Tree, path)) out.set(p, k);
    else out.set(path, typeof value);
  }
  return out;
}

/** Labels that are the same word in both languages (brand names, acronyms). */
const SAME_IN_BOTH = new Set([
  'appName',
  'utc',
  'no',
  'role.auditor',
  'laneMode.sentri',
  'laneMode.fast',
  'noLane',
  'scenarios.objectiveLine',
  'drills.notification.minutes',
  // The technical term, as Mexican agencies' IT staff say it too.
  'outboxChannel.webhook',
  // CENACOM's own word for its report number, used by U.S. officers too.
  'incidentActions.reportNumberValue.CENACOM',
  // A label and a message joined: the words are each language's own.
  'archiveReport.problems.refused',
]);

describe('dictionaries', () => {
  const en = leaves(dictionaries.en);
  const es = leaves(dictionaries.es);

  it('have the same keys, each a string or a function of the same arity in both languages', () => {
    expect([...es.entries()].sort()).toEqual([...en.entries()].sort());
    expect(en.size).toBeGreaterThan(100);
  });

  it('have no empty label, and every function returns text', () => {
    for (const lang of ['en', 'es'] as const) {
      for (const path of leaves(dictionaries[lang]).keys()) {
        const value = path.split('.').reduce<unknown>((node, key) => (node as Tree)[key], dictionaries[lang]);
        const text =
          typeof value === 'function' ? (value as (...args: unknown[]) => string)('X', 2, 3, 4) : (value as string);
        expect({ lang, path, empty: text.trim() === '' }).toEqual({ lang, path, empty: false });
      }
    }
  });

  it('translate every label (only brand names and acronyms read the same)', () => {
    const untranslated = [...en.keys()].filter((path) => {
      const get = (lang: 'en' | 'es') =>
        path.split('.').reduce<unknown>((node, key) => (node as Tree)[key], dictionaries[lang]);
      const [a, b] = [get('en'), get('es')];
      const render = (value: unknown) =>
        typeof value === 'function' ? (value as (...args: unknown[]) => string)('X', 2, 3, 4) : value;
      return render(a) === render(b) && !SAME_IN_BOTH.has(path);
    });
    expect(untranslated).toEqual([]);
  });

  it('count in each language', () => {
    expect(dictionaries.en.inboxPendingCount(1)).toBe('1 pending');
    expect(dictionaries.es.inboxPendingCount(3)).toBe('3 pendientes');
    expect(dictionaries.es.resumed('10:00 PDT', 1)).toContain('1 actualización');
    expect(dictionaries.en.resumed('10:00 PDT', 4)).toBe('Reconnected — caught up from 10:00 PDT, 4 updates received.');
  });

  it('read as a Mexican official writes: sides with "de", centres with their article, one port "afectado"', () => {
    const es = dictionaries.es;
    expect(es.orderedBy(es.side.US)).toBe('Ordenada por el lado de EE. UU.');
    expect(es.nationalCenterNotified(es.side.MX, 'CENACOM')).toBe('México: se notificó al CENACOM');
    expect(es.counterpartNotified(es.side.US, 'NRC')).toBe('EE. UU.: el NRC notificó al otro país');
    expect(es.jrtStandDown(es.side.US)).toBe(
      'El lado de EE. UU. acordó desactivarlo; falta que el otro lado lo acuerde',
    );
    expect(es.archiveReport.otherPortsBadge).toBe('También afectado');
    expect(es.notificationState.acknowledged).toBe('Recibo acusado');
  });

  it('end a sentence on a side name that ends in a period with one period, not two', () => {
    expect(dictionaries.es.incidentActions.blockerJrtAgreed(dictionaries.es.side.US)).toBe('Lo han acordado: EE. UU.');
    expect(dictionaries.en.incidentActions.blockerJrtAgreed(dictionaries.en.side.US)).toBe('Agreed so far: U.S.');
    expect(dictionaries.en.incidentActions.blockerJrtAgreed(dictionaries.en.side.MX)).toBe('Agreed so far: Mexico.');
  });
});

describe('pickText', () => {
  it('shows the chosen language when it has text', () => {
    expect(pickText({ en: 'Chlorine leak', es: 'Fuga de cloro' }, 'es')).toEqual({
      text: 'Fuga de cloro',
      shownIn: 'es',
      fallback: false,
    });
  });

  it('falls back to the other language, marked, when the chosen one is missing or blank', () => {
    expect(pickText({ en: 'Chlorine leak' }, 'es')).toEqual({ text: 'Chlorine leak', shownIn: 'en', fallback: true });
    expect(pickText({ en: '  ', es: 'Fuga' }, 'en')).toEqual({ text: 'Fuga', shownIn: 'es', fallback: true });
  });

  it('gives nothing (and no marker) when there is no text at all', () => {
    expect(pickText(undefined, 'en')).toEqual({ text: '', shownIn: 'en', fallback: false });
  });
});

describe('language choice', () => {
  it('prefers the remembered choice, then the browser, then English', () => {
    expect(initialLanguage('es', ['en-US'])).toBe('es');
    expect(initialLanguage(null, ['fr-FR', 'es-MX', 'en'])).toBe('es');
    expect(initialLanguage('xx', ['en-GB', 'es'])).toBe('en');
    expect(initialLanguage(null, ['de'])).toBe('en');
  });

  it('marks the page es-MX in Spanish', () => {
    expect(htmlLang('es')).toBe('es-MX');
    expect(htmlLang('en')).toBe('en');
  });

  it('sends only the languages written', () => {
    expect(bilingualInput(' Leak ', '')).toEqual({ en: 'Leak' });
    expect(bilingualInput('', 'Fuga')).toEqual({ es: 'Fuga' });
  });
});
