/** Moving line video (CNN LSTM): the model summary, the data preview as images, live training with frames on canvases, playback. */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ deviceScaleFactor: 2 });

interface Pixels {
  /** Canvas size in device pixels and CSS pixels. */
  width: number;
  cssWidth: number;
  /** Device pixels in the colour of a CSS custom property (e.g. --text for lit pixels). */
  matching: number;
}

/** Reads the canvas' pixels and counts those in the colour of a theme variable. */
function pixels(canvas: Locator, variable: string): Promise<Pixels> {
  return canvas.evaluate((element, name) => {
    const c = element as HTMLCanvasElement;
    const { data } = c.getContext('2d')?.getImageData(0, 0, c.width, c.height) ?? { data: new Uint8ClampedArray() };
    const probe = document.createElement('canvas').getContext('2d');
    if (!probe) throw new Error('no 2d context');
    probe.fillStyle = getComputedStyle(c).getPropertyValue(name).trim();
    probe.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = probe.getImageData(0, 0, 1, 1).data;
    let matching = 0;
    for (let i = 0; i < data.length; i += 4) {
      const near = Math.abs((data[i] ?? 0) - r) + Math.abs((data[i + 1] ?? 0) - g) + Math.abs((data[i + 2] ?? 0) - b) < 12;
      if (near && (data[i + 3] ?? 0) === 255) matching++;
    }
    return { width: c.width, cssWidth: c.getBoundingClientRect().width, matching };
  }, variable);
}

test('the CNN-LSTM: 240,661 parameters at 50 px, 16,661 at 10 px; the data preview draws frames', async ({ playground, page }) => {
  await playground.open('?exp=movingline');
  await expect(playground.totalParams).toHaveText('240,661');
  const rows = playground.modelSummary.getByRole('row');
  await expect(rows.filter({ hasText: 'TimeDistributed(Conv2D)' })).toContainText('10');
  await expect(rows.filter({ hasText: 'TimeDistributed(Flatten)' })).toContainText('1152');
  await expect(rows.filter({ hasText: /^lstm/ })).toContainText('240,600');
  await expect(page.getByTestId('x-shape')).toHaveText('(5000, 50, 50, 50, 1)');
  await expect(page.getByTestId('y-shape')).toHaveText('(5000, 1)');

  await playground.form.enter('Frame size', '10');
  await expect(playground.totalParams).toHaveText('16,661');
  await expect(page).toHaveURL(/[?&]size=10(&|$)/);
  // Each example's first and last frame, as images with a text alternative.
  const frames = page.getByRole('img', { name: /^Timestep (1|10) of 10, a 10 × 10 image$/ });
  await expect(frames).toHaveCount(4);
  expect((await pixels(frames.first(), '--text')).matching).toBeGreaterThan(0);
});

test('training draws the loss and the video on canvases, expected vs predicted, and the evaluation', async ({ playground, page }) => {
  const { transport, charts } = playground;
  await playground.open('?exp=movingline&size=10&samples=1600');
  // The curve grows while it trains: the chart is seen with more than one number of points.
  const recording = await playground.record({ points: { selector: '[data-testid=chart-loss]', attribute: 'data-points' } });
  await transport.train();
  await playground.waitForStatus('done');
  await recording.stop();
  const seen = [...new Set((await recording.values('points')).map(Number).filter((n) => n > 0))];
  expect(seen.length, `points on the loss chart during the run: ${seen.join(', ')}`).toBeGreaterThanOrEqual(2);
  expect(await charts.points()).toBe(Math.max(...seen));
  await expect(transport.engine).toHaveText('Engine: TF.js on WebAssembly');

  const view = playground.liveView;
  await expect(view.getByTestId('movingline-verdict')).toHaveText(
    /^Expected (right →|← left), predicted (right →|← left) \(P\(right\) = \d+\.\d%\) [✓✗]$/,
  );
  const strip = view.getByTestId('movingline-strip');
  await expect(strip).toHaveAttribute('aria-label', /^Film strip: A line drawn one column per frame from the (left|right) edge/);
  // Crisp (backing store = devicePixelRatio × CSS size) and drawn: lit pixels in the text colour, each frame's newest in orange.
  await expect.poll(async () => (await pixels(strip, '--text')).matching, { timeout: 30_000 }).toBeGreaterThan(0);
  const lit = await pixels(strip, '--text');
  expect(lit.width).toBe(2 * lit.cssWidth);
  expect((await pixels(strip, '--series-2')).matching).toBeGreaterThan(0);
  expect((await pixels(view.getByTestId('movingline-player'), '--series-2')).matching).toBeGreaterThan(0);

  await playground.waitForStatus('done');
  await expect(transport.progressText).toHaveText('1,600 / 1,600 samples');
  await expect(playground.accuracy).toHaveText(/^\d+(\.\d)?%$/);
  await expect(playground.evaluation).toContainText('on 100 fresh videos');
  expect(await playground.losses()).toHaveLength(50);

  // Dark colour scheme: the frames are redrawn in the dark theme's colours.
  const lightText = await strip.evaluate((c) => getComputedStyle(c).getPropertyValue('--text').trim());
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => strip.evaluate((c) => getComputedStyle(c).getPropertyValue('--text').trim())).not.toBe(lightText);
  await expect.poll(async () => (await pixels(strip, '--text')).matching).toBeGreaterThan(0);
  expect((await pixels(strip, '--bg')).matching).toBeGreaterThan(0);
});

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the player waits for Play; the keyboard plays, pauses and steps through the frames', async ({ playground }) => {
    const { transport } = playground;
    await playground.open('?exp=movingline&size=8&samples=96');
    await playground.trainToEnd();
    const view = playground.liveView;
    const play = view.getByTestId('movingline-play');
    const frameNumber = view.locator('.ml-frame-number');
    await expect(play).toHaveText('Play');
    await expect(frameNumber).toHaveText('1 / 8');
    await playground.page.waitForTimeout(600);
    await expect(frameNumber).toHaveText('1 / 8');

    // Space on the focused button starts playback; the frame advances.
    await play.focus();
    await play.press('Space');
    await expect(play).toHaveText('Pause');
    await expect(frameNumber).not.toHaveText('1 / 8');
    await play.press('Enter');
    await expect(play).toHaveText('Play');

    // The slider: arrow keys step frame by frame.
    const slider = view.getByRole('slider', { name: 'Frame' });
    await slider.focus();
    await slider.press('Home');
    await expect(frameNumber).toHaveText('1 / 8');
    await slider.press('ArrowRight');
    await slider.press('ArrowRight');
    await expect(frameNumber).toHaveText('3 / 8');
    await expect(view.getByTestId('movingline-player')).toHaveAttribute('aria-label', /^Frame 3 of 8\. A line drawn/);
    await expect(transport.primary).toHaveText('Train again');
  });
});
