/**
 * Offline: after one visit online, the service worker serves the page, its lazily loaded chunks,
 * the bundled data and TF.js' WebAssembly backend with the network gone.
 */
import { expect, test } from './fixtures';
import { goOfflineAndReload, startVersionedProxy, waitUntilOfflineReady } from './serviceWorker';

// The config blocks service workers for every other spec.
test.use({ serviceWorkers: 'allow' });

test('after one visit, the page trains offline: bundled data, lazily loaded views, the WebAssembly backend', async ({ playground, page, context, problems }) => {
  // First visit, online: the service worker precaches everything and takes control of the page.
  await playground.open('?exp=echo');
  await waitUntilOfflineReady(page);

  await goOfflineAndReload(playground, context);
  // The network really is gone: a file the service worker does not keep cannot be fetched.
  const unkept = await page.evaluate(() => fetch('./data/README.md').then((r) => `status ${r.status}`, () => 'failed'));
  expect(unkept).toBe('failed');
  // The browser logs that failed fetch as a console error: expected here, and only here.
  const refused = problems.filter((problem) => problem.includes('ERR_INTERNET_DISCONNECTED') && problem.includes('/data/README.md'));
  expect(refused).toHaveLength(1);
  problems.splice(0, problems.length, ...problems.filter((problem) => !refused.includes(problem)));

  // An experiment picked as a person would: its view and data source panel are chunks not loaded
  // before, and its series is one of the bundled CSVs.
  await playground.experimentPicker.selectOption({ label: 'Forecasting a real series' });
  const source = page.getByRole('region', { name: 'Data source' });
  await expect(source.getByTestId('framing')).toContainText('168 values; train 112, test 56');
  await playground.form.enter('Epochs', '2');
  await playground.trainToEnd();
  await expect(playground.liveView.getByTestId('timeseries-verdict')).toContainText('for the naive forecast');
  await expect(playground.liveView.getByRole('img', { name: /Monthly milk production: 168 values/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Inside the LSTM' })).toBeVisible();

  // TF.js on WebAssembly: the training worker's chunk, the backend's chunk and its .wasm binary.
  await playground.experimentPicker.selectOption({ label: 'Echo sequence' });
  await playground.enginePicker.selectOption({ label: 'WebAssembly' });
  await playground.form.enter('Training samples', '200');
  await playground.trainToEnd();
  await expect(playground.transport.engine).toHaveText('Engine: TF.js on WebAssembly');
  await expect(playground.accuracy).toHaveText(/%$/);
  expect((await playground.losses()).length).toBeGreaterThan(0);
});

test('a new version waits until the person presses "Reload to update"; the settings stay', async ({ playground, page, baseURL }) => {
  // The page through a proxy that can "deploy" a next version: its service worker script changes
  // (as its precache list does when any file changes). The browser fetches service worker
  // scripts itself, out of reach of page.route().
  const server = await startVersionedProxy(baseURL ?? '');
  try {
    await page.goto(`${server.url}/?exp=echo&units=12`);
    await expect(playground.form.root).toBeVisible();
    await waitUntilOfflineReady(page);
    const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
    expect(firstWorker).not.toBeNull();

    server.deployNextVersion();
    await page.reload(); // a navigation makes the browser look for a new service worker
    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toContainText('A new version of the playground is ready', { timeout: 60_000 });
    await expect(playground.form.field('LSTM units')).toHaveValue('12');

    const waiting = () => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting?.state ?? null));
    expect(await waiting()).toBe('installed');

    // With the keyboard: the waiting version takes over and the page reloads under it, the
    // prompt gone, the settings kept.
    await prompt.getByRole('button', { name: 'Reload to update' }).focus();
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await page.keyboard.press('Enter');
    await reloaded;
    await expect(playground.form.field('LSTM units')).toHaveValue('12');
    await expect(prompt).toHaveCount(0);
    expect(await waiting()).toBeNull();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
  } finally {
    await server.close();
  }
});

test('on the first visit the run comes first: the service worker installs once no run has trained for a few seconds', async ({ playground, page }) => {
  // A long run, started as soon as the page is usable: installing the service worker (downloading
  // and storing every file of the build) would take the CPU the run and its charts need.
  await playground.open('?exp=echo&samples=1000000');
  await playground.transport.train();
  await playground.waitForStatus('running');
  const registrations = () => page.evaluate(() => navigator.serviceWorker.getRegistrations().then((list) => list.length));
  // Longer than the quiet wait (3 s) would be without the run.
  await page.waitForTimeout(4000);
  expect(await playground.status()).toBe('running');
  expect(await registrations(), 'no service worker while the run trains').toBe(0);

  await playground.transport.button('Stop').click();
  await playground.waitForStatus('done');
  await waitUntilOfflineReady(page);
  expect(await registrations()).toBe(1);
});
