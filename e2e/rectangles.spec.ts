/** Rectangle generation: progress in rectangles, the generated shape on a canvas (crisp, themed), snapshots, evaluation. */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ deviceScaleFactor: 2 });

interface Ink {
  /** Canvas size in device pixels and CSS pixels. */
  width: number;
  cssWidth: number;
  /** Pixels with any paint, and pixels in the theme's accent colour (the shape's outline). */
  inked: number;
  accent: number;
}

/** Reads the canvas' pixels: how many are painted at all and how many in the current accent colour. */
function ink(canvas: Locator): Promise<Ink> {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const { data } = c.getContext('2d')?.getImageData(0, 0, c.width, c.height) ?? { data: new Uint8ClampedArray() };
    const probe = document.createElement('canvas').getContext('2d');
    if (!probe) throw new Error('no 2d context');
    probe.fillStyle = getComputedStyle(c).getPropertyValue('--accent').trim();
    probe.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = probe.getImageData(0, 0, 1, 1).data;
    let inked = 0;
    let accent = 0;
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] ?? 0) === 0) continue;
      inked++;
      const near = Math.abs((data[i] ?? 0) - r) + Math.abs((data[i + 1] ?? 0) - g) + Math.abs((data[i + 2] ?? 0) - b) < 12;
      if (near && (data[i + 3] ?? 0) === 255) accent++;
    }
    return { width: c.width, cssWidth: c.getBoundingClientRect().width, inked, accent };
  });
}

test('progress counts rectangles; the data preview shows 3 corner pairs per rectangle', async ({ playground, page }) => {
  await playground.open('?exp=rectangles');
  await expect(playground.totalParams).toHaveText('542');
  await expect(page.getByTestId('x-shape')).toHaveText('(75000, 1, 2)');
  await expect(page.getByTestId('y-shape')).toHaveText('(75000, 2)');
  await expect(playground.form.field('Training rectangles')).toHaveValue('25000');
  await expect(playground.form.field('Rectangles per update')).toHaveValue('1');
});

test('training draws the generated shape live on a canvas, keeps snapshots, and evaluates rectangularity', async ({ playground, page }) => {
  const { transport, charts } = playground;
  // On TF.js (WebAssembly), slow enough to watch the curve grow (the fused CPU engine trains thousands of
  // rectangles a second); stopped once past the first three snapshot points.
  await playground.open('?exp=rectangles&samples=20000');
  await page.getByRole('banner').getByLabel('Engine').selectOption({ label: 'WebAssembly' });
  await transport.train();

  // The loss chart gains points (at most 200 are drawn), and its latest point moves on.
  await expect.poll(() => charts.points(), { timeout: 60_000 }).toBeGreaterThan(0);
  const latest = async () => {
    const label = (await charts.chart('loss').getByRole('img').getAttribute('aria-label')) ?? '';
    const [, value = '0', scale = ''] = /after ([\d.]+)(k|M)? samples/.exec(label) ?? [];
    return Number(value) * (scale === 'k' ? 1e3 : scale === 'M' ? 1e6 : 1);
  };
  const first = await latest();
  await expect.poll(latest, { timeout: 60_000 }).toBeGreaterThan(first);

  const live = playground.liveView.getByTestId('rect-canvas-live');
  await expect(live).toBeVisible();
  await expect(live).toHaveAttribute('aria-label', /^Generated shape\. Corners \(0\.00, 0\.00\) → \(.+\) → \(.+\) → \(.+\); nearest rectangle/);
  // Crisp: the backing store has devicePixelRatio × the CSS size; and the shape is drawn, not just the element.
  await expect.poll(async () => (await ink(live)).accent, { timeout: 30_000 }).toBeGreaterThan(50);
  const drawn = await ink(live);
  expect(drawn.width).toBe(2 * drawn.cssWidth);
  expect(drawn.inked).toBeGreaterThan(drawn.accent);

  await expect.poll(() => transport.samplesShown(), { timeout: 90_000 }).toBeGreaterThanOrEqual(1000);
  if ((await playground.status()) === 'running') await transport.button('Stop').click().catch(() => undefined);
  await playground.waitForStatus('done');
  const trained = (await playground.losses()).length;
  expect(trained).toBeGreaterThanOrEqual(1000);
  // One loss per rectangle: samples count rectangles, each one update of its 3 corner pairs. (The
  // progress text is read once the page has drawn the end of the run: it can lag the status by a frame.)
  await expect(transport.progressText).toHaveText(new RegExp(`^${trained.toLocaleString('en')} / `));

  // Snapshots after 100, 500 and 1,000 rectangles, each drawn.
  const snapshots = playground.liveView.getByTestId('rect-snapshots').getByRole('listitem');
  await expect.poll(() => snapshots.count()).toBeGreaterThanOrEqual(3);
  await expect(snapshots.nth(0)).toContainText('after 100');
  await expect(snapshots.nth(1)).toContainText('after 500');
  await expect(snapshots.nth(2)).toContainText('after 1,000');
  for (let i = 0; i < 3; i++) {
    const canvas = snapshots.nth(i).locator('canvas');
    await expect(canvas).toHaveAttribute('aria-label', /^After (100|500|1,000) rectangles\. Corners /);
    expect((await ink(canvas)).accent).toBeGreaterThan(10);
  }

  const evaluation = playground.evaluation;
  await expect(evaluation.getByTestId('evaluation-deviation')).toHaveText(/^\d\.\d+$/);
  await expect(evaluation.getByTestId('evaluation-width')).toHaveText(/^-?\d\.\d+$/);
  await expect(evaluation.getByTestId('evaluation-mae')).toHaveText(/^0\.\d+$/);
  await expect(evaluation).toContainText(new RegExp(`(Trained on|Stopped after) ${trained.toLocaleString('en')} samples`));

  // A dark colour scheme redraws the canvas in the dark theme's accent.
  const lightAccent = await live.evaluate((c) => getComputedStyle(c).getPropertyValue('--accent').trim());
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => live.evaluate((c) => getComputedStyle(c).getPropertyValue('--accent').trim())).not.toBe(lightAccent);
  await expect.poll(async () => (await ink(live)).accent).toBeGreaterThan(50);
});
