import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoExperiment } from '../experiments/echo/experiment';
import { defaultValues } from '../experiments/params';
import type { ModelSpec } from './modelSpec';
import { createRng } from './random';
import { formatShape, lstmParams, ModelSpecError, outputShape, summarize } from './summary';
import { buildModel } from './tfjs/buildModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const base = { loss: 'meanSquaredError', metrics: [] } as const;

const stacked: ModelSpec = {
  ...base,
  inputShape: [50, 1],
  layers: [
    { type: 'lstm', units: 20, returnSequences: true },
    { type: 'lstm', units: 20 },
    { type: 'dense', units: 5, activation: 'linear' },
  ],
};

const bidirectional: ModelSpec = {
  ...base,
  inputShape: [10, 1],
  layers: [
    { type: 'bidirectional', mergeMode: 'concat', layer: { type: 'lstm', units: 50, returnSequences: true } },
    { type: 'timeDistributedDense', units: 1, activation: 'sigmoid' },
  ],
};

const encoderDecoder: ModelSpec = {
  loss: 'categoricalCrossentropy',
  metrics: ['accuracy'],
  inputShape: [8, 12],
  layers: [
    { type: 'lstm', units: 75 },
    { type: 'repeatVector', n: 2 },
    { type: 'lstm', units: 50, returnSequences: true },
    { type: 'timeDistributedDense', units: 12, activation: 'softmax' },
  ],
};

const bidirectionalSum: ModelSpec = {
  ...base,
  inputShape: [6, 3],
  layers: [
    { type: 'bidirectional', mergeMode: 'sum', layer: { type: 'lstm', units: 4 } },
    { type: 'dense', units: 2, activation: 'linear' },
  ],
};

const stateful: ModelSpec = {
  ...base,
  inputShape: [1, 1],
  batchSize: 1,
  layers: [
    { type: 'lstm', units: 10, stateful: true },
    { type: 'dense', units: 1, activation: 'linear' },
  ],
};

/** A stacked LSTM over a single timestep (TF.js has had trouble with returnSequences on one step). */
const singleStep: ModelSpec = {
  ...base,
  inputShape: [1, 2],
  layers: [
    { type: 'lstm', units: 4, returnSequences: true },
    { type: 'lstm', units: 3 },
    { type: 'dense', units: 1, activation: 'linear' },
  ],
};

describe('summarize', () => {
  it('the default echo model has 3,600 + 260 = 3,860 parameters', () => {
    const summary = summarize(echoExperiment.model(defaultValues(echoExperiment.params)));
    expect(summary.totalParams).toBe(3860);
    expect(summary.rows).toEqual([
      { name: 'lstm', kind: 'LSTM', outputShape: [null, 25], params: 3600 },
      { name: 'dense', kind: 'Dense', outputShape: [null, 10], params: 260 },
    ]);
  });

  it('stacked LSTM: 1,760 + 3,280 + 105 = 5,145', () => {
    const summary = summarize(stacked);
    expect(summary.rows.map((r) => [r.name, r.params, r.outputShape])).toEqual([
      ['lstm', 1760, [null, 50, 20]],
      ['lstm_1', 3280, [null, 20]],
      ['dense', 105, [null, 5]],
    ]);
    expect(summary.totalParams).toBe(5145);
  });

  it('bidirectional (concat) + TimeDistributed Dense: 20,800 + 101', () => {
    const summary = summarize(bidirectional);
    expect(summary.rows).toEqual([
      { name: 'bidirectional', kind: 'Bidirectional(LSTM)', outputShape: [null, 10, 100], params: 20_800 },
      { name: 'time_distributed', kind: 'TimeDistributed(Dense)', outputShape: [null, 10, 1], params: 101 },
    ]);
    expect(summary.totalParams).toBe(20_901);
  });

  it('encoder-decoder: 26,400 + 0 + 25,200 + 612', () => {
    const summary = summarize(encoderDecoder);
    expect(summary.rows.map((r) => [r.name, r.params, r.outputShape])).toEqual([
      ['lstm', 26_400, [null, 75]],
      ['repeat_vector', 0, [null, 2, 75]],
      ['lstm_1', 25_200, [null, 2, 50]],
      ['time_distributed', 612, [null, 2, 12]],
    ]);
    expect(summary.totalParams).toBe(52_212);
  });

  it('a fixed batch size shows in the shapes; sum merge keeps the width', () => {
    expect(summarize(stateful).rows.map((r) => r.outputShape)).toEqual([
      [1, 10],
      [1, 1],
    ]);
    expect(summarize(bidirectionalSum).rows.map((r) => [r.outputShape, r.params])).toEqual([
      [[null, 4], 2 * 4 * 4 * (3 + 4 + 1)],
      [[null, 2], 10],
    ]);
  });

  it('lstmParams, formatShape and outputShape', () => {
    expect(lstmParams(10, 25)).toBe(3600);
    expect(lstmParams(1, 50)).toBe(10_400);
    expect(formatShape([null, 5, 25])).toBe('(None, 5, 25)');
    expect(outputShape(encoderDecoder)).toEqual([2, 12]);
    expect(outputShape({ ...base, inputShape: [3, 4], layers: [] })).toEqual([3, 4]);
  });

  it('refuses layer stacks that do not fit', () => {
    expect(() => summarize({ ...base, inputShape: [5], layers: [{ type: 'lstm', units: 3 }] })).toThrow(ModelSpecError);
    expect(() =>
      summarize({ ...base, inputShape: [5, 2], layers: [{ type: 'lstm', units: 3 }, { type: 'lstm', units: 3 }] }),
    ).toThrow(/sequence input/);
    expect(() => summarize({ ...base, inputShape: [5, 2], layers: [{ type: 'repeatVector', n: 2 }] })).toThrow(/flat input/);
  });
});

describe('summarize agrees with the TF.js model', () => {
  const built: tf.Sequential[] = [];
  afterAll(() => built.forEach((model) => model.dispose()));

  const cases: [string, ModelSpec][] = [
    ['echo', echoExperiment.model(defaultValues(echoExperiment.params))],
    ['echo 25 steps × 100 values', echoExperiment.model({ ...defaultValues(echoExperiment.params), length: 25, features: 100 })],
    ['stacked', stacked],
    ['bidirectional concat', bidirectional],
    ['bidirectional sum', bidirectionalSum],
    ['encoder-decoder', encoderDecoder],
    ['stateful', stateful],
    ['single-step stacked', singleStep],
  ];

  it.each(cases)('%s: parameter count and every layer output shape', (_name, spec) => {
    const summary = summarize(spec);
    const model = buildModel(spec, createRng('summary'));
    built.push(model);
    expect(model.countParams()).toBe(summary.totalParams);
    expect(model.layers).toHaveLength(summary.rows.length);
    model.layers.forEach((layer, i) => {
      expect(layer.outputShape).toEqual(summary.rows[i]?.outputShape);
      expect(layer.countParams()).toBe(summary.rows[i]?.params);
    });
  });

  it('a stacked LSTM on a single timestep runs forward', () => {
    const model = buildModel(singleStep, createRng('single-step'));
    built.push(model);
    const out = tf.tidy(() => (model.predict(tf.ones([3, 1, 2])) as tf.Tensor).arraySync() as number[][]);
    expect(out).toHaveLength(3);
    for (const row of out) {
      expect(row).toHaveLength(1);
      expect(Number.isFinite(row[0])).toBe(true);
    }
  });
});
