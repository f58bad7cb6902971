import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../engine/tfjs/buildModel';
import { TfjsModel } from '../../engine/tfjs/tfjsModel';
import { createRng, createStreams } from '../../engine/random';
import { summarize } from '../../engine/summary';
import { runExperiment } from '../../engine/train';
import { defaultValues } from '../params';
import type { Predict } from '../types';
import { resolveValues } from '../values';
import { sineBatch } from './data';
import { meanAbsoluteError } from '../closedLoop';
import { EVALUATION_LOOPS } from '../forecastScores';
import { sineExperiment, type SineValues } from './experiment';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults: SineValues = defaultValues(sineExperiment.params);
const problem = { length: 50, output: 5, periodMin: 10, periodMax: 20, decayMin: 0.01, decayMax: 0.1 };

function countParams(values: SineValues): number {
  const model = buildModel(sineExperiment.model(values), createRng('count'));
  const count = model.countParams();
  model.dispose();
  return count;
}

/** Answers every row with one value repeated `output` times. */
function constantPredict(answer: (x: Float32Array, row: number, length: number) => number, output: number): Predict {
  return async (x, xShape) => {
    const [rows = 0, length = 0] = xShape;
    const out = new Float32Array(rows * output);
    for (let r = 0; r < rows; r++) out.fill(answer(x, r, length), r * output, (r + 1) * output);
    return out;
  };
}

