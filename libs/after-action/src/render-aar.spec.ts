import type { Language } from '@enlace/domain';
import { evaluateDrill } from './evaluate-drill.js';
import type { DrillEvaluation } from './evaluation.types.js';
import { EVENT_NAMES, LABELS, type LabelKey } from './labels.js';
import { englishLeaks, visibleText } from './testing/english-leaks.js';
import { renderAarHtml } from './render-html.js';
import { AAR_SCHEMA_VERSION, renderAarJson } from './render-json.js';
import { markdownText, renderAarMarkdown } from './render-markdown.js';
import {
  MALICIOUS_OBSERVATION,
  nogalesDrillEvents,
  nogalesScenario,
  nogalesWorldEvents,
} from './testing/nogales-drill.js';

function evaluation(): DrillEvaluation {
  return evaluateDrill({
    scenario: nogalesScenario(),
    drillEvents: nogalesDrillEvents(),
    worldEvents: nogalesWorldEvents(),
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('labels', () => {
  it('given the two tables, when compared, then every key has a text in both, with the same placeholders', () => {
    const keys = Object.keys(LABELS.en) as LabelKey[];
    expect(Object.keys(LABELS.es).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect({ key, en: LABELS.en[key].trim().length > 0, es: LABELS.es[key].trim().length > 0 }).toEqual({
        key,
        en: true,
        es: true,
      });
      expect({ key, placeholders: placeholders(LABELS.es[key]) }).toEqual({
        key,
        placeholders: placeholders(LABELS.en[key]),
      });
    }
    for (const [event, names] of Object.entries(EVENT_NAMES)) {
      expect({ event, en: names.en !== '', es: names.es !== '' }).toEqual({ event, en: true, es: true });
    }
  });
});

describe('renderAarHtml', () => {
  it('given a language, when rendered, then it is one standalone document in that language', () => {
    const spanish = renderAarHtml(evaluation(), 'es');
    expect(spanish.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(spanish).toContain('<html lang="es-MX">');
    expect(spanish).toContain('<style>');
    expect(spanish.trimEnd().endsWith('</html>')).toBe(true);
    expect(spanish).not.toMatch(/<(link|script|img|iframe|object)\b/i);
    expect(renderAarHtml(evaluation(), 'en')).toContain('<html lang="en-US">');
  });

  it('given an observation carrying markup, when rendered, then it is shown as text, never run', () => {
    for (const language of ['en', 'es'] as const) {
      const document = renderAarHtml(evaluation(), language);
      expect(document).not.toMatch(/<script|<img/i);
      expect(document).toContain(
        '&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
      );
      expect(visibleText(document)).toContain(MALICIOUS_OBSERVATION);
    }
  });

  it('given the Spanish report, when read, then no English label, event or capability name shows', () => {
    expect(englishLeaks(visibleText(renderAarHtml(evaluation(), 'es')))).toEqual([]);
  });

  it('given released injects, when rendered, then the timeline has one mark per released inject, in the drill zone', () => {
    const document = renderAarHtml(evaluation(), 'en');
    const svg = /<svg[\s\S]*<\/svg>/.exec(document)?.[0] ?? '';
    const released = [...svg.matchAll(/class="inject-released" data-inject="([^"]+)"/g)].map((match) => match[1]);
    expect(released).toEqual(['NOG-01', 'NOG-02', 'NOG-03', 'NOG-04', 'NOG-06']);
    expect([...svg.matchAll(/class="inject-scheduled" data-inject=/g)]).toHaveLength(5);
    expect([...svg.matchAll(/class="player-action[^"]*" data-inject="([^"]+)"/g)].map((match) => match[1])).toEqual([
      'NOG-01',
      'NOG-02',
    ]);
    expect(svg).toContain('class="action-missed" data-inject="NOG-03"');
    // 13:15 UTC is 06:15 in Sonora, which keeps UTC−7 while the rest of Mountain time moves to daylight time.
    expect(/class="tick"[^>]*>([^<]+)</.exec(svg)?.[1]).toBe('06:15');
    expect(svg).toContain('Drill time (America/Hermosillo)');
  });

  it('given the objectives, when rendered, then the table shows target, actual and status for each', () => {
    const text = visibleText(renderAarHtml(evaluation(), 'es'));
    expect(text).toMatch(/NOG-OBJ-2[\s\S]*30 min[\s\S]*40 min[\s\S]*No cumplido/);
  });
});

describe('a drill only planned', () => {
  it.each<Language>(['en', 'es'])(
    'given nothing played, when rendered in %s, then every format still renders',
    (language) => {
      const planned = evaluateDrill({
        scenario: nogalesScenario(),
        drillEvents: nogalesDrillEvents().slice(0, 1),
        worldEvents: [],
      });
      expect(renderAarHtml(planned, language)).toContain(LABELS[language].notStarted);
      expect(renderAarMarkdown(planned, language)).toContain(LABELS[language].noObservations);
      expect(JSON.parse(renderAarJson(planned))).toMatchObject({ schemaVersion: AAR_SCHEMA_VERSION });
    },
  );
});

describe('renderAarMarkdown', () => {
  it.each<Language>(['en', 'es'])(
    'given four objectives, when rendered in %s, then the objectives table has a row each',
    (language) => {
      const rows = renderAarMarkdown(evaluation(), language)
        .split('\n')
        .filter((line) => line.startsWith('| NOG-OBJ-'));
      expect(rows).toHaveLength(4);
      expect(rows[0]).toContain(LABELS[language]['objectiveStatus.met']);
      expect(rows[2]).toContain(LABELS[language]['objectiveStatus.not-met']);
      expect(rows[3]).toContain(LABELS[language]['objectiveStatus.not-observed']);
    },
  );

  it('given user text with Markdown or HTML in it, when rendered, then it stays text and one table cell', () => {
    expect(markdownText('a | b <b>*x*</b>\nc')).toBe('a \\| b &lt;b&gt;\\*x\\*&lt;/b&gt; c');
    expect(renderAarMarkdown(evaluation(), 'en')).not.toMatch(/<script/);
  });
});

describe('renderAarJson', () => {
  it('given an evaluation, when rendered, then it is the evaluation with its schema version, the same every time', () => {
    const json = renderAarJson(evaluation());
    const document = JSON.parse(json) as { schemaVersion: number; kind: string; objectives: unknown[] };
    expect(document.schemaVersion).toBe(AAR_SCHEMA_VERSION);
    expect(document.kind).toBe('enlace.after-action-report');
    expect(document).toMatchObject(JSON.parse(JSON.stringify(evaluation())) as object);
    expect(renderAarJson(evaluation())).toBe(json);
  });
});
