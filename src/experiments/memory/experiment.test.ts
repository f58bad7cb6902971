import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainable } from '../../engine/engines';
import { summarize } from '../../engine/summary';
import { runExperiment } from '../../engine/train';
import { defaultValues } from '../params';
import type { Predict } from '../types';
import { memoryExperiment, predictSequences, scoreTable, type MemoryValues } from './experiment';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults: MemoryValues = defaultValues(memoryExperiment.params);

/**
 * A stand-in stateful model that remembers the first symbol it saw since the last reset and
 * answers the true next symbol; `forget` makes it answer 3 after a 2 whatever came first.
 */
function rememberingModel(forget = false): { predict: Predict; resetStates: () => void } {
  let first = -1;
  const next: Record<number, number> = { 0: 1, 1: 2 };
  return {
    resetStates: () => (first = -1),
    predict: async (x, xShape) => {
      const steps = xShape[1] ?? 1;
      const out = new Float32Array(steps * 5);
      for (let t = 0; t < steps; t++) {
        const symbol = Array.from(x.subarray(t * 5, t * 5 + 5)).indexOf(1);
        if (first < 0) first = symbol;
        const answer = symbol === 2 ? (forget ? 3 : first) : symbol >= 3 ? 0 : (next[symbol] ?? 0);
        out[t * 5 + answer] = 0.9;
      }
      return out;
    },
  };
}

describe('memory demonstration', () => {
  it('the reference model: stateful LSTM(20) with batch input shape (1, 1, 5) → Dense(5, sigmoid), 2,185 parameters', () => {
    const spec = memoryExperiment.model(defaults);
    expect(spec).toMatchObject({ inputShape: [1, 5], batchSize: 1, loss: 'binaryCrossentropy' });
    expect(spec.layers[0]).toMatchObject({ type: 'lstm', units: 20, stateful: true });
    expect(summarize(spec).totalParams).toBe(4 * (20 * (5 + 20) + 20) + (20 * 5 + 5));
    expect(memoryExperiment.plan(defaults)).toEqual({ optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 1, totalSamples: 2000 });
    expect([...memoryExperiment.batches(defaults, undefined as never)]).toHaveLength(2000);
  });

  it('scores every step and the two conflicting ones, reading each sequence from zero state', async () => {
    const remembering = rememberingModel();
    const table = await predictSequences('stateful', remembering.predict, remembering.resetStates);
    expect(table.map((steps) => steps.map((s) => `${s.x}→${s.predicted}`).join(' '))).toEqual(['3→0 0→1 1→2 2→3', '4→0 0→1 1→2 2→4']);
    expect(scoreTable(table)).toEqual({ steps: 1, conflict: 1 });
    const forgetful = rememberingModel(true);
    expect(scoreTable(await predictSequences('stateful', forgetful.predict, forgetful.resetStates))).toEqual({ steps: 7 / 8, conflict: 0.5 });
    // Without resets between sequences the stand-in carries sequence 1's first symbol into sequence 2.
    const unreset = rememberingModel();
    expect(scoreTable(await predictSequences('stateful', unreset.predict)).conflict).toBe(0.5);
  });

  it('the whole-sequence model reads both sequences in one call each', async () => {
    const remembering = rememberingModel();
    const calls: number[][] = [];
    const predict: Predict = (x, xShape) => {
      calls.push(xShape);
      return remembering.predict(x, xShape);
    };
    expect(scoreTable(await predictSequences('sequence', predict, remembering.resetStates))).toEqual({ steps: 1, conflict: 1 });
    expect(calls).toEqual([
      [1, 4, 5],
      [1, 4, 5],
    ]);
  });

  async function train(values: MemoryValues, seed: number) {
    const { outcome, model } = await runExperiment({
      experiment: memoryExperiment,
      values,
      seed,
      createModel: (spec, optimizer, rng) => createTrainable('fused', spec, optimizer, rng),
    });
    model.dispose();
    return outcome.evaluation?.metrics ?? {};
  }

  it('trained (fused engine, 250 epochs): the unambiguous steps are learned in every mode; stateless never gets both conflicting steps', async () => {
    for (const mode of ['stateful', 'sequence', 'stateless'] as const) {
      for (const seed of [1, 2]) {
        const metrics = await train({ ...defaults, mode }, seed);
        expect(metrics.steps, `${mode}, seed ${seed}`).toBeGreaterThanOrEqual(7 / 8);
        if (mode === 'stateless') expect(metrics.conflict, `${mode}, seed ${seed}`).toBe(0.5);
      }
    }
  });
});
