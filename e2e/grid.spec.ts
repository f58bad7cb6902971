/** Grid search (§12, issue 6 parts 6–7): a 2 × 2 grid of short runs on the worker pool, its table, box plot and link. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

test('a 2 × 2 grid with 2 repeats: the link carries it, the pool trains it, the table and the box plot summarise it', async ({ playground, page }) => {
  await playground.open('?exp=curves&epochs=5');
  const panel = page.getByRole('region', { name: 'Grid search' });
  const form = panel.getByRole('form', { name: 'Grid definition' });

  await form.getByLabel('First knob').selectOption({ label: 'LSTM units' });
  const values = form.getByLabel('Values of the first knob', { exact: true });
  await values.click();
  await values.pressSequentially('1, 999');
  await expect(values).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('"999" is outside the knob\'s range (0 to 256).');
  await expect(form.getByRole('button', { name: /^Run grid/ })).toBeDisabled();
  await values.press('ControlOrMeta+A');
  await values.pressSequentially('1, 3');
  await expect(values).toHaveAttribute('aria-invalid', 'false');

  await form.getByLabel('Second knob').selectOption({ label: 'Batch size' });
  await form.getByLabel('Values of the second knob').fill('1, 5');
  const repeats = form.getByLabel('Repeats per point');
  await repeats.click();
  await repeats.press('ControlOrMeta+A');
  await repeats.pressSequentially('2');
  await expect(page).toHaveURL(/[?&]grid=units:1,3;bs:1,5&gridreps=2&gridscore=validationMse$/);

  const pool = page.getByRole('region', { name: 'Worker pool' });
  const workers = pool.getByLabel('Workers');
  await workers.click();
  await workers.press('ControlOrMeta+A');
  await workers.pressSequentially('2');
  const recording = await playground.record({ workers: { selector: '[data-testid="pool-workers"]' } });

  await form.getByRole('button', { name: 'Run grid (8 runs)' }).click();
  await expect(panel.getByTestId('grid-progress')).toHaveText('4 of 4 points done · 8 of 8 runs done · finished', { timeout: 90_000 });
  // Both workers were seen training a run, with its progress.
  const seen = (await recording.values('workers')).join('\n');
  await recording.stop();
  expect(seen).toMatch(/Worker 1: LSTM units \d · Batch size \d, seed \d — [\d,]+ \/ 25 samples/);
  expect(seen).toMatch(/Worker 2: /);

  const table = panel.getByTestId('grid-table');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0).getByRole('rowheader')).toHaveText(['1', '1']);
  await expect(rows.nth(3).getByRole('rowheader')).toHaveText(['3', '5']);
  for (let i = 0; i < 4; i++) await expect(rows.nth(i).locator('td').first()).toHaveText('2');
  await expect(table.getByRole('cell', { name: '★ best' })).toHaveCount(1);

  const plot = panel.getByTestId('box-plot');
  await expect(plot).toHaveAttribute('aria-label', /^Box-and-whisker plot of Validation MSE for each LSTM units and Batch size/);
  await expect(plot.getByTestId('box')).toHaveCount(4);
  await expect(plot.getByTestId('box').locator('rect')).toHaveCount(4);
  await expect(plot.getByTestId('box').locator('circle')).toHaveCount(8);
  await expect(panel.getByRole('list', { name: 'Batch size' })).toContainText('1');
  // Every run's training and validation curves, on request.
  await panel.getByText('Every run’s loss curve').click();
  await expect(panel.getByTestId('chart-loss').locator('.live-lines > path')).toHaveCount(16);

  // The link fills the form in again and trains nothing by itself.
  await page.reload();
  const again = page.getByRole('region', { name: 'Grid search' });
  await expect(again.getByLabel('Values of the first knob')).toHaveValue('1, 3');
  await expect(again.getByLabel('Values of the second knob')).toHaveValue('1, 5');
  await expect(again.getByLabel('Repeats per point')).toHaveValue('2');
  await expect(again.getByRole('button', { name: 'Run grid (8 runs)' })).toBeEnabled();
  await expect(again.getByTestId('grid-progress')).toHaveCount(0);
});

test('a grid can be cancelled; the finished runs stay in the summary', async ({ playground, page }) => {
  await playground.open('?exp=curves&epochs=2000&grid=units:1,2&gridreps=20');
  const panel = page.getByRole('region', { name: 'Grid search' });
  await panel.getByRole('button', { name: 'Run grid (40 runs)' }).click();
  const progress = panel.getByTestId('grid-progress');
  await expect(progress).toHaveText(/ · [1-9]\d* of 40 runs done$/, { timeout: 90_000 });
  await panel.getByRole('button', { name: 'Cancel grid' }).click();
  await expect(progress).toHaveText(/^\d of 2 points done · \d+ of 40 runs done · cancelled$/);
  const done = Number(/(\d+) of 40 runs/.exec((await progress.textContent()) ?? '')?.[1]);
  expect(done).toBeLessThan(40);
  const counts = await panel.getByTestId('grid-table').locator('tbody tr').evaluateAll((rows) => rows.map((row) => Number(row.querySelector('td')?.textContent)));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(done);
});

test.describe('on a phone in the dark theme', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 375, height: 800 } });
  test('the grid results fit the screen and pass axe', async ({ playground, page }) => {
    await playground.open('?exp=curves&epochs=5&grid=units:1,2;opt:adam,sgd&gridreps=1');
    const panel = page.getByRole('region', { name: 'Grid search' });
    await panel.getByRole('button', { name: 'Run grid (4 runs)' }).click();
    await expect(panel.getByTestId('grid-progress')).toHaveText('4 of 4 points done · 4 of 4 runs done · finished', { timeout: 90_000 });
    await expect(panel.getByTestId('box-plot').getByTestId('box')).toHaveCount(4);
    await page.screenshot({ path: test.info().outputPath('grid-phone-dark.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const results = await new AxeBuilder({ page }).include('.grid-panel').include('.pool-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
