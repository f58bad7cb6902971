/**
 * The baseline of `npm run bench`: the same work done the naive way — the
 * experiment's default model trained with TF.js' `model.fit` and its default
 * options, on the main thread of a blank page in headless Chromium, on the
 * backend TF.js picks by itself. Its samples/s and longest main-thread task.
 */
import type { Browser } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { createStreams } from '../src/engine/random';
import { TfjsModel } from '../src/engine/tfjs/tfjsModel';
import type { AnyParamValues } from '../src/experiments/types';
import { findExperiment } from '../src/experiments/registry';

export interface BaselineRow {
  experiment: string;
  backend: string;
  samples: number;
  samplesPerSec: number;
  longestTaskMs: number;
  /** Why it could not run, when it could not. */
  error?: string;
}

const TF_SCRIPT = createRequire(import.meta.url).resolve('@tensorflow/tfjs/dist/tf.min.js');

/** The model as Keras JSON with its weights (initialisers the browser bundle lacks become zeros: the weights are set anyway). */
function modelAndData(experimentId: string, values: AnyParamValues) {
  const experiment = findExperiment(experimentId);
  if (!experiment) throw new Error(experimentId);
  const plan = experiment.plan(values);
  const streams = createStreams(1);
  const spec = experiment.model(values);
  const reference = new TfjsModel(spec, plan.optimizer, streams.init);
  const topology = JSON.stringify(reference.model.toJSON(null, false)).replace(/"class_name":"QuietOrthogonal","config":\{[^}]*\}/g, '"class_name":"Zeros","config":{}');
  const weights = reference.model.getWeights().map((w) => ({ shape: w.shape, values: Array.from(w.dataSync()) }));
  reference.dispose();
  const xs: number[] = [];
  const ys: number[] = [];
  let rows = 0;
  let xShape: number[] = [];
  let yShape: number[] = [];
  for (const batch of experiment.batches(values, streams)) {
    // Not push(...batch.x): a batch of videos has millions of values, past the call stack's limit on arguments.
    for (const value of batch.x) xs.push(value);
    for (const value of batch.y) ys.push(value);
    rows += batch.xShape[0] ?? 0;
    xShape = batch.xShape.slice(1);
    yShape = batch.yShape.slice(1);
  }
  return { topology, weights, x: xs, y: ys, xShape: [rows, ...xShape], yShape: [rows, ...yShape], batchSize: plan.batchSize, optimizer: plan.optimizer, loss: spec.loss, metrics: spec.metrics };
}

/** `values`: the experiment's with the amount of work (bench/work.ts). */
export async function benchBaseline(browser: Browser, experimentId: string, values: AnyParamValues): Promise<BaselineRow> {
  const page = await browser.newPage();
  try {
    await tf.setBackend('cpu');
    const job = modelAndData(experimentId, values);
    await page.goto('about:blank');
    await page.addScriptTag({ path: TF_SCRIPT });
    const result = await page.evaluate(async (job) => {
      // The page's own global TF.js (tf.min.js): typed loosely on purpose, it is not this module's import.
      const tfg = (window as unknown as { tf: typeof import('@tensorflow/tfjs') }).tf;
      const longTasks: number[] = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask' });
      await tfg.ready();
      const model = await tfg.models.modelFromJSON(JSON.parse(job.topology));
      model.setWeights(job.weights.map((w) => tfg.tensor(w.values, w.shape)));
      const { name, learningRate, momentum } = job.optimizer;
      const optimizer =
        name === 'adam' ? tfg.train.adam(learningRate) : name === 'rmsprop' ? tfg.train.rmsprop(learningRate) : name === 'adagrad' ? tfg.train.adagrad(learningRate) : momentum ? tfg.train.momentum(learningRate, momentum) : tfg.train.sgd(learningRate);
      model.compile({ optimizer, loss: job.loss, metrics: job.metrics.length ? ['accuracy'] : [] });
      const x = tfg.tensor(job.x, job.xShape);
      const y = tfg.tensor(job.y, job.yShape);
      const start = performance.now();
      await model.fit(x, y, { batchSize: job.batchSize, epochs: 1 });
      const seconds = (performance.now() - start) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { backend: tfg.getBackend(), rate: (job.xShape[0] ?? 0) / seconds, longest: Math.max(0, ...longTasks) };
    }, job);
    return { experiment: experimentId, backend: result.backend, samples: job.xShape[0] ?? Number.NaN, samplesPerSec: result.rate, longestTaskMs: result.longest };
  } catch (error) {
    return { experiment: experimentId, backend: '–', samples: Number.NaN, samplesPerSec: Number.NaN, longestTaskMs: Number.NaN, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    await page.close();
  }
}
