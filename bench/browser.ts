/**
 * Browser half of `npm run bench`: the built app in headless Chromium (the e2e
 * browser set-up), each experiment's default model trained in the worker on
 * each engine, measured from the page: samples/s, long tasks, frame gaps.
 */
import type { Page } from '@playwright/test';
import type {} from '../src/state/testHook';
import { fusedUnsupportedReason } from '../src/engine/fused/support';
import { defaultValues } from '../src/experiments/params';
import { findExperiment } from '../src/experiments/registry';
import { benchBaseline, type BaselineRow } from './baseline';
import { withServedApp } from './chromium';
import { engineOf, mainThreadBetween, trainButtonCentre, waitForForm, watchMainThread } from './mainThread';
import { benchValues, workQuery } from './work';

function fusedSupported(id: string): boolean {
  const experiment = findExperiment(id);
  return !!experiment && !fusedUnsupportedReason(experiment.model(defaultValues(experiment.params)));
}

export interface BrowserBenchRow {
  experiment: string;
  requested: string;
  engine: string;
  samplesPerSec: number;
  longestTaskMs: number;
  longTasks: number;
  p95FrameGapMs: number;
  /** From navigation to a usable form (the Train button enabled), ms. */
  formReadyMs: number;
  /** TF.js tensors alive in the worker at the first progress of the run and when it is done. */
  tensorsDuring: number;
  tensorsAfter: number;
}

/** Engine settings measured; BENCH_BACKENDS=fused,auto,wasm… for fewer (WebGPU falls back to WebAssembly where there is no GPU). */
const REQUESTED = (process.env.BENCH_BACKENDS ?? 'fused,auto,wasm,cpu,webgl,webgpu').split(',');

async function runOne(page: Page, url: string): Promise<Omit<BrowserBenchRow, 'experiment' | 'requested'>> {
  await page.goto(url);
  await waitForForm(page);
  const train = await trainButtonCentre(page);
  // Measured from the click on: page load and the first render are not training.
  const since = await page.evaluate(() => performance.now());
  const formReadyMs = since;
  await page.mouse.click(train.x, train.y);
  await page.waitForFunction(() => (window.__playground?.progressTimes().length ?? 0) > 0 || ['done', 'error'].includes(window.__playground?.status() ?? ''), null, { timeout: 600_000 });
  const tensorsDuring = await page.evaluate(() => window.__playground?.tensors() ?? Number.NaN);
  await page.waitForFunction(() => ['done', 'error'].includes(window.__playground?.status() ?? ''), null, { timeout: 600_000 });
  const measured = await page.evaluate(() => {
    const hook = window.__playground;
    const times = hook?.progressTimes() ?? [];
    // From the first progress to the last: leaves out model building and warm-up.
    const first = times[0];
    const last = times.at(-1);
    const rate = first && last && last[0] > first[0] ? ((last[1] - first[1]) / (last[0] - first[0])) * 1000 : Number.NaN;
    return { samplesPerSec: rate, tensorsAfter: hook?.tensors() ?? Number.NaN };
  });
  const { longTasks, p95FrameGapMs } = await mainThreadBetween(page, since);
  return {
    ...measured,
    engine: await engineOf(page),
    longestTaskMs: Math.max(0, ...longTasks.map(([, duration]) => duration)),
    longTasks: longTasks.length,
    p95FrameGapMs,
    formReadyMs,
    tensorsDuring,
  };
}

export async function benchBrowser(
  log: (line: string) => void,
  experiments: readonly string[],
): Promise<{ rows: BrowserBenchRow[]; baselines: BaselineRow[] }> {
  const rows: BrowserBenchRow[] = [];
  const baselines: BaselineRow[] = [];
  await withServedApp(Number(process.env.BENCH_PORT ?? 4175), async (browser, baseUrl) => {
    for (const experiment of experiments) {
      // The naive way: model.fit on the main thread, on less work (it is slow).
      const baseline = await benchBaseline(browser, experiment, await benchValues(experiment, 'page', 1 / 5));
      log(`chromium ${experiment.padEnd(11)} baseline (fit on the main thread, ${baseline.backend}) ${baseline.samplesPerSec.toFixed(1)} samples/s${baseline.error ? ` (${baseline.error})` : ''}`);
      baselines.push(baseline);
      for (const requested of REQUESTED) {
        const page = await browser.newPage();
        await watchMainThread(page);
        // "auto" trains on the fused engine wherever it supports the model: give it the same work.
        const fused = requested === 'fused' || (requested === 'auto' && fusedSupported(experiment));
        const result = await runOne(page, `${baseUrl}/?exp=${experiment}&${workQuery(experiment, fused ? 'fused' : 'page')}&backend=${requested}`);
        await page.close();
        log(`chromium ${experiment.padEnd(11)} ${requested.padEnd(7)} → ${result.engine.padEnd(14)} ${result.samplesPerSec.toFixed(0)} samples/s, longest task ${result.longestTaskMs.toFixed(0)} ms`);
        rows.push({ experiment, requested, ...result });
      }
    }
  });
  return { rows, baselines };
}
