import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run';
import { createRng, createStreams } from '../../engine/random';
import { summarize } from '../../engine/summary';
import { buildModel } from '../../engine/tfjs/buildModel';
import { TfjsModel } from '../../engine/tfjs/tfjsModel';
import { runExperiment } from '../../engine/train';
import { defaultValues } from '../params';
import type { Predict } from '../types';
import { resolveRawValues, resolveValues } from '../values';
import { signalBatch } from './data';
import { EVALUATION_LOOPS } from '../forecastScores';
import { PREVIEW_TAIL, problemOf, signalsExperiment, type SignalsValues } from './experiment';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults: SignalsValues = defaultValues(signalsExperiment.params);

/** Answers every row with its last input value, `output` times: the naive forecast. */
function repeatLast(output: number): Predict {
  return async (x, [rows = 0, length = 0] = []) => {
    const out = new Float32Array(rows * output);
    for (let r = 0; r < rows; r++) out.fill(x[(r + 1) * length - 1] ?? 0, r * output, (r + 1) * output);
    return out;
  };
}

function countParams(values: SignalsValues): number {
  const model = buildModel(signalsExperiment.model(values), createRng('count'));
  const count = model.countParams();
  model.dispose();
  return count;
}

describe('signals experiment', () => {
  it('the default model is the damped sine’s stack: LSTM(20, sequences) → LSTM(20) → Dense(5), 5,145 parameters', () => {
    const spec = signalsExperiment.model(defaults);
    expect(spec.inputShape).toEqual([50, 1]);
    expect(spec.loss).toBe('meanAbsoluteError');
    expect(summarize(spec).rows.map((r) => [r.outputShape, r.params])).toEqual([
      [[null, 50, 20], 1760],
      [[null, 20], 3280],
      [[null, 5], 105],
    ]);
    expect(countParams(defaults)).toBe(5145);
    // One layer of 8 units forecasting 1 step: 4·8·(1 + 8 + 1) + 9 = 329.
    const small = { ...defaults, layers: 1, units: 8, output: 1 };
    expect(summarize(signalsExperiment.model(small)).totalParams).toBe(329);
    expect(countParams(small)).toBe(329);
    // The waveform, the noise and the horizon change the data, never the model.
    expect(summarize(signalsExperiment.model({ ...defaults, shape: 'walk', noise: 0.5, horizon: 200 })).totalParams).toBe(5145);
  });

  it('plan and batches: 10,000 fresh signals in batches of 10; shapes from the length and forecast knobs', () => {
    expect(signalsExperiment.plan(defaults)).toEqual({ optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 10, totalSamples: 10_000 });
    const batches = [...signalsExperiment.batches({ ...defaults, samples: 25, length: 12, output: 3 }, createStreams(1))];
    expect(batches.map((b) => [b.xShape, b.yShape])).toEqual([
      [[10, 12, 1], [10, 3]],
      [[10, 12, 1], [10, 3]],
      [[5, 12, 1], [5, 3]],
    ]);
    // The first batch is the data stream's first signals.
    expect(batches[0]?.x).toEqual(signalBatch(problemOf({ ...defaults, length: 12, output: 3 }), createStreams(1).data, 10).x);
  });

  it('the waveform and every knob come from a link or the command line; a wrong waveform is refused with the choices', () => {
    const { values, warnings } = resolveRawValues(signalsExperiment, new Map([['shape', 'Square'], ['noise', '0.2'], ['horizon', '30']]));
    expect(values).toMatchObject({ shape: 'square', noise: 0.2, horizon: 30 });
    expect(warnings).toEqual([]);
    const wrong = resolveRawValues(signalsExperiment, new Map([['shape', 'triangle']]));
    expect(wrong.values.shape).toBe('sine');
    expect(wrong.warnings[0]).toContain('is not one of sine, square, sawtooth, sinc, sines, walk');
    const ranges = resolveValues(signalsExperiment, { ...defaults, pmin: 30, pmax: 12, amin: 2, amax: 1 });
    expect(ranges.values).toMatchObject({ pmin: 12, pmax: 12, amin: 1, amax: 1 });
    expect(ranges.warnings).toHaveLength(2);
  });

  it('evaluation of the naive model: MAE = baseline, and its closed loop is exactly the naive forecast over the horizon', async () => {
    const values = { ...defaults, shape: 'sawtooth' as const, horizon: 20 };
    const { metrics } = await signalsExperiment.evaluate(values, repeatLast(5), createRng('eval'));
    expect(metrics.mae).toBe(metrics.baseline);
    // The loops on the first 100 of the 1,000 signals: the naive forecast by hand.
    const long = signalBatch(problemOf(values), createRng('eval'), EVALUATION_LOOPS, 70);
    let flat = 0;
    for (let r = 0; r < EVALUATION_LOOPS; r++) {
      for (let h = 0; h < 20; h++) flat += Math.abs((long.noisy[r * 70 + 49] ?? 0) - (long.noisy[r * 70 + 50 + h] ?? 0));
    }
    expect(metrics.naiveMae).toBeCloseTo(flat / (20 * EVALUATION_LOOPS), 9);
    expect(metrics.closedMae).toBe(metrics.naiveMae);
    // The open loop reads the truth every 5 steps, so it is nearer than repeating one value for 20 steps.
    expect(metrics.openMae).toBeLessThan(metrics.naiveMae ?? 0);
    expect(metrics.naiveMae).toBeGreaterThan(0.2);
  });

  it('preview: the first preview signal with both continuations, errors by horizon over the preview signals', async () => {
    const values = { ...defaults, horizon: 12 };
    const preview = await signalsExperiment.preview(values, repeatLast(5), createRng('preview'));
    // 3 blocks of 5, each re-reading 50 steps, open and closed: 300 steps a signal, 3 signals in 1,000.
    const batch = signalBatch(problemOf(values), createRng('preview'), 3, 62);
    const signal = Array.from(batch.noisy.subarray(0, 62));
    expect(preview.row).toEqual(batch.rows[0]);
    expect(preview.continuation.inputStart).toBe(50 - PREVIEW_TAIL);
    expect(preview.continuation.input).toEqual(signal.slice(0, 50));
    expect(preview.continuation.truth).toEqual(signal.slice(50));
    expect(preview.continuation.closed).toEqual(new Array(12).fill(signal[49]));
    expect(preview.continuation.open.slice(5, 10)).toEqual(new Array(5).fill(signal[54]));
    expect(preview.continuation.clean).toBeUndefined();
    expect(preview.errors.series).toBe(3);
    expect(preview.errors.closed).toHaveLength(12);
    expect(preview.errors.closed).toEqual(preview.errors.naive);
    // The open loop's first block reads the input window, as the naive forecast does; its later blocks read the truth.
    expect(preview.errors.open.slice(0, 5)).toEqual(preview.errors.naive.slice(0, 5));
    expect(preview.errors.open.slice(5)).not.toEqual(preview.errors.naive.slice(5));

    const noisy = await signalsExperiment.preview({ ...values, noise: 0.1 }, repeatLast(5), createRng('preview'));
    expect(noisy.row).toEqual(preview.row);
    expect(noisy.continuation.clean).toEqual(Array.from(batch.clean.subarray(50, 62)));
    expect(noisy.continuation.truth).not.toEqual(preview.continuation.truth);
  });

  it('training in Node lowers the loss and the closed loop forecasts a sine better than repeating the last value', async () => {
    const values: SignalsValues = { ...defaults, length: 20, horizon: 10, layers: 1, units: 16, samples: 1500, bs: 10, lr: 0.01 };
    const losses: number[] = [];
    const { outcome, model } = await runExperiment({
      experiment: signalsExperiment,
      values,
      seed: 3,
      createModel: (spec, optimizer, rng) => new TfjsModel(spec, optimizer, rng),
      hooks: { onStep: (point) => losses.push(point.values[0] ?? Number.NaN) },
    });
    model.dispose();
    expect(outcome.status).toBe('completed');
    expect(losses).toHaveLength(150);
    const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
    expect(mean(losses.slice(-20))).toBeLessThan(0.5 * mean(losses.slice(0, 5)));
    const metrics = outcome.evaluation?.metrics ?? {};
    expect(metrics.mae).toBeLessThan(metrics.baseline ?? 0);
    expect(metrics.closedMae).toBeLessThan(metrics.naiveMae ?? 0);
    expect(metrics.openMae).toBeLessThanOrEqual((metrics.closedMae ?? 0) * 1.05);
  });

  it('the CLI: npm run experiment -- signals --shape square', async () => {
    const result = await runCli(['signals', '--shape', 'square', '--samples', '200', '--length', '16', '--horizon', '8', '--backend', 'fused', '--seed', '5']);
    expect(result.params).toMatchObject({ shape: 'square', samples: 200, length: 16, horizon: 8 });
    expect(result.engine).toBe('fused');
    expect(result.paramCount).toBe(4 * 20 * 22 + 4 * 20 * 41 + 21 * 5);
    expect(result.samplesSeen).toBe(200);
    expect(Object.keys(result.evaluation ?? {}).sort()).toEqual(['baseline', 'closedMae', 'mae', 'naiveMae', 'openMae']);
    for (const value of Object.values(result.evaluation ?? {})) expect(Number.isFinite(value)).toBe(true);
  });
});
