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

/** A short run of any experiment: few samples, or few epochs for those that train on a fixed data set. */
function shortRun(experiment: (typeof EXPERIMENTS)[number]): string {
  return `?exp=${experiment.id}&${'samples' in experiment.params ? 'samples=64' : 'epochs=2'}`;
}

for (const experiment of EXPERIMENTS) {
  test(`${experiment.title}: no serious or critical accessibility violations, before and after training`, async ({ playground, page }) => {
    await playground.open(shortRun(experiment));
    expect(await seriousViolations(page)).toEqual([]);
    await playground.trainToEnd();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' });
  // The pages with the most colour: charts and tables, canvases, the gate heatmaps.
  for (const id of ['echo', 'regression', 'movingline', 'memory']) {
    test(`${id}: colours readable (no serious contrast or other violations) after a run`, async ({ playground, page }) => {
      const experiment = EXPERIMENTS.find((e) => e.id === id);
      if (!experiment) throw new Error(`no experiment ${id}`);
      await playground.open(shortRun(experiment));
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      await page.getByRole('region', { name: 'Inside the LSTM' }).getByRole('button', { name: /Look inside|no LSTM/ }).click({ trial: id === 'movingline' });
      await playground.trainToEnd();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

test.describe('on a 375 px wide phone screen', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  for (const experiment of EXPERIMENTS) {
    test(`${experiment.title}: nothing overflows sideways, before and after training`, async ({ playground, page }, testInfo) => {
      await playground.open(shortRun(experiment));
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await playground.trainToEnd();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await expect(playground.transport.button('Train again')).toBeInViewport();
      await testInfo.attach(`${experiment.id} at 375 px`, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    });
  }
});
