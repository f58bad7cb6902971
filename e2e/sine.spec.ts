/** Damped sine (stacked LSTM): the stacked model in the form and summary, live forecast chart, MAE evaluation. */
import { expect, formatCount, test } from './fixtures';

/** LSTM parameters: four gates, each with kernel, recurrent kernel and bias. */
const lstm = (inputs: number, units: number) => 4 * units * (inputs + units + 1);

test('the stacked model: 5,145 parameters by default; depth and units per layer change it', async ({ playground, page }) => {
  const { form } = playground;
  await playground.open('?exp=sine');
  await expect(playground.totalParams).toHaveText('5,145');
  await expect(playground.modelSummary.getByRole('row', { name: /^lstm / })).toContainText('1,760');
  await expect(playground.modelSummary.getByRole('row', { name: /^lstm_1 / })).toContainText('3,280');
  await expect(playground.modelSummary.getByRole('row', { name: /^dense / })).toContainText('105');
  await expect(page.getByTestId('x-shape')).toHaveText('(10000, 50, 1)');
  await expect(page.getByTestId('y-shape')).toHaveText('(10000, 5)');
  await expect(form.field('Units, layer 3')).toHaveCount(0);

  await form.enter('LSTM layers', '3');
  await expect(form.field('Units, layer 3')).toBeVisible();
  await form.enter('Units, layer 3', '8');
  await expect(playground.totalParams).toHaveText(formatCount(lstm(1, 20) + lstm(20, 20) + lstm(20, 8) + 9 * 5));
  await expect(page).toHaveURL(/[?&]layers=3&units3=8(&|$)/);
});

test('training draws the loss, a fresh wave with the true and predicted next values, and the MAE', async ({ playground, page }) => {
  const { transport, charts } = playground;
  await playground.open('?exp=sine&samples=2000');
  // TF.js on WebAssembly: slow enough to watch the curve grow (the fused CPU engine can finish between two looks).
  await page.getByRole('banner').getByLabel('Engine').selectOption({ label: 'WebAssembly' });
  await transport.train();

  await expect.poll(() => charts.points(), { timeout: 60_000 }).toBeGreaterThan(0);
  const firstPoints = await charts.points();
  await expect.poll(() => charts.points(), { timeout: 60_000 }).toBeGreaterThan(firstPoints);

  // The forecast chart: input tail, true and predicted lines, each drawn with a path.
  const view = playground.liveView;
  const curves = view.getByTestId('sine-chart').locator('path.live-line');
  await expect(curves).toHaveCount(3);
  for (const d of await curves.evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''))) {
    expect(d).toMatch(/^M[\d.,\s-]+L/);
  }
  await expect(view.getByRole('img', { name: /^Damped sine wave/ })).toHaveAttribute('aria-label', /^Damped sine wave with period \d+ and decay 0\.\d{3}: steps 25–49 of the input, then the next 5 values\. True: [\d., ]+\. Predicted: [-\d., ]+\.$/);
  // The text alternative: the 5 forecast steps, true and predicted.
  const table = view.getByTestId('sine-table');
  await expect(table.getByRole('row', { name: /^true/ }).getByRole('cell')).toHaveCount(5);
  await expect(table.getByRole('row', { name: /^predicted/ })).toHaveText(/^predicted(-?\d\.\d{3}){5}$/);
  const firstWave = await view.getByRole('img', { name: /^Damped sine wave/ }).getAttribute('aria-label');
  await expect.poll(() => view.getByRole('img', { name: /^Damped sine wave/ }).getAttribute('aria-label'), { timeout: 30_000 }).not.toBe(firstWave);

  // Stop (if still going) and evaluate on fresh waves.
  if ((await playground.status()) === 'running') await transport.button('Stop').click().catch(() => undefined);
  await playground.waitForStatus('done');
  const trained = await transport.samplesShown();
  await expect(playground.evaluation).toContainText(new RegExp(`(Trained on|Stopped after) ${trained.toLocaleString('en')} samples`));
  await expect(playground.evaluation.getByTestId('evaluation-mae')).toHaveText(/^0\.\d+$/);
  await expect(playground.evaluation.getByTestId('evaluation-baseline')).toHaveText(/^0\.\d+$/);
  await expect(view.getByTestId('sine-error')).toHaveText(/^Mean absolute error on this wave: \d\.\d{3}$/);
  expect(await playground.losses()).toHaveLength(Math.ceil(trained / 10));
});
