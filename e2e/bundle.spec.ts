/** The JavaScript a visitor loads at start stays within issue 11's budget, and TF.js is not in it. */
import { measureStartJs, START_JS_BUDGET_BYTES, TFJS_MARKERS } from '../bench/startChunks';
import { expect, test } from './fixtures';

test('the page loads at most 250 KB of JavaScript (gzip) at start, none of it TF.js', async ({ page }) => {
  const index = await (await page.request.get('/')).text();
  const start = await measureStartJs(index, async (path) => {
    const response = await page.request.get(new URL(path, 'http://x/').pathname);
    expect(response.ok(), path).toBe(true);
    return response.body();
  });
  // The entry and at least React's chunk: an empty list would pass any budget.
  expect(start.files.length).toBeGreaterThan(1);
  expect(start.files.map((f) => f.path).some((p) => /\/index-[^/]+\.js$/.test(p))).toBe(true);
  expect(start.files.filter((f) => f.hasTfjs).map((f) => f.path)).toEqual([]);
  expect(start.gzipBytes).toBeLessThanOrEqual(START_JS_BUDGET_BYTES);

  // The markers do find TF.js where it is: in the training worker's chunk (named in the service
  // worker's list of the build's files), which loads only in the worker.
  const serviceWorker = await (await page.request.get('/sw.js')).text();
  const workerChunk = /assets\/training\.worker-[^"']+\.js/.exec(serviceWorker)?.[0];
  expect(workerChunk).toBeDefined();
  const workerText = await (await page.request.get(`/${workerChunk ?? ''}`)).text();
  expect(TFJS_MARKERS.filter((marker) => workerText.includes(marker)).length).toBeGreaterThan(0);
});
