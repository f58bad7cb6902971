import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainable } from '../../engine/engines';
import { createRng } from '../../engine/random';
import { summarize } from '../../engine/summary';
import { runExperiment } from '../../engine/train';
import { defaultValues } from '../params';
import { resolveValues } from '../values';
import type { Predict } from '../types';
import { echoPartialExperiment, echoWholeExperiment } from './experiment';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Answers the first `out` input values of each window (an oracle), or value 0 everywhere. */
function echoingPredict(out: number, features: number, right = true): Predict {
  return async (x, xShape) => {
    const [rows = 0, window = 0] = xShape;
    const y = new Float32Array(rows * out * features);
    for (let r = 0; r < rows; r++) {
      for (let t = 0; t < out; t++) {
        const value = right ? x.subarray((r * window + t) * features, (r * window + t + 1) * features).indexOf(1) : 0;
        y[(r * out + t) * features + value] = 1;
      }
    }
    return y;
  };
}

describe('sequence echo experiments', () => {
  it('whole: stateful LSTM(20, returnSequences) with batch input shape (7, 5, 100) → TimeDistributed(Dense(100, softmax))', () => {
    const values = defaultValues(echoWholeExperiment.params);
    const spec = echoWholeExperiment.model(values);
    expect(spec).toMatchObject({ inputShape: [5, 100], batchSize: 7 });
    expect(summarize(spec).totalParams).toBe(4 * (20 * (100 + 20) + 20) + (20 * 100 + 100));
    expect(echoWholeExperiment.plan(values)).toMatchObject({ batchSize: 7, totalSamples: 500 * 21 });
  });

  it('partial: stateful encoder-decoder LSTM(150) → RepeatVector(2) → LSTM(150) → TimeDistributed(Dense(100)), batch 21', () => {
    const values = defaultValues(echoPartialExperiment.params);
    const spec = echoPartialExperiment.model(values);
    expect(spec).toMatchObject({ inputShape: [5, 100], batchSize: 21 });
    const lstm = (input: number) => 4 * (150 * (input + 150) + 150);
    expect(summarize(spec).totalParams).toBe(lstm(100) + lstm(150) + (150 * 100 + 100));
    expect(echoPartialExperiment.plan(values)).toMatchObject({ batchSize: 21, totalSamples: 5000 * 21 });
  });

  it('constraints: a stateful batch size must divide the windows; whole echo echoes the whole window', () => {
    const whole = resolveValues(echoWholeExperiment, { ...defaultValues(echoWholeExperiment.params), bs: 8, window: 6 });
    expect(whole.values).toMatchObject({ bs: 5, out: 6 });
    expect(whole.warnings.join(' ')).toContain('batch size 8 does not divide the 20 windows; using 5');
    const stateless = resolveValues(echoWholeExperiment, { ...defaultValues(echoWholeExperiment.params), bs: 10, stateful: false });
    expect(stateless.values.bs).toBe(10);
    const partial = resolveValues(echoPartialExperiment, { ...defaultValues(echoPartialExperiment.params), out: 9 });
    expect(partial.values.out).toBe(5);
  });

  it('evaluation: an oracle scores 1, a constant answer about 1/100; predictions come in the stateful batch size, each sequence from zero state', async () => {
    const values = defaultValues(echoPartialExperiment.params);
    const calls: number[] = [];
    let resets = 0;
    const oracle = echoingPredict(2, 100);
    const predict: Predict = (x, shape) => {
      calls.push(shape[0] ?? 0);
      return oracle(x, shape);
    };
    expect(await echoPartialExperiment.evaluate(values, predict, createRng('e'), () => resets++)).toEqual({ metrics: { accuracy: 1, windows: 1 } });
    expect(new Set(calls)).toEqual(new Set([21]));
    expect(resets).toBe(2 * 20);
    const wrong = await echoPartialExperiment.evaluate(values, echoingPredict(2, 100, false), createRng('e'));
    expect(wrong.metrics.accuracy).toBeLessThan(0.05);
    const preview = await echoWholeExperiment.preview(defaultValues(echoWholeExperiment.params), echoingPredict(5, 100), createRng('p'));
    expect(preview.windows).toHaveLength(21);
    expect(preview.windows[3]?.predicted).toEqual(preview.sequence.slice(3, 8));
  });

  it('the whole echo trains to 100% on the fused engine (default settings, seed 1)', async () => {
    const { outcome, model } = await runExperiment({
      experiment: echoWholeExperiment,
      values: defaultValues(echoWholeExperiment.params),
      seed: 1,
      createModel: (spec, optimizer, rng) => createTrainable('fused', spec, optimizer, rng),
    });
    model.dispose();
    expect(outcome.evaluation?.metrics.accuracy).toBe(1);
  });

  it('the partial echo trains statefully on TF.js (a short run lowers the loss)', async () => {
    const losses: number[] = [];
    const { outcome, model } = await runExperiment({
      experiment: echoPartialExperiment,
      values: resolveValues(echoPartialExperiment, { ...defaultValues(echoPartialExperiment.params), features: 10, window: 4, out: 1, units: 16, epochs: 80, lr: 0.01 }).values,
      seed: 1,
      createModel: (spec, optimizer, rng) => createTrainable('tfjs', spec, optimizer, rng),
      hooks: { onStep: (p) => losses.push(p.values[0] ?? Number.NaN) },
    });
    model.dispose();
    expect(outcome.status).toBe('completed');
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(losses.slice(-5))).toBeLessThan(mean(losses.slice(0, 5)) - 0.1);
  });
});
