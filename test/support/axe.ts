import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser build, read once and injected into each page that is checked (no network, no CDN). */
let axeSource: string | undefined;
function axeScript(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** WCAG 2.0–2.2 A and AA, and axe's best practices (landmarks, headings, region names). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA, and axe's best practices) on the page, or on `context` (a CSS selector) within
 * it, and fails listing every serious or critical violation: its rule id, what it asks, and the elements (targets).
 * `label` names the page in the failure message.
 */
export async function expectNoSeriousAxeViolations(page: Page, context?: string, label = page.url()): Promise<void> {
  if (!(await page.evaluate<boolean>('typeof window.axe === "object"'))) {
    // The console's Content-Security-Policy (script-src 'self') refuses inline scripts unless the context bypasses
    // it; then axe is evaluated instead, which the policy does not govern.
    await page.addScriptTag({ content: axeScript() }).catch(() => page.evaluate(axeScript()));
  }
  // Written as source text: this tier compiles without the DOM's types, and the function runs in the page anyway.
  const violations = await page.evaluate<AxeViolation[]>(`(async (selector) => {
    const result = await window.axe.run(selector ?? document, {
      runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} },
      resultTypes: ['violations'],
    });
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  })(${JSON.stringify(context ?? null)})`);
  const serious = violations.filter(({ impact }) => impact === 'serious' || impact === 'critical');
  if (serious.length === 0) return;
  const report = serious
    .map(
      ({ id, impact, help, nodes }) =>
        `- ${id} (${impact}): ${help}\n` +
        nodes.map(({ target, failureSummary }) => `    ${JSON.stringify(target)} ${failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');
  throw new Error(`axe-core: ${serious.length} serious or critical violation(s) on ${label}:\n${report}`);
}
