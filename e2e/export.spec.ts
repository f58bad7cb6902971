/** Exporting a run (CSV, JSON, SVG, PNG) and the code of the current settings (Keras, TF.js). */
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { expect, test } from './fixtures';

/** Clicks a button and reads the file it downloads. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
  return { name: (file as Download).suggestedFilename(), bytes: await readFile(await (file as Download).path()) };
}

test('a small echo run exports its curves, results and charts, parsed back', async ({ playground, page }) => {
  // 300 samples at batch size 10: 30 steps.
  await playground.open('?exp=echo&samples=300&bs=10&seed=3');
  const panel = page.getByRole('region', { name: 'Export results' });
  await expect(panel.getByRole('button', { name: 'Metrics as CSV' })).toBeDisabled();
  await playground.trainToEnd();

  const csv = await download(page, () => panel.getByRole('button', { name: 'Metrics as CSV' }).click());
  expect(csv.name).toBe('lstm-echo-seed3-run1-metrics.csv');
  const table = Papa.parse<Record<string, string>>(csv.bytes.toString('utf8'), { header: true, skipEmptyLines: true });
  expect(table.errors).toEqual([]);
  // Training metrics first, then validation ones (scored at some steps only: empty cells elsewhere) when the run has them.
  const fields = table.meta.fields ?? [];
  expect(fields.slice(0, 4)).toEqual(['step', 'samples_seen', 'loss', 'acc']);
  for (const field of fields.slice(4)) expect(field).toMatch(/^val_(loss|acc)$/);
  expect(table.data).toHaveLength(30);
  expect(table.data.map((row) => Number(row.step))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  expect(Number(table.data.at(-1)?.samples_seen)).toBe(300);
  for (const row of table.data) {
    expect(Number(row.loss)).toBeGreaterThan(0);
    expect(Number(row.acc)).toBeGreaterThanOrEqual(0);
  }

  const json = await download(page, () => panel.getByRole('button', { name: 'Results as JSON' }).click());
  expect(json.name).toBe('lstm-echo-seed3-run1-results.json');
  const results = JSON.parse(json.bytes.toString('utf8')) as {
    experiment: { id: string };
    seed: number;
    params: Record<string, unknown>;
    engine: string;
    paramCount: number;
    status: string;
    steps: number;
    evaluation: { key: string; label: string; value: number }[];
    curves: { samplesSeen: number[]; metrics: Record<string, number[]> };
  };
  expect(results.experiment.id).toBe('echo');
  expect(results.seed).toBe(3);
  expect(results.params).toMatchObject({ samples: 300, bs: 10, units: 25 });
  expect(results.engine).toBeTruthy();
  expect(results.paramCount).toBe(3860);
  expect(results.status).toBe('completed');
  expect(results.steps).toBe(30);
  expect(results.curves.samplesSeen).toHaveLength(30);
  expect(results.curves.metrics.loss).toHaveLength(30);
  const accuracy = results.evaluation.find((m) => m.key === 'accuracy');
  expect(accuracy?.label).toBe('Accuracy');
  // The same accuracy the Evaluation panel shows.
  const shown = Number((await playground.accuracy.textContent())?.replace('%', ''));
  expect((accuracy?.value ?? Number.NaN) * 100).toBeCloseTo(shown, 0);

  const svg = await download(page, () => panel.getByRole('button', { name: 'Loss chart as SVG' }).click());
  expect(svg.name).toBe('lstm-echo-seed3-run1-loss.svg');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const paths = [...doc.querySelectorAll('path')].filter((p) => (p.getAttribute('d') ?? '').length > 20);
    return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.nodeName, paths: paths.length, styled: paths.every((p) => /^rgb/.test(p.getAttribute('stroke') ?? '')) };
  }, svg.bytes.toString('utf8'));
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.paths).toBeGreaterThanOrEqual(1);
  expect(parsed.styled).toBe(true);

  const png = await download(page, () => panel.getByRole('button', { name: 'Accuracy chart as PNG' }).click());
  expect(png.name).toBe('lstm-echo-seed3-run1-acc.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.length).toBeGreaterThan(2000);
});

test('the code panel shows the Keras script and TF.js snippet of the current settings', async ({ playground, page }) => {
  await playground.open('?exp=echo');
  const panel = page.getByRole('region', { name: 'Code' });
  await panel.getByText('Code', { exact: true }).click();
  const python = panel.getByTestId('code-keras');
  await expect(python).toContainText('layers.LSTM(25, activation="tanh", recurrent_activation="sigmoid")');
  await expect(python).toContainText('layers.Dense(10, activation="softmax")');
  await expect(python).toContainText('learning_rate=0.001');

  await playground.form.enter('Learning rate', '0.02');
  await playground.form.enter('LSTM units', '12');
  await expect(python).toContainText('learning_rate=0.02)');
  await expect(python).toContainText('layers.LSTM(12, ');

  const script = await download(page, () => panel.getByRole('button', { name: 'Download echo.py' }).click());
  expect(script.bytes.toString('utf8')).toContain('keras.optimizers.Adam(learning_rate=0.02)');

  // The TF.js tab, by keyboard from the selected tab.
  await panel.getByRole('tab', { name: 'Python (Keras)' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(panel.getByRole('tab', { name: 'TF.js' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByTestId('code-tfjs')).toContainText('tf.layers.lstm({ units: 12');
  await expect(panel.getByTestId('code-tfjs')).toContainText('tf.train.adam(0.02, 0.9, 0.999, 1e-7)');
});

test.describe('open export panels in the dark theme on a phone', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 375, height: 812 } });

  test('no serious accessibility violation and nothing wider than the screen', async ({ playground, page }) => {
    await playground.open('?exp=echo&samples=100&bs=10');
    await playground.trainToEnd();
    const code = page.getByRole('region', { name: 'Code' });
    await code.getByText('Code', { exact: true }).click();
    await expect(code.getByTestId('code-keras')).toContainText('model.fit(');
    const results = await new AxeBuilder({ page }).include('.code-panel').include('.results-export').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
    expect(serious).toEqual([]);
    // The code scrolls inside its box; the page does not widen past the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
