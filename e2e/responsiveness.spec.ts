/** The page stays responsive while the worker trains: no main-thread task over 200 ms. */
import { availableParallelism, loadavg } from 'node:os';
import { expect, test } from './fixtures';

// Tracing takes DOM snapshots on the page's main thread around every action: it would be
// measured as the page's own long tasks.
test.use({ trace: 'off' });

const MAX_LONG_TASK_MS = 200;
const SAMPLE_MS = 6000;
/** The longest wait for the machine's load to settle before measuring. */
const SETTLE_MS = 90_000;

interface LongTask {
  start: number;
  duration: number;
}

// The charts are the only main-thread work that can approach the limit: recharts mounts before
// the first run, the current run's line keeps its key, and the charts redraw one after another
// (measured here 2026-11-23 after that change: max 66–129 ms; before it, 250–400 ms).
/**
 * Echo: the loss charts at the fused engine's pace. The damped sine: three more charts mount at
 * its first preview and redraw at every one after (before its charts drew their lines as paths,
 * the bench measured its longest task at 270–310 ms on a busy machine; after, 0–92 ms).
 */
const PAGES = [
  { name: 'echo', query: '?exp=echo&samples=1000000', result: 'evaluation-accuracy' },
  { name: 'the damped sine', query: '?exp=sine&samples=1000000', result: 'evaluation-mae' },
];

for (const { name, query, result } of PAGES) test(`no main-thread long task over 200 ms while ${name} trains`, async ({ playground, page }, testInfo) => {
  test.setTimeout(180_000);
  // Durations are wall time: they are judged only when the machine is otherwise quiet. The tests
  // before this one train models too, so first let their load fade (the 1-minute load average).
  const cores = availableParallelism();
  const settleUntil = Date.now() + SETTLE_MS;
  while ((loadavg()[0] ?? 0) > cores && Date.now() < settleUntil) await page.waitForTimeout(2000);
  const loadBefore = loadavg()[0] ?? 0;
  test.skip(loadBefore > 2 * cores, `machine load ${loadBefore.toFixed(1)} on ${cores} cores before training: long-task durations would measure other work`);

  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as Window & { __longTasks?: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const { transport } = playground;
  await playground.open(query);

  const startedAt = await page.evaluate(() => performance.now());
  await transport.train();
  await expect.poll(() => playground.status(), { timeout: 60_000 }).toBe('running');
  // Sample while it trains, then through the end of the run (Stop, evaluation, final render).
  await page.waitForTimeout(SAMPLE_MS);
  expect(await playground.status()).toBe('running');
  await transport.button('Stop').click();
  await playground.waitForStatus('done', 20_000);
  await expect(playground.evaluation.getByTestId(result)).toBeVisible();
  await page.waitForTimeout(500);
  const endedAt = await page.evaluate(() => performance.now());

  const tasks = await page.evaluate(() => (window as Window & { __longTasks?: { start: number; duration: number }[] }).__longTasks ?? []);
  const during: LongTask[] = tasks
    .filter((task) => task.start >= startedAt && task.start <= endedAt)
    .map((task) => ({ start: Math.round(task.start - startedAt), duration: Math.round(task.duration) }));
  const max = Math.max(0, ...during.map((task) => task.duration));
  const report = `long tasks after Train (ms from the click: duration): ${
    during.map((task) => `${task.start}: ${task.duration}`).join(', ') || 'none'
  }; max ${max} ms over ${Math.round(endedAt - startedAt)} ms; machine load ${loadBefore.toFixed(1)} before, ${loadavg()[0]?.toFixed(1)} after`;
  console.log(report);
  testInfo.annotations.push({ type: 'long tasks', description: report });

  expect(max, report).toBeLessThanOrEqual(MAX_LONG_TASK_MS);
});