describe('sine experiment', () => {
  it('the reference model: LSTM(20, returnSequences) → LSTM(20) → Dense(5, linear), 1,760 + 3,280 + 105 = 5,145', () => {
    const spec = sineExperiment.model(defaults);
    expect(spec.inputShape).toEqual([50, 1]);
    expect(spec.loss).toBe('meanAbsoluteError');
    const summary = summarize(spec);
    expect(summary.rows.map((r) => [r.name, r.outputShape, r.params])).toEqual([
      ['lstm', [null, 50, 20], 1760],
      ['lstm_1', [null, 20], 3280],
      ['dense', [null, 5], 105],
    ]);
    expect(summary.totalParams).toBe(5145);
    expect(countParams(defaults)).toBe(5145);
  });

  it('depth 1 to 4 with units per layer: summary and TF.js agree', () => {
    const cases: [Partial<SineValues>, number][] = [
      [{ layers: 1 }, 1760 + 105],
      [{ layers: 3, units3: 8 }, 1760 + 3280 + 4 * 8 * (20 + 8 + 1) + 9 * 5],
      [{ layers: 4, units: 4, units2: 3, units3: 2, units4: 6, output: 7 }, 4 * 4 * 6 + 4 * 3 * 8 + 4 * 2 * 6 + 4 * 6 * 9 + 7 * 7],
    ];
    for (const [patch, expected] of cases) {
      const values = { ...defaults, ...patch };
      const spec = sineExperiment.model(values);
      expect(spec.layers).toHaveLength(values.layers + 1);
      expect(summarize(spec).totalParams).toBe(expected);
      expect(countParams(values)).toBe(expected);
    }
    // Units of layers beyond the depth do not count.
    expect(summarize(sineExperiment.model({ ...defaults, units3: 99, units4: 99 })).totalParams).toBe(5145);
  });

  it('the reference plan: 10,000 samples in batches of 10 with Adam', () => {
    expect(sineExperiment.plan(defaults)).toEqual({ optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 10, totalSamples: 10_000 });
    const batches = [...sineExperiment.batches({ ...defaults, samples: 25, bs: 10 }, createStreams(1))];
    expect(batches.map((b) => b.xShape)).toEqual([
      [10, 50, 1],
      [10, 50, 1],
      [5, 50, 1],
    ]);
    expect(batches.map((b) => b.yShape)).toEqual([
      [10, 5],
      [10, 5],
      [5, 5],
    ]);
  });

  it('evaluation: MAE on 1,000 fresh waves, and the repeat-the-last-value baseline', async () => {
    const fresh = sineBatch(problem, createRng('eval'), 1000);
    const half = await sineExperiment.evaluate(defaults, constantPredict(() => 0.5, 5), createRng('eval'));
    expect(half.metrics.mae).toBeCloseTo(meanAbsoluteError(fresh.y, new Float32Array(5000).fill(0.5)), 6);
    expect(half.metrics.mae).toBeGreaterThan(0.01);
    const repeat = await sineExperiment.evaluate(defaults, constantPredict((x, r, length) => x[(r + 1) * length - 1] ?? 0, 5), createRng('eval'));
    expect(repeat.metrics.mae).toBe(repeat.metrics.baseline);
    expect(repeat.metrics.baseline).toBe(half.metrics.baseline);
    expect(repeat.metrics.mae).not.toBe(half.metrics.mae);
  });

  it('meanAbsoluteError on a hand-checked case', () => {
    expect(meanAbsoluteError([0, 1, 0.5, 0.25], [1, 1, 0, 0.5])).toBe((1 + 0 + 0.5 + 0.25) / 4);
  });

  it('preview: the input tail, the true and the predicted forecast', async () => {
    const preview = await sineExperiment.preview(defaults, constantPredict(() => 0.25, 5), createRng('preview'));
    const wave = sineBatch(problem, createRng('preview'), 1);
    expect(preview.tailStart).toBe(25);
    expect(preview.tail).toEqual(Array.from(wave.x.subarray(25)));
    expect(preview.expected).toEqual(Array.from(wave.y));
    expect(preview.predicted).toEqual([0.25, 0.25, 0.25, 0.25, 0.25]);
    expect(preview.period).toBe(wave.periods[0]);
    const short = await sineExperiment.preview({ ...defaults, length: 8 }, constantPredict(() => 0.25, 5), createRng('preview'));
    expect(short.tailStart).toBe(0);
    expect(short.tail).toHaveLength(8);
  });

  it('closed loop in the evaluation: a model repeating its last input is flat over the horizon, its open loop reads the truth', async () => {
    const values = { ...defaults, horizon: 12 };
    const repeat = constantPredict((x, r, length) => x[(r + 1) * length - 1] ?? 0, 5);
    const { metrics } = await sineExperiment.evaluate(values, repeat, createRng('eval'));
    // The first 100 of the same 1,000 waves, run on to 12 steps: repeating the last input value 12 times, by hand.
    expect(EVALUATION_LOOPS).toBe(100);
    const long = sineBatch({ ...problem, output: 12 }, createRng('eval'), 100);
    let flat = 0;
    for (let r = 0; r < 100; r++) {
      const last = long.x[(r + 1) * 50 - 1] ?? 0;
      for (let h = 0; h < 12; h++) flat += Math.abs(last - (long.y[r * 12 + h] ?? 0));
    }
    expect(metrics.closedMae).toBeCloseTo(flat / 1200, 9);
    expect(metrics.openMae).toBeLessThan(metrics.closedMae ?? 0);
    // The 5-step metrics are those of the first 5 steps, unchanged by the horizon.
    expect(metrics.mae).toBe((await sineExperiment.evaluate(defaults, repeat, createRng('eval'))).metrics.mae);
  });

  it('preview: the shown wave continued for the horizon, errors by horizon over the waves the budget affords', async () => {
    // Horizon 10: 2 blocks of 5, each re-reading 50 steps, open and closed: 200 steps a wave, 5 waves in 1,000.
    const values = { ...defaults, horizon: 10 };
    const preview = await sineExperiment.preview(values, constantPredict(() => 0.25, 5), createRng('preview'));
    const wave = sineBatch({ ...problem, output: 10 }, createRng('preview'), 5);
    expect(preview.continuation.input).toEqual(Array.from(wave.x.subarray(25, 50)));
    expect(preview.continuation.truth).toEqual(Array.from(wave.y.subarray(0, 10)));
    expect(preview.expected).toEqual(Array.from(wave.y.subarray(0, 5)));
    expect(preview.continuation.open).toEqual(new Array(10).fill(0.25));
    expect(preview.continuation.closed).toEqual(new Array(10).fill(0.25));
    expect(preview.errors.series).toBe(5);
    expect(preview.errors.open).toHaveLength(10);
    // Step 1's error over the 5 waves, by hand.
    let first = 0;
    for (let r = 0; r < 5; r++) first += Math.abs((wave.y[r * 10] ?? 0) - 0.25);
    expect(preview.errors.closed[0]).toBeCloseTo(first / 5, 6);
    // A long horizon: the shown wave only.
    expect((await sineExperiment.preview({ ...defaults, horizon: 100 }, constantPredict(() => 0.25, 5), createRng('preview'))).errors.series).toBe(1);
    // A horizon shorter than the forecast: the 5 forecast values are still all there.
    const short = await sineExperiment.preview({ ...defaults, horizon: 2 }, constantPredict(() => 0.25, 5), createRng('preview'));
    expect(short.predicted).toHaveLength(5);
    expect(short.continuation.closed).toEqual([0.25, 0.25]);
  });

  it('constrain orders the period and decay ranges', () => {
    expect(sineExperiment.constrain?.(defaults)).toEqual({ values: defaults, notes: [] });
    const fixed = resolveValues(sineExperiment, { pmin: 30, pmax: 12, dmin: 0.5, dmax: 0.2 });
    expect(fixed.values).toMatchObject({ pmin: 12, pmax: 12, dmin: 0.2, dmax: 0.2 });
    expect(fixed.warnings).toHaveLength(2);
  });

  it('training in Node lowers the loss', async () => {
    const values: SineValues = { ...defaults, length: 12, samples: 400, bs: 10, lr: 0.01 };
    const losses: number[] = [];
    const { outcome, model } = await runExperiment({
      experiment: sineExperiment,
      values,
      seed: 2,
      createModel: (spec, optimizer, rng) => new TfjsModel(spec, optimizer, rng),
      hooks: { onStep: (point) => losses.push(point.values[0] ?? Number.NaN) },
    });
    model.dispose();
    expect(outcome.status).toBe('completed');
    expect(outcome.samplesSeen).toBe(400);
    expect(losses).toHaveLength(40);
    const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
    // MAE starts near 0.5 (outputs near 0, targets near 0.5) and falls as the outputs find the wave.
    expect(losses[0]).toBeGreaterThan(0.3);
    expect(mean(losses.slice(-10))).toBeLessThan(0.5 * (losses[0] ?? 0));
    expect(outcome.evaluation?.metrics.mae).toBeLessThan(0.2);
  });
});
