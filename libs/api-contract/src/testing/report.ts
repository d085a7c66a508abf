import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * With CONTRACT_REPORT set (a file path), writes the findings of one check (`section`: the lint, the responses…) into
 * that file, replacing that section's earlier findings and keeping the others': the list of what to fix, for whoever
 * is fixing the document or the server.
 */
export function writeReportSection(section: string, text: string): void {
  const file = process.env.CONTRACT_REPORT;
  if (!file) return;
  const sections = new Map<string, string>();
  if (existsSync(file)) {
    for (const block of readFileSync(file, 'utf8').split(/^(?==== )/m)) {
      const title = /^=== (.+) ===$/m.exec(block)?.[1];
      if (title) sections.set(title, block.trimEnd());
    }
  }
  sections.set(section, `=== ${section} ===\n${text.trimEnd()}`);
  writeFileSync(file, `${[...sections.values()].join('\n\n')}\n`);
}
