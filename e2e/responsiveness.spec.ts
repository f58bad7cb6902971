/** The page stays responsive while the worker trains: no main-thread task over 200 ms. */
import { availableParallelism, loadavg } from 'node:os';
import { expect, test } from './fixtures';

// Tracing takes DOM snapshots on the page's main thread around every action: it would be
// measured as the page's own long tasks.
test.use({ trace: 'off' });

const MAX_LONG_TASK_MS = 200;
const SAMPLE_MS = 6000;

interface LongTask {
  start: number;
  duration: number;
}

// The charts are the only main-thread work that can approach the limit: recharts mounts before
// the first run, the current run's line keeps its key, and the charts redraw one after another
// (measured here 2026-11-23 after that change: max 66–129 ms; before it, 250–400 ms).
test('no main-thread long task over 200 ms while training', async ({ playground, page }, testInfo) => {
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as Window & { __longTasks?: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const { transport } = playground;
  await playground.open('?exp=echo&samples=1000000');

  const startedAt = await page.evaluate(() => performance.now());
  await transport.train();
  await expect.poll(() => playground.status(), { timeout: 60_000 }).toBe('running');
  // Sample while it trains, then through the end of the run (Stop, evaluation, final render).
  await page.waitForTimeout(SAMPLE_MS);
  expect(await playground.status()).toBe('running');
  await transport.button('Stop').click();
  await playground.waitForStatus('done', 20_000);
  await expect(playground.accuracy).toBeVisible();
  await page.waitForTimeout(500);
  const endedAt = await page.evaluate(() => performance.now());

  const tasks = await page.evaluate(() => (window as Window & { __longTasks?: { start: number; duration: number }[] }).__longTasks ?? []);
  const during: LongTask[] = tasks
    .filter((task) => task.start >= startedAt && task.start <= endedAt)
    .map((task) => ({ start: Math.round(task.start - startedAt), duration: Math.round(task.duration) }));
  const max = Math.max(0, ...during.map((task) => task.duration));
  const report = `long tasks after Train (ms from the click: duration): ${
    during.map((task) => `${task.start}: ${task.duration}`).join(', ') || 'none'
  }; max ${max} ms over ${Math.round(endedAt - startedAt)} ms; machine load ${loadavg()[0]?.toFixed(1)}`;
  console.log(report);
  testInfo.annotations.push({ type: 'long tasks', description: report });

  // Durations are wall time: on a machine whose cores are busy with other work, the page's
  // tasks wait for the CPU and the numbers say nothing about the page. Report them, and
  // judge only when the machine is not saturated (as in CI, where nothing else runs).
  const load = loadavg()[0] ?? 0;
  const cores = availableParallelism();
  test.skip(load > 2 * cores, `machine load ${load.toFixed(1)} on ${cores} cores: long-task durations not judged (${report})`);
  expect(max, report).toBeLessThanOrEqual(MAX_LONG_TASK_MS);
});
