import type { Language } from '@enlace/domain';
import type { DrillEvaluation } from './evaluation.types.js';
import { label } from './labels.js';
import {
  areaLines,
  haltsTable,
  improvementTable,
  injectsTable,
  objectivesTable,
  observationSections,
  overviewFacts,
  participantsTable,
  pausesTable,
  ratesTable,
  strengthLines,
  type Table,
} from './report-content.js';

/**
 * Text that Markdown shows as written: its markup characters backslash-escaped, and `<`, `>`, `&` as entities so that a
 * viewer that renders inline HTML never runs an observation's markup. Line breaks become spaces (a table row is one line).
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]#|~]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

function table({ headers, rows }: Table): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map(markdownText).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map(line)];
}

function tableOrNone(content: Table, whenEmpty: string): string[] {
  return content.rows.length === 0 ? [markdownText(whenEmpty)] : table(content);
}

function bullets(items: readonly string[], whenEmpty: string): string[] {
  return items.length === 0 ? [markdownText(whenEmpty)] : items.map((item) => `- ${markdownText(item)}`);
}

/** The after-action report as Markdown in one language (for a repository, a wiki or an e-mail). */
export function renderAarMarkdown(evaluation: DrillEvaluation, language: Language): string {
  const l = (key: Parameters<typeof label>[1], values?: Record<string, string>) => label(language, key, values);
  const heading = (level: number, text: string) => ['', `${'#'.repeat(level)} ${markdownText(text)}`, ''];
  const observations = observationSections(evaluation, language);
  const lines = [
    `**${markdownText(l('exerciseBanner'))}**`,
    ...heading(1, `${l('reportTitle')} — ${evaluation.overview.title[language]}`),
    markdownText(`${l('timesShownIn', { zone: evaluation.overview.timeZone })} ${l('generatedNote')}`),
    ...heading(2, l('overview')),
    ...overviewFacts(evaluation, language).map(
      ([term, value]) => `- **${markdownText(term)}:** ${markdownText(value)}`,
    ),
    ...heading(3, l('participants')),
    ...table(participantsTable(evaluation, language)),
    ...heading(3, l('compression')),
    ...table(ratesTable(evaluation, language)),
    ...heading(3, l('pauses')),
    ...tableOrNone(pausesTable(evaluation, language), l('noPauses')),
    ...heading(3, l('halts')),
    ...tableOrNone(haltsTable(evaluation, language), l('noHalts')),
    ...heading(2, l('objectives')),
    ...table(objectivesTable(evaluation, language)),
    ...heading(2, l('injects')),
    ...table(injectsTable(evaluation, language)),
    ...heading(2, l('observations')),
    ...(observations.length === 0
      ? [markdownText(l('noObservations'))]
      : observations.flatMap((section) => [...heading(3, section.heading), ...bullets(section.items, '')])),
    ...heading(2, l('strengths')),
    ...bullets(strengthLines(evaluation, language), l('noStrengths')),
    ...heading(2, l('areasForImprovement')),
    ...bullets(areaLines(evaluation, language), l('noAreas')),
    ...heading(2, l('improvementPlan')),
    ...tableOrNone(improvementTable(evaluation, language), l('noItems')),
    '',
    `**${markdownText(l('exerciseBanner'))}**`,
  ];
  // Consecutive headings each bring their blank lines: one blank line between blocks is enough.
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
