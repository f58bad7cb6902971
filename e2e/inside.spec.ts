/** Inside the LSTM: the gate heatmaps draw, update while training, and a hovered unit shows its series. */
import { expect, test } from './fixtures';

/** How many distinct colours a canvas holds (a blank or single-colour canvas has 1). */
async function colours(canvas: import('@playwright/test').Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    return seen.size;
  });
}

test('echo: the heatmaps draw and update during training; hovering a unit shows its gates over time', async ({ playground, page }) => {
  await playground.open('?exp=echo&samples=20000');
  const panel = page.getByRole('region', { name: 'Inside the LSTM' });
  await panel.getByRole('button', { name: 'Look inside' }).click();
  await expect(panel).toContainText('Press Train');
  const recording = await playground.record({ caption: { selector: '[data-testid=inside-caption]' } });
  await playground.transport.train();
  await playground.waitForStatus('done');
  // The panel redraws at most twice a second: the run's last look arrives after the run.
  await expect(panel.getByTestId('inside-caption')).toContainText('after 20,000 samples');
  await recording.stop();
  const captions = [...new Set((await recording.values('caption')).filter((c) => c.includes('samples')))];
  expect(captions.length, captions.join('\n')).toBeGreaterThanOrEqual(2);

  const forget = panel.getByTestId('heatmap-forgetGate').locator('canvas');
  await expect(forget).toHaveAttribute('data-columns', '5');
  await expect(forget).toHaveAttribute('data-rows', '25');
  expect(await colours(forget)).toBeGreaterThan(10);
  await expect(forget).toHaveAccessibleName(/^Forget gate f, 5 timesteps by 25 units: mean \d\.\d\d/);
  await expect(panel.getByTestId('heatmap-cell').locator('canvas')).toHaveAccessibleName(/Largest at the last step: unit \d+/);

  // Hover a row: that unit's six series over time.
  await forget.scrollIntoViewIfNeeded();
  const box = await forget.boundingBox();
  if (!box) throw new Error('no heatmap');
  await forget.hover({ position: { x: box.width / 2, y: box.height * (2.5 / 25) } });
  await expect(panel.getByTestId('unit-chart')).toContainText('Unit 3 over the 5 timesteps');
  await expect(panel.getByTestId('unit-chart').getByRole('img')).toHaveAccessibleName(/^Unit 3: Input gate i from /);

  // What it remembers: another value at the echoed position, and the units that carry it.
  await expect(panel.getByTestId('contrast')).toContainText(/position 2 holds \d instead of \d/);
  await expect(panel.getByTestId('contrast')).toContainText(/differ most in unit \d+ \([+-]?\d/);

  // Weights and gradients: every array, with the fused engine's gradient norms.
  await expect(panel.getByTestId('weight-table').getByRole('row')).toHaveCount(6);
  await expect(panel.getByTestId('weight-table').getByRole('row', { name: /1 lstm kernel/ })).toContainText(/\d\.\d+e?-?\d*\s*$|\d/);

  // Another example after the run: answered from the kept model.
  const before = await panel.getByTestId('inside-caption').textContent();
  await panel.getByLabel('Example').fill('4');
  await expect(panel.getByTestId('inside-caption')).toContainText('example 4');
  expect(before).toContain('example 0');
});

test('memory demo: the state is carried across batches and the resets are marked', async ({ playground, page }) => {
  await playground.open('?exp=memory&epochs=50');
  const panel = page.getByRole('region', { name: 'Inside the LSTM' });
  await panel.getByRole('button', { name: 'Look inside' }).click();
  await playground.trainToEnd();
  await expect(panel.getByTestId('inside-caption')).toContainText('8 timesteps of 5 inputs');
  await expect(panel.getByTestId('inside-caption')).toContainText('reset (after step 4, 8)');
  await expect(panel.getByTestId('contrast')).toContainText('sequence 2 against sequence 1, step by step');
});
