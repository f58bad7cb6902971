import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

test('finished runs are kept across reloads: listed, picked to overlay their curves and compare settings, restored, deleted', async ({ playground, page }) => {
  const { form, charts } = playground;
  const history = page.getByRole('region', { name: 'Run history' });
  const runs = history.getByRole('list', { name: 'Kept runs, newest first' }).getByRole('listitem');

  await playground.open('?exp=echo&samples=256&bs=8');
  await playground.trainToEnd();
  await form.enter('LSTM units', '10');
  await playground.trainToEnd();
  await expect(runs).toHaveCount(2);

  await page.reload();
  await expect(form.root).toBeVisible();
  await expect(runs).toHaveCount(2);
  // Newest first, each with its seed, engine and final accuracy.
  await expect(runs.first()).toContainText(/Run 2.*seed 1 · .*Accuracy \d+(\.\d)?%/);
  await expect(runs.nth(1)).toContainText(/Run 1.*seed 1 · /);
  // Nothing is drawn before a run is picked.
  await expect(charts.placeholder).toBeVisible();

  await history.getByRole('checkbox', { name: /^Run 1 / }).check();
  await history.getByRole('checkbox', { name: /^Run 2 / }).check();
  // Each run's loss curve (and its validation curve, where the experiment scores one), named in the legend.
  await expect(charts.legend().filter({ hasNotText: 'validation' })).toHaveText(['run 1 (seed 1)', 'run 2 (seed 1)']);
  await expect(charts.curves()).toHaveCount(await charts.legend().count());
  for (const d of await charts.curves().evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''))) {
    expect(d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){5,}$/);
  }
  // The comparison names the one setting that differs, with each run's value.
  const differs = history.getByTestId('history-differs').getByRole('row');
  await expect(differs).toHaveText(['Settings that differ', /^LSTM units\s*25\s*10$/]);

  // The first run's settings come back into the form and the link.
  await history.getByRole('button', { name: 'Use these settings (run 1)' }).click();
  await expect(form.field('LSTM units')).toHaveValue('25');
  await expect.poll(() => page.url()).not.toContain('units=');

  await history.getByRole('button', { name: 'Delete run 1' }).click();
  await expect(runs).toHaveCount(1);
  await expect(charts.legend().filter({ hasText: 'run 1 ' })).toHaveCount(0);
  await expect(charts.chart('loss')).not.toHaveAttribute('data-points', '0');
  await page.reload();
  await expect(form.root).toBeVisible();
  await expect(runs).toHaveCount(1);
  await expect(runs.first()).toContainText('Run 2');
});

test.describe('on a 375 px phone in the dark theme', () => {
  test.use({ viewport: { width: 375, height: 812 }, colorScheme: 'dark' });

  test('the history and its comparison fit the screen, pass axe, and clear with the keyboard after a confirmation', async ({ playground, page }) => {
    const history = page.getByRole('region', { name: 'Run history' });
    await playground.open('?exp=echo&samples=64&bs=8');
    await playground.trainToEnd();
    await playground.transport.setSeed('2');
    await playground.trainToEnd();
    // The runs of this visit are picked as they end: compared at once.
    await expect(history.getByTestId('history-differs').getByRole('row')).toHaveText(['Settings that differ', /^Seed\s*1\s*2$/]);

    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page }).include('.history-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // Clear history asks first; Cancel keeps everything.
    await history.getByRole('button', { name: 'Clear history…' }).focus();
    await page.keyboard.press('Enter');
    await expect(history.getByRole('button', { name: 'Delete all runs' })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(history.getByRole('button', { name: 'Clear history…' })).toBeFocused();
    await expect(history.getByRole('listitem')).toHaveCount(2);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(history.getByText('No runs of this experiment kept yet.')).toBeVisible();
    await page.reload();
    await expect(history.getByText('No runs of this experiment kept yet.')).toBeVisible();
  });
});

test('where the browser refuses storage, the panel says so and the runs of the visit are still listed', async ({ playground, page }) => {
  // As in some private modes: touching IndexedDB throws.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const history = page.getByRole('region', { name: 'Run history' });
  await playground.open('?exp=echo&samples=64&bs=8');
  await expect(history.getByRole('status')).toContainText('This browser does not let the page keep runs (The operation is insecure.');
  await playground.trainToEnd();
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('listitem')).toContainText(/Run 1.*seed 1/);
});
