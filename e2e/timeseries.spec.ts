/** Real time series: the bundled milk data against the naive forecast, and the user's own CSV — good and broken. */
import { expect, test } from './fixtures';

test('milk production: the series, both predictions and the naive baseline beside the model', async ({ playground, page }) => {
  await playground.open('?exp=timeseries');
  const source = page.getByRole('region', { name: 'Data source' });
  await expect(source.getByTestId('framing')).toContainText('168 values; train 112, test 56');
  await expect(page.getByTestId('x-shape')).toHaveText('(111, 1, 1)');
  await playground.trainToEnd();
  await expect(playground.evaluation.getByTestId('evaluation-naiveTrain')).toHaveText('44.58');
  await expect(playground.evaluation.getByTestId('evaluation-naiveTest')).toHaveText('46.76');
  await expect(playground.evaluation.getByTestId('evaluation-trainRmse')).toHaveText(/^4\d\.\d\d$/);
  const view = playground.liveView;
  await expect(view.getByTestId('timeseries-verdict')).toContainText(/^Test RMSE \d+\.\d\d pounds per cow vs 46\.76 for the naive forecast/);
  await expect(view.getByRole('img', { name: /Monthly milk production: 168 values from 1962-01 to 1975-12/ })).toBeVisible();
  const legend = (await view.getByRole('list', { name: 'Series chart lines' }).getByRole('listitem').allTextContents()).sort();
  expect(legend).toEqual(['Monthly milk production', 'predicted (test period)', 'predicted (train period)']);
  // The link names the series, never the data.
  await playground.form.field('Series').selectOption('airline');
  await expect(source.getByTestId('framing')).toContainText('144 values');
  await expect(page).toHaveURL(/[?&]series=airline(&|$)/);
  await expect(page).not.toHaveURL(/csv=/);
});

test('your own CSV: uploaded, framed and forecast; a broken one is refused with the line, and nothing else changes', async ({ playground, page }) => {
  await playground.open('?exp=timeseries');
  await playground.form.field('Series').selectOption('custom');
  await expect(playground.warnings).toContainText('upload or paste a CSV in the Data source panel');
  const source = page.getByRole('region', { name: 'Data source' });
  const rows = Array.from({ length: 48 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')},${(100 + 20 * Math.sin(i / 2) + i).toFixed(2)}`);
  await source.getByLabel('Upload a CSV file').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(`month,sales\n${rows.join('\n')}\n`) });
  await expect(source.getByTestId('framing')).toContainText('sales: 48 values; train 32, test 16');
  await expect(source.getByLabel('Value column')).toBeVisible();
  await playground.form.enter('Epochs', '20');
  await playground.trainToEnd();
  await expect(playground.liveView.getByTestId('timeseries-verdict')).toContainText('for the naive forecast');
  const evaluation = await playground.evaluation.textContent();

  // A broken file: a clear message naming the line; the data, the framing and the results stay.
  const broken = `month,sales\n2020-01,100\n2020-02,abc\n2020-03,120\n`;
  await source.getByLabel('Upload a CSV file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
  await expect(source.getByTestId('data-error')).toContainText('Line 3');
  await expect(source.getByTestId('framing')).toContainText('sales: 48 values');
  await expect(playground.evaluation).toHaveText(evaluation ?? '');

  // An empty paste cannot be used; a file without numbers is refused too.
  await expect(source.getByRole('button', { name: 'Use the pasted data' })).toBeDisabled();
  await source.getByLabel('…or paste it').fill('name,city\nann,oslo\nbob,rome\n');
  await source.getByRole('button', { name: 'Use the pasted data' }).click();
  await expect(source.getByTestId('data-error')).toContainText('No column of the file holds numbers');
  await expect(source.getByTestId('framing')).toContainText('sales: 48 values');
});
