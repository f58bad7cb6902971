/** Signals and closed-loop forecasting: the waveform and noise in the form and the link, open- and closed-loop continuations with their error by horizon. */
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The `d` of every line a chart draws, once it draws `count` of them: a chart mounts in stages
 * (its lines a task or two after its frame and label), so the count is awaited, not read once.
 */
async function expectLines(chart: Locator, count: number): Promise<string[]> {
  const lines = chart.locator('path.live-line');
  await expect(lines).toHaveCount(count);
  return lines.evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''));
}

/** The error table: its three rows each with a number per step shown. */
async function expectErrorTable(figure: Locator, steps: number[]): Promise<void> {
  const table = figure.getByRole('table');
  await expect(table.getByRole('row').first()).toHaveText(`steps ahead${steps.join('')}`);
  for (const name of ['open loop', 'closed loop', 'repeat last value']) {
    const cells = table.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell');
    await expect(cells).toHaveCount(steps.length);
    for (const text of await cells.allTextContents()) expect(text).toMatch(/^\d+\.\d+$/);
  }
}

test('a square wave: the waveform in the link, both continuations beside the truth, the error by horizon, the closed-loop evaluation', async ({ playground, page }) => {
  const { form } = playground;
  await playground.open('?exp=signals&shape=square&samples=300&horizon=20');
  await expect(playground.experimentPicker).toHaveValue('signals');
  await expect(form.field('Waveform')).toHaveValue('square');
  await expect(form.field('Closed-loop horizon')).toHaveValue('20');
  await expect(playground.totalParams).toHaveText('5,145');
  await expect(page.getByTestId('x-shape')).toHaveText('(300, 50, 1)');
  await expect(page.getByTestId('y-shape')).toHaveText('(300, 5)');

  await playground.trainToEnd();
  const view = playground.liveView;
  const chart = view.getByTestId('signals-chart');
  // Input, truth, open loop, closed loop: four lines, each drawn.
  const drawn = await expectLines(chart, 4);
  for (const d of drawn) expect(d).toMatch(/^M[\d.,\s-]+L/);
  await expect(chart).toHaveAttribute('role', 'img');
  await expect(chart).toHaveAttribute(
    'aria-label',
    /^Square: Continuation after the input, 50 to 69\. True: [-\d., ]+… \(20 in all\)\. Open loop \(reading the true past\): [-\d., ]+… \(20 in all\)\. Closed loop \(reading its own forecasts\): [-\d., ]+… \(20 in all\)\.$/,
  );
  await expect(view.getByRole('list', { name: 'Continuation chart lines' }).getByRole('listitem')).toHaveText(['input', 'true continuation', 'open loop (reads the true past)', 'closed loop (reads its own forecasts)']);
  // Pointing into the forecast reads the step and the three lines there, not the input.
  const box = await chart.locator('svg').first().boundingBox();
  if (!box) throw new Error('the continuation chart has no box');
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
  const readout = chart.locator('.chart-readout-text');
  await expect(readout.locator('tspan').first()).toHaveText(/^step 6\d$/);
  await expect(readout.locator('tspan')).toHaveCount(4);
  await expect(readout).toContainText(/true continuation: -?[\d.]+.*open loop \(reads the true past\): -?[\d.]+.*closed loop \(reads its own forecasts\): -?[\d.]+/);
  await page.mouse.move(0, 0);
  await expect(readout).toHaveCount(0);
  await expect(view.getByTestId('signals-caption')).toContainText(/^A fresh square \(amplitude \d\.\d\d, period \d+ steps\): the last 50 input values, then 20 steps forecast two ways\./);

  const horizon = view.getByTestId('signals-horizon');
  await expect(horizon).toContainText('Mean absolute error by steps after the input, over 2 fresh signals, the first the one shown.');
  await expect(horizon.getByRole('img')).toHaveAttribute('aria-label', /^Mean absolute error by steps after the input, over 2 series\. Open loop: \d\.\d{3} at step 1, /);
  await expectLines(horizon, 3);
  await expectErrorTable(horizon, [1, 5, 10, 15, 20]);

  for (const key of ['mae', 'baseline', 'openMae', 'closedMae', 'naiveMae']) {
    await expect(playground.evaluation.getByTestId(`evaluation-${key}`)).toHaveText(/^\d\.\d+$/);
  }
});

test('noise and another waveform in the link; the noiseless signal drawn beside the noisy truth', async ({ playground, page }) => {
  const { form } = playground;
  await playground.open('?exp=signals&samples=100&seed=3');
  await playground.trainToEnd();
  const caption = playground.liveView.getByTestId('signals-caption');
  await expect(caption).not.toContainText('noise');
  await expect(playground.liveView.getByRole('list', { name: 'Continuation chart lines' }).getByRole('listitem')).toHaveCount(4);

  await form.field('Waveform').selectOption('sines');
  await form.enter('Noise', '0.3');
  await expect(page).toHaveURL(/[?&]shape=sines(&|$)/);
  await expect(page).toHaveURL(/[?&]noise=0\.3(&|$)/);
  await playground.trainToEnd();
  await expect(caption).toContainText(/^A fresh sum of two sines \(amplitude \d\.\d\d, periods \d+ and \d+ steps, noise 0\.3\)/);
  const chart = playground.liveView.getByTestId('signals-chart');
  await expectLines(chart, 5);
  await expect(playground.liveView.getByRole('list', { name: 'Continuation chart lines' }).getByRole('listitem')).toContainText(['noiseless signal']);
});

test('the damped sine and the real series show their closed loops too', async ({ playground }) => {
  await playground.open('?exp=sine&samples=200&horizon=15');
  await playground.trainToEnd();
  const sine = playground.liveView;
  // The 5-step forecast chart is unchanged; the continuation is a chart of its own.
  await expectLines(sine.getByTestId('sine-chart'), 3);
  await expectLines(sine.getByTestId('sine-continuation'), 4);
  await expect(sine.getByTestId('sine-continuation')).toHaveAttribute('aria-label', /^Continuation after the input, 50 to 64\. True: /);
  await expectErrorTable(sine.getByTestId('sine-horizon'), [1, 4, 8, 11, 15]);
  await expect(playground.evaluation.getByTestId('evaluation-closedMae')).toHaveText(/^\d\.\d+$/);

  await playground.open('?exp=timeseries&epochs=3');
  await playground.trainToEnd();
  const series = playground.liveView;
  await expect(series.getByRole('heading', { name: 'Forecasting 12 steps ahead' })).toBeVisible();
  await expect(series.getByTestId('timeseries-continuation')).toHaveAttribute(
    'aria-label',
    /^Monthly milk production, forecast from 1971-05: Continuation after the input, 1971-05 to 1972-04\. True: /,
  );
  await expectLines(series.getByTestId('timeseries-continuation'), 4);
  await expect(series.getByTestId('timeseries-horizon')).toContainText('over 23 starts in the test period, in pounds per cow');
  await expectErrorTable(series.getByTestId('timeseries-horizon'), [1, 3, 6, 9, 12]);
  // The series' own legend is unchanged: the continuation's legend is a list of its own.
  const legend = (await series.getByRole('list', { name: 'Series chart lines' }).getByRole('listitem').allTextContents()).sort();
  expect(legend).toEqual(['Monthly milk production', 'predicted (test period)', 'predicted (train period)']);
  await expect(playground.evaluation.getByTestId('evaluation-closedTest')).toHaveText(/^\d+\.\d+$/);
});
