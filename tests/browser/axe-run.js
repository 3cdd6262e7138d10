// axe-core (the engine behind the browsers' accessibility audits) run over a page, shadow roots
// included: the serious and critical violations as readable lines. Shared by axe.test.js and the
// tests of single widgets (combobox.test.js).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { REPO_ROOT } from './helpers.js';

const AXE_PATH = join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe over the page (WCAG 2.x A/AA rules and best practices; open shadow roots are
 * walked by axe itself) and returns the serious and critical violations as readable lines.
 */
export async function seriousViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ impact: n.impact, target: n.target, summary: n.failureSummary })),
    }));
  });
  const lines = [];
  for (const violation of violations) {
    for (const node of violation.nodes) {
      if (node.impact !== 'serious' && node.impact !== 'critical') continue;
      lines.push(`${node.impact} ${violation.id} (${violation.help}) at ${JSON.stringify(node.target)}: ${node.summary?.replace(/\s+/g, ' ')}`);
    }
  }
  return lines;
}

export async function assertNoSerious(page, state) {
  const lines = await seriousViolations(page);
  assert.deepEqual(lines, [], `${state}: ${lines.length} serious or critical violation(s)\n${lines.join('\n')}`);
}
