/** Small regression problems: validation curves, the test input, and comparing architectures side by side. */
import { expect, test } from './fixtures';

test('a run draws the training and the dashed validation loss, and predicts the test input', async ({ playground, page }) => {
  await playground.open('?exp=regression&problem=c&epochs=150');
  await expect(page.getByTestId('x-shape')).toHaveText('(15, 3, 1)');
  await playground.trainToEnd();
  const lossChart = page.getByTestId('chart-loss');
  await expect(lossChart.locator('path[stroke-dasharray]')).toHaveCount(1);
  await expect(lossChart.getByRole('listitem')).toHaveText(['this run (seed 1)', 'this run (seed 1), validation']);
  await expect(playground.liveView.getByTestId('regression-verdict')).toHaveText(/^Test input 50; 51; 52: predicted [\d.,]+, expected 153 \(off by [\d.]+\)$/);
  await expect(playground.liveView.getByRole('row', { name: /validation$/ })).toHaveCount(3);
  await expect(playground.evaluation.getByTestId('evaluation-prediction')).toHaveText(/^\d+(\.\d+)?$/);
  await expect(playground.evaluation.getByTestId('evaluation-prediction2')).toHaveCount(0);

  // A custom test input is scored against the problem's rule; one that does not fit is refused with a note.
  await playground.form.enter('Test input', '1; 2; 3');
  await expect(page).toHaveURL(/[?&]test=1(%3B|;)/);
  await playground.form.field('Problem').selectOption('a');
  await expect(playground.warnings).toContainText('Problem a takes 1 timestep(s) of 1 feature(s)');
});

test('the data set is an editable table: edits train the model and travel in the link', async ({ playground, page }) => {
  await playground.open('?exp=regression');
  const panel = page.getByRole('region', { name: 'Data set' });
  await expect(panel.getByRole('row')).toHaveCount(21);
  const cell = panel.getByLabel('Sample 1, y');
  await expect(cell).toHaveValue('15');
  await cell.fill('16');
  await cell.press('Enter');
  await expect(page).toHaveURL(/[?&]data=1(%3E|>)16(%3B|;)2(%3E|>)30/);
  await panel.getByRole('button', { name: 'Remove sample 20' }).click();
  await expect(panel.getByRole('row')).toHaveCount(20);
  await expect(page.getByTestId('x-shape')).toHaveText('(19, 1, 1)');
  await panel.getByRole('button', { name: 'Restore the tutorial’s data' }).click();
  await expect(panel.getByRole('row')).toHaveCount(21);
  await expect(page).not.toHaveURL(/data=/);
});

test('compare architectures: the simple, stacked and bidirectional models side by side on the same seed', async ({ playground, page }) => {
  await playground.open('?exp=regression&problem=c&epochs=60');
  const panel = page.getByRole('region', { name: 'Compare architectures' });
  await panel.getByRole('button', { name: 'Compare architectures' }).click();
  const table = panel.getByTestId('compare-table');
  await expect(table.getByRole('row')).toHaveCount(4);
  for (const name of ['Simple: one LSTM', 'Stacked LSTMs', 'Bidirectional LSTM']) {
    await expect(table.getByRole('row', { name: new RegExp(`^${name}`) })).toContainText(/\d+(\.\d+)?\s*\d/, { timeout: 90_000 });
  }
  // Every run's loss and validation loss on one chart, with a legend.
  await expect(panel.getByTestId('chart-loss').getByRole('listitem')).toHaveCount(6);
});

test('problem e goes on past its test input: open and closed loop beside the truth', async ({ playground, page }) => {
  await playground.open('?exp=regression&problem=e&epochs=300&horizon=6');
  await playground.trainToEnd();
  const table = playground.liveView.getByTestId('regression-continuation');
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table.getByRole('row', { name: /^\+1 / })).toContainText('29, 49');
  await expect(table.getByRole('row', { name: /^\+6 / })).toContainText('44, 74');
  await expect(table).toContainText(/open loop \(reads the true past\) off by [\d.]+ on average, closed loop \(reads its own steps\) by [\d.]+/);
  await expect(playground.evaluation.getByTestId('evaluation-closedError')).toHaveText(/^\d/);
  await expect(page).toHaveURL(/horizon=6/);
});

