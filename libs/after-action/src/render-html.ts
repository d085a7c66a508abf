import type { Language } from '@enlace/domain';
import type { DrillEvaluation } from './evaluation.types.js';
import { LOCALES } from './format.js';
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
import { markup, type SafeHtml, trusted } from './safe-html.js';
import { timelineSvg } from './timeline-svg.js';

/** Print-first: no web fonts, no scripts, no external requests; rows and the chart are not split across pages. */
const STYLE = trusted(`
  @page { size: auto; margin: 14mm; }
  body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111; margin: 0 auto; max-width: 1100px; padding: 16px; }
  .banner { text-align: center; font-weight: 700; letter-spacing: .08em; color: #8a1c1c; border: 2px solid #8a1c1c; padding: 4px; }
  h1 { font-size: 18pt; margin: 12px 0 2px; }
  h2 { font-size: 13pt; margin: 22px 0 6px; border-bottom: 1px solid #999; break-after: avoid; }
  h3 { font-size: 11pt; margin: 12px 0 4px; break-after: avoid; }
  .note { color: #444; font-size: 9pt; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
  dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
  table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 4px 0 8px; }
  th, td { border: 1px solid #bbb; padding: 3px 5px; text-align: left; vertical-align: top; }
  th { background: #eee; } tr { break-inside: avoid; }
  .status-met { background: #e3f3e3; } .status-not-met { background: #fbe3e0; } .status-not-observed { background: #f2f2f2; }
  svg.timeline { width: 100%; height: auto; border: 1px solid #ccc; break-inside: avoid; }
  svg .grid { stroke: #e4e4e4; } svg .axis { stroke: #333; }
  svg .tick, svg .inject-id, svg .legend text { font-size: 10px; fill: #333; }
  svg .axis-label, svg .lane { font-size: 11px; font-weight: 600; fill: #222; }
  svg .inject-scheduled { fill: #fff; stroke: #1f4e8c; stroke-width: 1.5; } svg .inject-released { fill: #1f4e8c; }
  svg .release-error { stroke: #1f4e8c; stroke-width: 2; } svg .response { stroke: #999; stroke-dasharray: 3 3; }
  svg .player-action { fill: #2e7d32; } svg .action-late { fill: #c77700; }
  svg .action-missed { stroke: #b3261e; stroke-width: 2.5; fill: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
`);

function table({ headers, rows }: Table, rowClasses: readonly string[] = []): SafeHtml {
  const head = headers.map((header) => markup`<th scope="col">${header}</th>`);
  const body = rows.map(
    (row, index) => markup`<tr class="${rowClasses[index] ?? ''}">${row.map((cell) => markup`<td>${cell}</td>`)}</tr>
`,
  );
  return markup`<table><thead><tr>${head}</tr></thead>
<tbody>
${body}</tbody></table>
`;
}

function list(items: readonly string[], whenEmpty: string): SafeHtml {
  if (items.length === 0) return markup`<p>${whenEmpty}</p>`;
  return markup`<ul>${items.map((item) => markup`<li>${item}</li>`)}</ul>
`;
}

function tableOrNone(content: Table, whenEmpty: string): SafeHtml {
  return content.rows.length === 0 ? markup`<p>${whenEmpty}</p>` : table(content);
}

function overviewSection(evaluation: DrillEvaluation, language: Language): SafeHtml {
  const l = (key: Parameters<typeof label>[1]) => label(language, key);
  const facts = overviewFacts(evaluation, language).map(([term, value]) => markup`<dt>${term}</dt><dd>${value}</dd>`);
  return markup`<section><h2>${l('overview')}</h2>
<dl class="facts">${facts}</dl>
<h3>${l('participants')}</h3>${table(participantsTable(evaluation, language))}
<h3>${l('compression')}</h3>${table(ratesTable(evaluation, language))}
<h3>${l('pauses')}</h3>${tableOrNone(pausesTable(evaluation, language), l('noPauses'))}
<h3>${l('halts')}</h3>${tableOrNone(haltsTable(evaluation, language), l('noHalts'))}
</section>`;
}

function observationsSection(evaluation: DrillEvaluation, language: Language): SafeHtml {
  const sections = observationSections(evaluation, language);
  const body =
    sections.length === 0
      ? markup`<p>${label(language, 'noObservations')}</p>`
      : sections.map((section) => markup`<h3>${section.heading}</h3>${list(section.items, '')}`);
  return markup`<section><h2>${label(language, 'observations')}</h2>
${body}</section>`;
}

/**
 * The after-action report as one standalone, printable HTML document in one language: every label from the labels
 * table, every text escaped, the timeline as inline SVG.
 */
export function renderAarHtml(evaluation: DrillEvaluation, language: Language): string {
  const l = (key: Parameters<typeof label>[1], values?: Record<string, string>) => label(language, key, values);
  const { title, timeZone } = evaluation.overview;
  const statusClasses = evaluation.objectives.map((objective) => `status-${objective.status}`);
  const document = markup`<!DOCTYPE html>
<html lang="${LOCALES[language]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${l('reportTitle')} — ${title[language]}</title>
<style>${STYLE}</style>
</head>
<body>
<p class="banner">${l('exerciseBanner')}</p>
<header><h1>${l('reportTitle')}</h1><p>${title[language]}</p>
<p class="note">${l('timesShownIn', { zone: timeZone })} ${l('generatedNote')}</p></header>
${overviewSection(evaluation, language)}
<section><h2>${l('objectives')}</h2>${table(objectivesTable(evaluation, language), statusClasses)}</section>
<section><h2>${l('timeline')}</h2>
${timelineSvg(evaluation, language)}
</section>
<section><h2>${l('injects')}</h2>${table(injectsTable(evaluation, language))}</section>
${observationsSection(evaluation, language)}
<section><h2>${l('strengths')}</h2>${list(strengthLines(evaluation, language), l('noStrengths'))}</section>
<section><h2>${l('areasForImprovement')}</h2>${list(areaLines(evaluation, language), l('noAreas'))}</section>
<section><h2>${l('improvementPlan')}</h2>${tableOrNone(improvementTable(evaluation, language), l('noItems'))}</section>
<p class="banner">${l('exerciseBanner')}</p>
</body>
</html>
`;
  return document.markup;
}
