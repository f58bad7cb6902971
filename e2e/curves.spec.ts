/** Learning curves (§12): a preset trains, the diagnosis names the shape and says whether it is the preset's. */
import { expect, test } from './fixtures';

test('the overfit preset trains 1,200 epochs and is diagnosed as an overfit, with the epoch to stop at', async ({ playground, page }) => {
  await playground.open('?exp=curves&preset=overfit');
  await expect(page.getByTestId('x-shape')).toHaveText('(5, 1, 1)');
  await expect(playground.totalParams).toHaveText('491');
  const panel = page.getByRole('region', { name: 'Diagnosis' });
  await expect(panel).toContainText('Names the shape of the learning curves');
  await playground.trainToEnd();
  await expect(playground.evaluation).toContainText('Trained on 6,000 samples');
  await expect(page.getByTestId('chart-loss').locator('path[stroke-dasharray]')).toHaveCount(1);
  await expect(panel.getByTestId('diagnosis-label')).toHaveText('Overfit');
  await expect(panel.getByTestId('diagnosis-advice')).toHaveText(/^The validation loss was lowest at epoch [\d,]+ and has risen since/);
  await expect(panel).toContainText(/Lowest validation loss [\d.e-]+ at epoch [\d,]+ \([\d,]+ samples\)/);
  await expect(panel.getByTestId('diagnosis-match')).toHaveText('✓ This is the shape the preset “Overfit” is meant to show.');
  await expect(playground.liveView.getByRole('row', { name: /validation$/ })).toHaveCount(5);
});

test('too little capacity is underfit; a preset cut short says its settings changed and shows another shape', async ({ playground, page }) => {
  const panel = page.getByRole('region', { name: 'Diagnosis' });
  await playground.open('?exp=curves&preset=capacity');
  await expect(playground.totalParams).toHaveText('14');
  await playground.trainToEnd();
  await expect(panel.getByTestId('diagnosis-label')).toHaveText('Underfit: too little capacity');
  await expect(panel.getByTestId('diagnosis-match')).toHaveText('✓ This is the shape the preset “Underfit: too little capacity” is meant to show.');

  await playground.form.field('Preset').selectOption('good');
  await playground.form.enter('Epochs', '100');
  await expect(page).toHaveURL(/[?&]epochs=100(&|$)/);
  await playground.trainToEnd();
  await expect(panel.getByTestId('diagnosis-label')).toHaveText('Still improving');
  await expect(panel.getByTestId('diagnosis-match')).toHaveText(
    '✗ The preset “Good fit” is meant to show “Good fit”; these curves look “Still improving”. You changed the preset’s epochs, so its shape need not hold.',
  );
});

test('multiple runs: the preset trains 5 seeds in Repeat over seeds, and each run is diagnosed', async ({ playground, page }) => {
  await playground.open('?exp=curves&preset=repeats');
  const panel = page.getByRole('region', { name: 'Diagnosis' });
  await panel.getByRole('button', { name: 'Repeat over 5 seeds' }).click();
  const repeats = page.getByRole('region', { name: 'Repeat over seeds' });
  await expect(repeats.getByTestId('repeat-progress')).toHaveText('5 of 5 runs done', { timeout: 90_000 });
  // Every run's training and validation curve on one chart.
  await expect(repeats.getByTestId('chart-loss').locator('.live-lines > path')).toHaveCount(10);
  const list = panel.getByTestId('diagnosis-repeats').getByRole('listitem');
  await expect(list).toHaveCount(5);
  await expect(list.first()).toHaveText(/^Seed 1: (Still improving|Good fit|Overfit|Underfit: too little capacity)$/);
});

test('other experiments with validation data are diagnosed too', async ({ playground, page }) => {
  await playground.open('?exp=regression&problem=c&epochs=150');
  await playground.trainToEnd();
  const panel = page.getByRole('region', { name: 'Diagnosis' });
  await expect(panel.getByTestId('diagnosis-label')).toHaveAttribute('data-label', /^(improving|underfit|good|overfit|unstable)$/);
  await expect(panel).toContainText('Read from the training and the validation loss');
  await expect(panel.getByTestId('diagnosis-match')).toHaveCount(0);
});
