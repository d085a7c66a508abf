import { readFileSync } from 'node:fs';
import { lintSpec, SPEC_FILE, TYPES_FILE, typesText } from './index.js';
import { writeReportSection } from './testing/index.js';

/** The committed document and its generated types (the test of the served document is in apps/api's contract test). */
const spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as object;

describe('the committed API contract', () => {
  it("passes Redocly's recommended lint with no error (warnings are counted and listed)", async () => {
    const findings = await lintSpec(spec);
    const errors = findings.filter((finding) => finding.severity === 'error');
    const warnings = findings.filter((finding) => finding.severity === 'warn');
    const lines = findings.map(
      (finding) => `  ${finding.severity} ${finding.rule} at ${finding.pointer}: ${finding.message}`,
    );
    const summary = `lint of ${SPEC_FILE}: ${errors.length} errors, ${warnings.length} warnings`;
    writeReportSection('lint', [summary, ...lines].join('\n'));
    process.stdout.write(`${summary}\n`);
    expect(lines.filter((line) => line.startsWith('  error'))).toEqual([]);
  }, 60_000);

  it(`has its TypeScript types (${TYPES_FILE}) generated from the committed document`, async () => {
    const generated = await typesText(spec);
    const committed = readFileSync(TYPES_FILE, 'utf8');
    if (committed !== generated) {
      throw new Error(
        `${TYPES_FILE} differs from what ${SPEC_FILE} generates: run \`npm run openapi\` and commit both`,
      );
    }
  }, 60_000);
});
