/**
 * Every experiment of the catalogue trains at its defaults while the page stays usable: the live
 * view draws the network's answers, a control answers a click, Stop ends the run and the
 * evaluation follows. The main thread's long tasks over the run are reported with each test
 * (tests do not judge time: `npm run bench -- --smooth` measures them on a quiet machine).
 */
import { loadavg } from 'node:os';
import { expect, test } from './fixtures';

// Tracing takes DOM snapshots on the page's main thread around every action: it would show up
// in the long tasks reported.
test.use({ trace: 'off' });

/** How long a run trains before the test stops it. */
const RUN_MS = 4000;

/** Every experiment id of the catalogue (src/experiments/registry.ts), in its order. */
const EXPERIMENT_IDS = ['echo', 'sine', 'signals', 'movingline', 'addition', 'cumsum', 'rectangles', 'memory', 'echowhole', 'echopartial', 'regression', 'timeseries', 'curves'];

test('the responsiveness suite covers every experiment of the catalogue', async ({ playground }) => {
  await playground.open();
  const offered = await playground.experimentPicker.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect([...offered].sort()).toEqual([...EXPERIMENT_IDS].sort());
});

for (const id of EXPERIMENT_IDS) {
  test(`the page stays usable while ${id} trains`, async ({ playground, page }, testInfo) => {
    test.setTimeout(120_000);
    await page.addInitScript(() => {
      const tasks: [number, number][] = [];
      (window as Window & { __longTasks?: typeof tasks }).__longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    const { transport } = playground;
    await playground.open(`?exp=${id}`);
    const logScale = playground.charts.root.getByRole('checkbox', { name: 'Log scale' });
    await expect(logScale).not.toBeChecked();

    const startedAt = await page.evaluate(() => performance.now());
    await transport.train();
    // The page answers a click while the worker trains (or just after, for the shortest runs).
    await logScale.check();
    await expect(logScale).toBeChecked();
    await expect(playground.liveView.locator('.placeholder')).toHaveCount(0, { timeout: 60_000 });
    await page.waitForTimeout(RUN_MS);
    // The run may end between this check and the click (Stop is then disabled for good): either way it ends.
    if ((await playground.status()) !== 'done') {
      await transport
        .button('Stop')
        .click({ timeout: 10_000 })
        .catch(async (error: unknown) => {
          if ((await playground.status()) !== 'done') throw error;
        });
    }
    await playground.waitForStatus('done', 60_000);
    await expect(playground.evaluation).toContainText(/(Trained on|Stopped after) [\d,]+ samples/);
    await logScale.uncheck();
    await expect(logScale).not.toBeChecked();
    const endedAt = await page.evaluate(() => performance.now());

    const tasks = await page.evaluate(() => (window as Window & { __longTasks?: [number, number][] }).__longTasks ?? []);
    const during = tasks.filter(([start]) => start >= startedAt && start <= endedAt);
    const report = `long tasks after Train (ms from the click: duration): ${
      during.map(([start, duration]) => `${Math.round(start - startedAt)}: ${Math.round(duration)}`).join(', ') || 'none'
    } over ${Math.round(endedAt - startedAt)} ms; 1-minute load average ${loadavg()[0]?.toFixed(1)} after`;
    console.log(`${id}: ${report}`);
    testInfo.annotations.push({ type: 'long tasks', description: report });
  });
}
