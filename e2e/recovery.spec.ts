/** A crashed training worker: a clear message, the settings intact, and the next run trains. */
import { expect, test } from './fixtures';

/** Dies when told to train (the page readies a worker while idle: that command it takes). */
const CRASHING_WORKER = `self.onmessage = (event) => { if (event.data.type === 'start') throw new Error('simulated crash'); };`;

test('a worker that crashes mid-run is replaced: the page says so, keeps the settings, and trains again', async ({ playground, page }) => {
  // The first training worker the page starts dies when the run starts; the replacement is the real one.
  await page.route('**/training.worker-*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: CRASHING_WORKER }), { times: 1 });
  await playground.open('?exp=echo&samples=300&units=12');
  await playground.transport.train();
  await expect(playground.transport.statusLine).toContainText(/The training worker crashed \(.*simulated crash.*\)\. A fresh one has started/);
  await expect(playground.form.field('LSTM units')).toHaveValue('12');
  await expect(page).toHaveURL(/units=12/);
  await playground.trainToEnd();
  await expect(playground.accuracy).toHaveText(/%$/);
  // The run trained by the replacement is kept in the run history, and still there after a reload.
  const kept = page.getByRole('region', { name: 'Run history' }).getByRole('list', { name: 'Kept runs, newest first' }).getByRole('listitem');
  await expect(kept).toHaveCount(1);
  await page.reload();
  await expect(playground.form.field('LSTM units')).toHaveValue('12');
  await expect(kept).toHaveCount(1);
});

test('workers that cannot start are not respawned in a loop; the page stays usable', async ({ playground, page }) => {
  await page.route('**/training.worker-*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: `throw new Error('cannot load');` }));
  await playground.open('?exp=echo&samples=300');
  await playground.transport.train();
  await expect(playground.transport.statusLine).toContainText('The training worker keeps stopping as it starts', { timeout: 30_000 });
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('training.worker')) requests.push(request.url());
  });
  await page.waitForTimeout(1500);
  expect(requests).toEqual([]);
  // The form still works.
  await playground.form.enter('LSTM units', '7');
  await expect(page).toHaveURL(/units=7/);
});
