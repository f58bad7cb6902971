/** Cumulative sum (bidirectional LSTM): direction and merge mode in the model, the running-sum chart and the bits. */
import { expect, test } from './fixtures';

test('the bidirectional model: 20,901 parameters; merge modes and single directions change it', async ({ playground, page }) => {
  const { form } = playground;
  await playground.open('?exp=cumsum');
  await expect(playground.totalParams).toHaveText('20,901');
  const summary = playground.modelSummary;
  await expect(summary.getByRole('row', { name: /^bidirectional / })).toContainText('(None, 10, 100)');
  await expect(summary.getByRole('row', { name: /^bidirectional / })).toContainText('20,800');
  await expect(summary.getByRole('row', { name: /^time_distributed / })).toContainText('101');
  await expect(page.getByTestId('x-shape')).toHaveText('(50000, 10, 1)');
  await expect(page.getByTestId('y-shape')).toHaveText('(50000, 10, 1)');

  // Sum keeps the width of one direction: 20,800 + 51.
  await form.field('Merge mode').selectOption('sum');
  await expect(playground.totalParams).toHaveText('20,851');
  await expect(summary.getByRole('row', { name: /^bidirectional / })).toContainText('(None, 10, 50)');

  // One direction: a plain LSTM, and the merge mode (back at its default) no longer shows.
  await form.field('Merge mode').selectOption('concat');
  await form.field('Direction').selectOption('backward');
  await expect(playground.totalParams).toHaveText('10,451');
  await expect(summary.getByRole('row', { name: /^lstm / })).toContainText('10,400');
  await expect(form.field('Merge mode')).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]dir=backward(&|$)/);
  await expect(page).not.toHaveURL(/merge=/);
});

test('training draws the loss, the running sum against n/4, and the expected and predicted bits', async ({ playground }) => {
  const { transport, charts } = playground;
  await playground.open('?exp=cumsum&samples=1500');
  await transport.train();

  // The curve is drawn while it trains (the fused engine may finish the whole run between two looks:
  // every step's loss is counted once it is done, below).
  await expect.poll(() => charts.points(), { timeout: 60_000 }).toBeGreaterThan(0);

  const view = playground.liveView;
  const chart = view.getByTestId('cumsum-chart');
  // The sum first reaches 2.5 with a value of at most 1 added: somewhere in [2.5, 3.5), 3.50 once rounded.
  await expect(chart).toHaveAttribute('aria-label', /^Running sum of 10 values against the threshold 2\.5: it (reaches it at step \d+ \(sum (2\.[5-9]\d|3\.[0-4]\d|3\.50)\)|never reaches it)\.$/);
  await expect(chart.locator('rect')).toHaveCount(10);
  await expect(chart.locator('polyline')).toHaveAttribute('points', /^([\d.]+,[\d.]+ ){9}[\d.]+,[\d.]+$/);

  // The text alternative: every step's value, running sum and bits.
  const bits = view.getByTestId('cumsum-bits');
  await expect(bits.getByRole('row', { name: /^Value/ }).getByRole('cell')).toHaveCount(10);
  await expect(bits.getByRole('row', { name: /^Expected/ })).toHaveText(/^Expected(0)*(1)*$/);
  await expect(bits.getByRole('row', { name: /^Predicted/ }).getByRole('cell')).toHaveCount(10);
  await expect(view.getByTestId('cumsum-verdict')).toHaveText(/^(Whole sequence right: all 10 steps ✓|Sequence wrong: \d+ of 10 steps ✗)$/);

  await playground.waitForStatus('done');
  await expect(transport.progressText).toHaveText('1,500 / 1,500 samples');
  await expect(playground.accuracy).toHaveText(/^\d+(\.\d)?%$/);
  await expect(playground.evaluation.getByTestId('evaluation-sequences')).toHaveText(/^\d+(\.\d)?%$/);
  expect(await playground.losses()).toHaveLength(150);
});
