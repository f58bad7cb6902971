/** Memory demonstration (stateful LSTM): the per-step table with the state resets, the modes, and repeats over seeds. */
import { expect, test } from './fixtures';

test('the memory demo trains and shows both sequences step by step, with the state resets and the conflicting steps', async ({ playground, page }) => {
  await playground.open('?exp=memory');
  await expect(playground.totalParams).toHaveText('2,185');
  await expect(page.getByTestId('x-shape')).toHaveText('(8, 1, 5)');
  await playground.trainToEnd();

  const view = playground.liveView;
  for (const [s, text] of [
    [1, 'sequence 1: 3 0 1 2 3'],
    [2, 'sequence 2: 4 0 1 2 4'],
  ] as const) {
    const body = view.getByTestId(`memory-sequence-${s}`);
    await expect(body.getByRole('row')).toHaveCount(5);
    await expect(body.getByRole('row').first()).toContainText(`⟲ state reset · ${text}`);
  }
  // The six unambiguous steps are always learned: at least 7 of 8 right.
  await expect(playground.evaluation.getByTestId('evaluation-steps')).toHaveText(/^(87\.5|100)%$/);
  await expect(playground.evaluation.getByTestId('evaluation-conflict')).toHaveText(/^(50|100)%$/);
  await expect(view.getByRole('table')).toHaveAccessibleDescription(/Both sequences step by step: [78] of 8 right/);

  // Through the whole sequence: one batch per sequence, the model reads 4 steps at once.
  await playground.form.field('How it is trained').selectOption('sequence');
  await expect(page).toHaveURL(/[?&]mode=sequence(&|$)/);
  await expect(page.getByTestId('x-shape')).toHaveText('(2, 4, 5)');
  await playground.transport.train();
  await playground.waitForStatus('done');
  await expect(view.getByTestId('memory-sequence-1').getByRole('row').first()).toContainText('new sequence: state starts from zero');
});

test('repeat over seeds: every run is trained, the spread of the scores and the success rate are shown', async ({ playground, page }) => {
  await playground.open('?exp=memory&mode=stateless&epochs=60&seed=5');
  const panel = page.getByRole('region', { name: 'Repeat over seeds' });
  await panel.getByLabel('Runs').fill('3');
  await expect(panel).toContainText('seeds 5–7');
  await panel.getByRole('button', { name: 'Repeat 3 runs' }).click();
  await expect(panel.getByTestId('repeat-progress')).toHaveText('3 of 3 runs done', { timeout: 60_000 });
  // Stateless: never both conflicting steps, so never all 8 right.
  await expect(panel.getByTestId('repeat-success')).toHaveText('0 of 3 runs (0%): all 8 steps right.');
  const stats = panel.getByTestId('repeat-stats');
  await expect(stats.getByRole('row', { name: /^Steps right/ })).toBeVisible();
  await expect(stats.getByRole('row', { name: /^Final training loss/ })).toBeVisible();
  await expect(panel.getByTestId('chart-loss')).toHaveAttribute('data-points', /^[1-9]/);
  await panel.getByText('Every run').click();
  await expect(panel.getByRole('listitem')).toHaveCount(3);
  await expect(panel.getByRole('listitem').first()).toContainText(/^Seed 5: steps right \d+(\.\d)?%, conflicting steps right \d+%/);
  // A run's seed can be taken into the form to look at it closely.
  await panel.getByRole('listitem').nth(2).getByRole('button', { name: 'use this seed' }).click();
  await expect(page).toHaveURL(/[?&]seed=7(&|$)/);
});
