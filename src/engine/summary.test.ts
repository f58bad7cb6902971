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

/** The moving-line CNN-LSTM: TimeDistributed Conv2D → MaxPooling2D → Flatten → LSTM → Dense. */
function cnnLstm(size: number, { filters = 2, kernelSize = 2, poolSize = 2, units = 50 } = {}): ModelSpec {
  return {
    loss: 'binaryCrossentropy',
    metrics: ['accuracy'],
    inputShape: [size, size, size, 1],
    layers: [
      { type: 'timeDistributed', layer: { type: 'conv2d', filters, kernelSize, activation: 'relu' } },
      { type: 'timeDistributed', layer: { type: 'maxPooling2d', poolSize } },
      { type: 'timeDistributed', layer: { type: 'flatten' } },
      { type: 'lstm', units },
      { type: 'dense', units: 1, activation: 'sigmoid' },
    ],
  };
}

/** Image layers on their own, with strides and same padding, next to a TimeDistributed Dense. */
const cnn: ModelSpec = {
  ...base,
  inputShape: [11, 9, 3],
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2, strides: 1 },
    { type: 'conv2d', filters: 2, kernelSize: 2, activation: 'linear' },
    { type: 'flatten' },
    { type: 'dense', units: 3, activation: 'softmax' },
  ],
};

const mixedTimeDistributed: ModelSpec = {
  ...base,
  inputShape: [3, 6, 6, 2],
  layers: [
    { type: 'timeDistributed', layer: { type: 'maxPooling2d', poolSize: 3, padding: 'same' } },
    { type: 'timeDistributed', layer: { type: 'conv2d', filters: 5, kernelSize: 1, activation: 'tanh' } },
    { type: 'timeDistributed', layer: { type: 'flatten' } },
    { type: 'timeDistributedDense', units: 4, activation: 'relu' },
    { type: 'lstm', units: 2 },
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

  it('CNN-LSTM at size 50: 10 + 0 + 0 + 240,600 + 51 = 240,661', () => {
    const summary = summarize(cnnLstm(50));
    expect(summary.rows).toEqual([
      { name: 'time_distributed', kind: 'TimeDistributed(Conv2D)', outputShape: [null, 50, 49, 49, 2], params: 10 },
      { name: 'time_distributed_1', kind: 'TimeDistributed(MaxPooling2D)', outputShape: [null, 50, 24, 24, 2], params: 0 },
      { name: 'time_distributed_2', kind: 'TimeDistributed(Flatten)', outputShape: [null, 50, 1152], params: 0 },
      { name: 'lstm', kind: 'LSTM', outputShape: [null, 50], params: 240_600 },
      { name: 'dense', kind: 'Dense', outputShape: [null, 1], params: 51 },
    ]);
    expect(summary.totalParams).toBe(240_661);
  });

  it('CNN-LSTM at size 10: 9×9×2 → 4×4×2 = 32 features per frame, 16,661 parameters', () => {
    const summary = summarize(cnnLstm(10));
    expect(summary.rows.map((r) => [r.outputShape, r.params])).toEqual([
      [[null, 10, 9, 9, 2], 10],
      [[null, 10, 4, 4, 2], 0],
      [[null, 10, 32], 0],
      [[null, 50], 16_600],
      [[null, 1], 51],
    ]);
    expect(summary.totalParams).toBe(16_661);
  });

  it('image layers: strides, same padding, Keras names; TimeDistributed wrappers share one counter', () => {
    expect(summarize(cnn).rows).toEqual([
      { name: 'conv2d', kind: 'Conv2D', outputShape: [null, 6, 5, 4], params: (3 * 3 * 3 + 1) * 4 },
      { name: 'max_pooling2d', kind: 'MaxPooling2D', outputShape: [null, 5, 4, 4], params: 0 },
      { name: 'conv2d_1', kind: 'Conv2D', outputShape: [null, 4, 3, 2], params: (2 * 2 * 4 + 1) * 2 },
      { name: 'flatten', kind: 'Flatten', outputShape: [null, 24], params: 0 },
      { name: 'dense', kind: 'Dense', outputShape: [null, 3], params: 75 },
    ]);
    expect(summarize(mixedTimeDistributed).rows.map((r) => [r.name, r.kind, r.outputShape])).toEqual([
      ['time_distributed', 'TimeDistributed(MaxPooling2D)', [null, 3, 2, 2, 2]],
      ['time_distributed_1', 'TimeDistributed(Conv2D)', [null, 3, 2, 2, 5]],
      ['time_distributed_2', 'TimeDistributed(Flatten)', [null, 3, 20]],
      ['time_distributed_3', 'TimeDistributed(Dense)', [null, 3, 4]],
      ['lstm', 'LSTM', [null, 2]],
    ]);
  });

  it('refuses image layers that do not fit', () => {
    const image = (layers: ModelSpec['layers'], inputShape = [4, 4, 1]): ModelSpec => ({ ...base, inputShape, layers });
    expect(() => summarize(image([{ type: 'conv2d', filters: 1, kernelSize: 5, activation: 'relu' }]))).toThrow(
      'Conv2D with a 5×5 window does not fit a 4×4 image.',
    );
    expect(() => summarize(image([{ type: 'maxPooling2d', poolSize: 2 }], [8, 3]))).toThrow(/image input/);
    expect(() => summarize(image([{ type: 'timeDistributed', layer: { type: 'flatten' } }], [5]))).toThrow(/sequence input/);
    expect(() => summarize(cnnLstm(4, { kernelSize: 3, poolSize: 3 }))).toThrow(ModelSpecError);
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
    ['CNN-LSTM size 50', cnnLstm(50)],
    ['CNN-LSTM size 10, 1 filter 3×3, pool 3, 5 units', cnnLstm(10, { filters: 1, kernelSize: 3, poolSize: 3, units: 5 })],
    ['CNN-LSTM size 64, 4 filters, pool 1', cnnLstm(64, { filters: 4, poolSize: 1, units: 8 })],
    ['image layers with strides and same padding', cnn],
    ['TimeDistributed pooling, 1×1 conv, flatten and dense', mixedTimeDistributed],
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
