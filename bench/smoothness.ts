/**
 * The page's smoothness while every experiment of the catalogue trains: each one opened at its
 * defaults with the engine on auto, trained from the click on Train for up to RUN_MS (then
 * stopped), through its evaluation and final render. Records the main thread's long tasks
 * (> 50 ms) and frame gaps over that span. Issue 11 asks for no long task and a p95 frame gap of
 * at most 20 ms while any experiment trains.
 */
import type { Browser, Page } from '@playwright/test';
import type {} from '../src/state/testHook';
import { EXPERIMENTS } from '../src/experiments/registry';
import { withServedApp } from './chromium';
import { engineOf, mainThreadBetween, trainButtonCentre, waitForForm, watchMainThread } from './mainThread';
import { CPU_TRACE_CATEGORIES, mainThreadCpu, type MainThreadCpu, type TraceEvent } from './mainThreadCpu';

export interface SmoothnessRow {
  experiment: string;
  /** The settings beyond the defaults (URL query), if any. */
  query: string;
  engine: string;
  /** From the click on Train to the end of the run, ms. */
  runMs: number;
  /** Whether the run was stopped after RUN_MS rather than finishing. */
  stopped: boolean;
  /** [start from the click, duration] of each long task, ms. */
  longTasks: [number, number][];
  p95FrameGapMs: number;
  maxFrameGapMs: number;
  /** The main thread's tasks by CPU time over the same span (from a trace). */
  cpu: MainThreadCpu;
  error?: string;
}

/** How long a run trains before the bench stops it. */
const RUN_MS = Number(process.env.BENCH_SMOOTH_MS ?? 8000);

/**
 * Long runs at the fused engine's pace: the curves, the run history and the diagnosis grow for
 * the whole run, so a cost that grows with the run shows here and not in the short defaults.
 */
export const LONG_RUNS = [
  { experiment: 'echo', query: 'samples=1000000', runMs: 30_000 },
  { experiment: 'sine', query: 'samples=1000000', runMs: 30_000 },
  { experiment: 'rectangles', query: 'samples=1000000', runMs: 30_000 },
];
/** The user-timing mark the CPU trace is read from (the click on Train). */
const CLICK_MARK = 'bench-train-click';
/** After the run ends: the evaluation and the final render. */
const SETTLE_MS = 1000;

const status = (page: Page) => page.evaluate(() => window.__playground?.status() ?? '');

async function measure(browser: Browser, url: string, runMs: number): Promise<Omit<SmoothnessRow, 'experiment' | 'query'>> {
  const page = await browser.newPage();
  let tracing = false;
  try {
    await watchMainThread(page);
    await page.goto(url);
    await waitForForm(page);
    // Let the page's first render and the charts' mounting pass: they are not training.
    await page.waitForTimeout(1500);
    const train = await trainButtonCentre(page);
    await browser.startTracing(page, { categories: CPU_TRACE_CATEGORIES });
    tracing = true;
    const since = await page.evaluate((mark) => {
      performance.mark(mark);
      return performance.now();
    }, CLICK_MARK);
    await page.mouse.click(train.x, train.y);
    const deadline = Date.now() + runMs;
    let stopped = false;
    for (;;) {
      const now = await status(page);
      if (now === 'done' || now === 'error') break;
      if (Date.now() >= deadline) {
        await page.getByRole('button', { name: 'Stop' }).click();
        stopped = true;
        await page.waitForFunction(() => ['done', 'error'].includes(window.__playground?.status() ?? ''), null, { timeout: 120_000 });
        break;
      }
      await page.waitForTimeout(200);
    }
    await page.waitForTimeout(SETTLE_MS);
    const ended = await page.evaluate(() => performance.now());
    tracing = false;
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const cpu = mainThreadCpu(trace.traceEvents, CLICK_MARK);
    const span = await mainThreadBetween(page, since, ended);
    const error = (await status(page)) === 'error' ? { error: 'the run ended in an error' } : {};
    return { engine: await engineOf(page), ...span, cpu, runMs: Math.round(ended - since - SETTLE_MS), stopped, ...error };
  } finally {
    // A run that failed midway leaves the trace running: the next row could not start its own.
    if (tracing) await browser.stopTracing().catch(() => undefined);
    await page.close();
  }
}

/** Every experiment named at its defaults (all of the catalogue by default), then the long runs of those named. */
export async function benchSmoothness(log: (line: string) => void, experiments: readonly string[] = EXPERIMENTS.map((e) => e.id)): Promise<SmoothnessRow[]> {
  const rows: SmoothnessRow[] = [];
  const cases = [
    ...experiments.map((experiment) => ({ experiment, query: '', runMs: RUN_MS })),
    ...LONG_RUNS.filter((run) => experiments.includes(run.experiment)),
  ];
  await withServedApp(Number(process.env.BENCH_PORT ?? 4175), async (browser, baseUrl) => {
    for (const { experiment, query, runMs } of cases) {
      let row: SmoothnessRow;
      try {
        row = { experiment, query, ...(await measure(browser, `${baseUrl}/?exp=${experiment}${query ? `&${query}` : ''}`, runMs)) };
      } catch (error) {
        const cpu = { tasks: 0, cpuMs: Number.NaN, longestCpuMs: Number.NaN, over10Ms: Number.NaN, longestWallMs: Number.NaN };
        row = { experiment, query, engine: '–', runMs: Number.NaN, stopped: false, longTasks: [], p95FrameGapMs: Number.NaN, maxFrameGapMs: Number.NaN, cpu, error: String(error).split('\n')[0] };
      }
      rows.push(row);
      const tasks = row.longTasks.map(([at, duration]) => `${duration} ms at ${at}`).join(', ') || 'none';
      log(`smoothness ${`${experiment}${query ? ` ${query}` : ''}`.padEnd(11)} ${row.engine.padEnd(12)} ${row.runMs} ms${row.stopped ? ' (stopped)' : ''}: p95 frame gap ${row.p95FrameGapMs.toFixed(0)} ms, max ${row.maxFrameGapMs.toFixed(0)} ms; long tasks ${tasks}; main-thread CPU ${row.cpu.cpuMs.toFixed(0)} ms, longest task ${row.cpu.longestCpuMs.toFixed(1)} ms of CPU (${row.cpu.longestWallMs.toFixed(0)} ms by the clock), ${row.cpu.over10Ms} over 10 ms${row.error ? `; ${row.error}` : ''}`);
    }
  });
  return rows;
}
