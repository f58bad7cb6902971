/** Too big to run: the page says so before training, and refuses what would exhaust the tab. */
import { expect, test } from './fixtures';

test('an absurd run is refused with the reason, a big one is warned about, a normal one says nothing', async ({ playground, page }) => {
  await playground.open('?exp=echo');
  await expect(page.getByTestId('budget-note')).toHaveCount(0);

  await playground.open('?exp=echo&length=200&features=500&units=512&bs=1024&outIndex=0');
  const note = page.getByTestId('budget-note');
  await expect(note).toContainText(/^This run would need about \d+\.\d GB of memory/);
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('run-error')).toContainText('more than a browser tab can give');
  await expect(playground.transport.progressText).toHaveText('Not started');

  // Back to a sane batch size: the refusal goes, a warning about the amount of work may stay, and it trains.
  await playground.form.enter('Batch size', '16');
  await expect(note).not.toContainText('more than a browser tab');
  await playground.open('?exp=echo&units=512&samples=1000000&length=100&outIndex=0');
  await expect(note).toContainText(/^A big run: .*trillion operations/);
});
