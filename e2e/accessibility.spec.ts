/** Every experiment page, before and after a short run, has no serious or critical axe violations. */
import AxeBuilder from '@axe-core/playwright';
import { EXPERIMENTS } from '../src/experiments/registry';
import { expect, test } from './fixtures';

async function seriousViolations(page: import('@playwright/test').Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const experiment of EXPERIMENTS) {
  test(`${experiment.title}: no serious or critical accessibility violations, before and after training`, async ({ playground, page }) => {
    await playground.open(`?exp=${experiment.id}&samples=64`);
    expect(await seriousViolations(page)).toEqual([]);
    await playground.trainToEnd();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
