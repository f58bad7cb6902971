/** Addition (encoder-decoder): the 52,212-parameter model, the padded lengths, fresh sums with wrong answers marked. */
import { expect, test } from './fixtures';

test('the encoder-decoder: 52,212 parameters; more and larger numbers lengthen the padded question and answer', async ({ playground, page }) => {
  const { form } = playground;
  await playground.open('?exp=addition');
  await expect(playground.totalParams).toHaveText('52,212');
  const summary = playground.modelSummary;
  await expect(summary.getByRole('row', { name: /^lstm / })).toContainText('26,400');
  await expect(summary.getByRole('row', { name: /^repeat_vector / })).toContainText('(None, 2, 75)');
  await expect(summary.getByRole('row', { name: /^lstm_1 / })).toContainText('25,200');
  await expect(summary.getByRole('row', { name: /^time_distributed / })).toContainText('612');
  await expect(page.getByTestId('x-shape')).toHaveText('(75000, 8, 12)');
  await expect(page.getByTestId('y-shape')).toHaveText('(75000, 2, 12)');

  // 4 numbers up to 100: "100+100+100+100" is 15 characters; ceil(log10(404)) = 3.
  await form.enter('Numbers to add', '4');
  await form.enter('Largest number', '100');
  await expect(page.getByTestId('x-shape')).toHaveText('(75000, 15, 12)');
  await expect(page.getByTestId('y-shape')).toHaveText('(75000, 3, 12)');
  await expect(summary.getByRole('row', { name: /^repeat_vector / })).toContainText('(None, 3, 75)');
  // The encoder's size does not depend on the question's length.
  await expect(playground.totalParams).toHaveText('52,212');
  await expect(page).toHaveURL(/[?&]terms=4&largest=100(&|$)/);

  await form.enter('Encoder units', '10');
  // 4·10·(12 + 10 + 1) + 0 + 4·50·(10 + 50 + 1) + 612.
  await expect(playground.totalParams).toHaveText('13,732');
});

test('training draws the loss and a table of fresh sums, wrong answers marked in words', async ({ playground }) => {
  const { transport, charts } = playground;
  await playground.open('?exp=addition&samples=3200');
  await transport.train();

  // The curve is drawn while it trains (the fused engine may finish the whole run between two looks:
  // every step's loss is counted once it is done, below).
  await expect.poll(() => charts.points(), { timeout: 60_000 }).toBeGreaterThan(0);

  const view = playground.liveView;
  await expect(view.getByTestId('addition-lengths')).toHaveText(
    /^3 numbers from 1 to 10: each question is padded to 8 characters, each answer to 2 /,
  );
  const table = view.getByTestId('addition-rows');
  const rows = table.locator('tbody').getByRole('row');
  await expect(rows).toHaveCount(8);
  for (const text of await rows.allTextContents()) {
    // "9+10+9 = 27 (expect 28)✗ wrong" or "3+4+5 = 12✓ right"; the answer may hold stray symbols early on.
    expect(text).toMatch(/^\d{1,2}\+\d{1,2}\+\d{1,2} = \S+( \(expect \d{1,2}\)✗ wrong|✓ right)$/);
  }
  await expect(table.locator('caption')).toHaveText(/^Fresh sums and the network's answers: \d of 8 right$/);

  await playground.waitForStatus('done');
  await expect(transport.progressText).toHaveText('3,200 / 3,200 samples');
  await expect(playground.accuracy).toHaveText(/^\d+(\.\d)?%$/);
  await expect(playground.evaluation.getByTestId('evaluation-answers')).toHaveText(/^\d+(\.\d)?%$/);
  await expect(playground.evaluation.getByTestId('evaluation-loss')).toHaveText(/^\d+\.\d+$/);
  // After 100 updates the network gets most characters wrong: wrong rows say so, besides their colour.
  await expect(table.getByRole('row', { name: /wrong$/ }).first()).toContainText('(expect ');
  expect(await playground.losses()).toHaveLength(100);
});
