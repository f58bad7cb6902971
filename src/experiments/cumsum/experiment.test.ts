import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MergeMode } from '../../engine/modelSpec';
import { createRng, createStreams } from '../../engine/random';
import { summarize } from '../../engine/summary';
import { buildModel } from '../../engine/tfjs/buildModel';
import { defaultValues } from '../params';
import type { Predict } from '../types';
import { cumsumLabels } from './data';
import { cumsumExperiment, type CumsumValues, type Direction } from './experiment';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults: CumsumValues = defaultValues(cumsumExperiment.params);

/** Answers with the true labels of each row (from its inputs), laid out in time order or reversed. */
function oraclePredict(reversed: boolean, flip: (row: number, step: number) => boolean = () => false): Predict {
  return async (x, xShape) => {
    const [rows = 0, length = 0] = xShape;
    const out = new Float32Array(rows * length);
    for (let r = 0; r < rows; r++) {
      const labels = cumsumLabels(Array.from(x.subarray(r * length, (r + 1) * length)));
      const probabilities = labels.map((label, t) => (flip(r, t) ? 1 - label : label) * 0.8 + 0.1);
      out.set(reversed ? probabilities.reverse() : probabilities, r * length);
    }
    return out;
  };
}

describe('cumsum model sizes', () => {
  const built: tf.Sequential[] = [];
  afterAll(() => built.forEach((model) => model.dispose()));

  const cases: [string, Partial<CumsumValues>, number, number[]][] = [
    ['bidirectional concat (the default): 20,800 + 101', {}, 20_901, [20_800, 101]],
    ['bidirectional sum: 20,800 + 51', { merge: 'sum' }, 20_851, [20_800, 51]],
    ['bidirectional mul: 20,800 + 51', { merge: 'mul' }, 20_851, [20_800, 51]],
    ['bidirectional ave: 20,800 + 51', { merge: 'ave' }, 20_851, [20_800, 51]],
    ['forward: 10,400 + 51', { dir: 'forward' }, 10_451, [10_400, 51]],
    ['backward: 10,400 + 51', { dir: 'backward' }, 10_451, [10_400, 51]],
  ];

  it.each(cases)('%s, in the summary and in TF.js', (_name, patch, total, perLayer) => {
    const spec = cumsumExperiment.model({ ...defaults, ...patch });
    const summary = summarize(spec);
    expect(summary.rows.map((r) => r.params)).toEqual(perLayer);
    expect(summary.totalParams).toBe(total);
    expect(summary.rows.at(-1)?.outputShape).toEqual([null, 10, 1]);
    const model = buildModel(spec, createRng('cumsum'));
    built.push(model);
    expect(model.countParams()).toBe(total);
    model.layers.forEach((layer, i) => expect(layer.outputShape).toEqual(summary.rows[i]?.outputShape));
  });

  it('the layer each direction uses, and the reference plan', () => {
    const layer = (dir: Direction, merge: MergeMode = 'concat') => cumsumExperiment.model({ ...defaults, dir, merge }).layers[0];
    expect(layer('bidirectional', 'ave')).toEqual({ type: 'bidirectional', mergeMode: 'ave', layer: { type: 'lstm', units: 50, returnSequences: true } });
    expect(layer('forward')).toEqual({ type: 'lstm', units: 50, returnSequences: true });
    expect(layer('backward')).toEqual({ type: 'lstm', units: 50, returnSequences: true, goBackwards: true });
    expect(cumsumExperiment.model(defaults).loss).toBe('binaryCrossentropy');
    expect(cumsumExperiment.plan(defaults)).toEqual({ optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 10, totalSamples: 50_000 });
  });

  it('TF.js returns a backwards LSTM sequence last step first, which is why backward targets are reversed', () => {
    const spec = cumsumExperiment.model({ ...defaults, dir: 'backward', units: 4 });
    const model = buildModel(spec, createRng('order'));
    built.push(model);
    const run = (first: number) => tf.tidy(() => Array.from((model.predict(tf.tensor3d([[[first], ...new Array<number[]>(9).fill([0.5])]])) as tf.Tensor).dataSync()));
    const a = run(0.1);
    const b = run(0.9);
    // Changing the first value changes only the last output: the step at which the layer read it.
    expect(b.slice(0, 9)).toEqual(a.slice(0, 9));
    expect(b[9]).not.toBe(a[9]);
    const batch = cumsumExperiment.sampleBatch({ ...defaults, dir: 'backward' }, createRng('sample'), 1);
    expect(Array.from(batch.y)).toEqual([...cumsumLabels(Array.from(batch.x))].reverse());
  });
});

describe('cumsum evaluation and preview', () => {
  it('an oracle in the model order scores 1 in every direction', async () => {
    for (const dir of ['bidirectional', 'forward', 'backward'] as const) {
      const evaluation = await cumsumExperiment.evaluate({ ...defaults, dir }, oraclePredict(dir === 'backward'), createRng('eval'));
      expect(evaluation.metrics).toEqual({ accuracy: 1, sequences: 1 });
    }
    // Answers in time order are wrong for the backward layer's reversed outputs.
    const misread = await cumsumExperiment.evaluate({ ...defaults, dir: 'backward' }, oraclePredict(false), createRng('eval'));
    expect(misread.metrics.sequences).toBeLessThan(0.2);
  });

  it('per-step accuracy and whole sequences: one wrong step in every other sequence', async () => {
    const evaluation = await cumsumExperiment.evaluate(defaults, oraclePredict(false, (r, t) => r % 2 === 0 && t === 3), createRng('eval'));
    expect(evaluation.metrics.accuracy).toBeCloseTo(1 - 50 / 1000, 10);
    expect(evaluation.metrics.sequences).toBe(0.5);
  });

  it('preview: the values, running sums, threshold, and expected and predicted bits in time order', async () => {
    const preview = await cumsumExperiment.preview({ ...defaults, dir: 'backward' }, oraclePredict(true, (_r, t) => t === 9), createRng('preview'));
    expect(preview.values).toHaveLength(10);
    expect(preview.threshold).toBe(2.5);
    expect(preview.direction).toBe('backward');
    expect(preview.sums.at(-1)).toBeCloseTo(preview.values.reduce((s, v) => s + v, 0), 10);
    expect(preview.expected).toEqual(cumsumLabels(preview.values));
    expect(preview.predicted.slice(0, 9)).toEqual(preview.expected.slice(0, 9));
    expect(preview.predicted[9]).toBe(1 - (preview.expected[9] ?? 0));
    expect(preview.probabilities.map((p) => (p >= 0.5 ? 1 : 0))).toEqual(preview.predicted);
  });

  it('batches: samples in batches of bs, the last one smaller', () => {
    const batches = [...cumsumExperiment.batches({ ...defaults, samples: 25 }, createStreams(1))];
    expect(batches.map((b) => b.xShape)).toEqual([
      [10, 10, 1],
      [10, 10, 1],
      [5, 10, 1],
    ]);
  });
});
