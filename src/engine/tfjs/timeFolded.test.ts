/**
 * TimeDistributed with time folded into the batch against TF.js' own
 * TimeDistributed (one inner call per timestep): same weights, same outputs,
 * same gradients, same shapes and serialized form.
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../modelSpec';
import { createRng } from '../random';
import { buildModel } from './buildModel';
import { timeDistributed } from './timeFolded';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const FRAMES = 4;
const SIZE = 7;

const spec: ModelSpec = {
  inputShape: [FRAMES, SIZE, SIZE, 1],
  layers: [
    { type: 'timeDistributed', layer: { type: 'conv2d', filters: 3, kernelSize: 2, activation: 'relu' } },
    { type: 'timeDistributed', layer: { type: 'maxPooling2d', poolSize: 2 } },
    { type: 'timeDistributed', layer: { type: 'flatten' } },
    { type: 'lstm', units: 4 },
    { type: 'dense', units: 1, activation: 'sigmoid' },
  ],
  loss: 'binaryCrossentropy',
  metrics: ['accuracy'],
};

/** The same stack as `spec` with TF.js' own TimeDistributed, weights to be copied in. */
function plainModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(timeDistributed(tf.layers.conv2d({ filters: 3, kernelSize: 2, activation: 'relu' }), { fold: false, inputShape: [FRAMES, SIZE, SIZE, 1] }));
  model.add(timeDistributed(tf.layers.maxPooling2d({ poolSize: 2 }), { fold: false }));
  model.add(timeDistributed(tf.layers.flatten(), { fold: false }));
  model.add(tf.layers.lstm({ units: 4, recurrentActivation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

function inputs(seed: string, batch: number): tf.Tensor {
  const rng = createRng(seed);
  const size = batch * FRAMES * SIZE * SIZE;
  return tf.tensor(Float32Array.from({ length: size }, () => rng.uniform(-1, 1)), [batch, FRAMES, SIZE, SIZE, 1]);
}

/** Loss Σ output·dy and its gradient for every trainable weight. */
function gradients(model: tf.Sequential, x: tf.Tensor, dy: tf.Tensor): { loss: number; grads: number[][] } {
  return tf.tidy(() => {
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(() => (model.apply(x) as tf.Tensor).mul(dy).sum() as tf.Scalar, variables);
    return { loss: value.dataSync()[0] ?? Number.NaN, grads: variables.map((v) => Array.from(grads[v.name]?.dataSync() ?? [])) };
  });
}

function maxDifference(a: readonly number[], b: readonly number[]): number {
  expect(a).toHaveLength(b.length);
  return a.reduce((max, v, i) => Math.max(max, Math.abs(v - (b[i] ?? Number.NaN))), 0);
}

describe('folded TimeDistributed', () => {
  const models: tf.Sequential[] = [];
  const tensors: tf.Tensor[] = [];
  afterEach(() => {
    models.splice(0).forEach((m) => m.dispose());
    tensors.splice(0).forEach((t) => t.dispose());
  });

  it('the built model and TF.js’ per-step TimeDistributed agree on outputs and gradients', () => {
    const folded = buildModel(spec, createRng('fold'));
    const plain = plainModel();
    models.push(folded, plain);
    const weights = folded.getWeights();
    plain.setWeights(weights);
    const x = inputs('fold-x', 3);
    const dy = tf.tensor(Float32Array.from({ length: 3 }, (_, i) => i - 1), [3, 1]);
    tensors.push(x, dy);

    // The convolution stack alone, layer by layer.
    let a = x;
    let b = x;
    for (let i = 0; i < 3; i++) {
      a = folded.layers[i]?.apply(a) as tf.Tensor;
      b = plain.layers[i]?.apply(b) as tf.Tensor;
      tensors.push(a, b);
      expect(a.shape).toEqual(b.shape);
      expect(maxDifference(Array.from(a.dataSync()), Array.from(b.dataSync()))).toBeLessThan(1e-6);
    }
    expect(a.shape).toEqual([3, FRAMES, 27]);

    const foldedOut = gradients(folded, x, dy);
    const plainOut = gradients(plain, x, dy);
    expect(Math.abs(foldedOut.loss - plainOut.loss)).toBeLessThan(1e-6);
    // Conv kernel and bias; LSTM kernel, recurrent kernel and bias; dense kernel and bias.
    expect(foldedOut.grads).toHaveLength(7);
    foldedOut.grads.forEach((grad, i) => {
      expect(grad.some((v) => v !== 0)).toBe(true);
      expect(maxDifference(grad, plainOut.grads[i] ?? [])).toBeLessThan(1e-5);
    });
  });

  it('keeps the layer name, class, shapes and parameter count of a TimeDistributed', () => {
    const folded = buildModel(spec, createRng('names'));
    const plain = plainModel();
    models.push(folded, plain);
    folded.layers.slice(0, 3).forEach((layer, i) => {
      const other = plain.layers[i];
      expect(layer.getClassName()).toBe('TimeDistributed');
      expect(layer.name).toMatch(/^time_distributed/);
      expect(layer.outputShape).toEqual(other?.outputShape);
      expect(layer.countParams()).toBe(other?.countParams());
      const config = layer.getConfig();
      const otherConfig = other?.getConfig() ?? {};
      expect(Object.keys(config).sort()).toEqual(Object.keys(otherConfig).sort());
      expect(JSON.stringify(config.layer)).toMatch(/^\{"className":"(Conv2D|MaxPooling2D|Flatten)"/);
      expect(JSON.stringify(config.layer).slice(0, 40)).toBe(JSON.stringify(otherConfig.layer).slice(0, 40));
    });
  });

  it('runs the inner layer once for all timesteps, where TF.js runs it once per timestep', async () => {
    const folded = buildModel(spec, createRng('once'));
    const plain = plainModel();
    models.push(folded, plain);
    const x = inputs('once-x', 2);
    tensors.push(x);
    const conv2dCalls = async (model: tf.Sequential) => {
      const info = await tf.profile(() => {
        tf.tidy(() => {
          model.predict(x);
        });
      });
      return info.kernels.filter((k) => k.name === 'Conv2D' || k.name === 'FusedConv2D').length;
    };
    expect(await conv2dCalls(folded)).toBe(1);
    expect(await conv2dCalls(plain)).toBe(FRAMES);
  });

  it('trains with no tensors left behind', async () => {
    const model = buildModel(spec, createRng('train'));
    models.push(model);
    const optimizer = tf.train.adam(0.01);
    model.compile({ optimizer, loss: 'binaryCrossentropy' });
    const x = inputs('train-x', 2);
    const y = tf.tensor([[1], [0]]);
    tensors.push(x, y);
    await model.trainOnBatch(x, y);
    const before = tf.memory().numTensors;
    await model.trainOnBatch(x, y);
    tf.tidy(() => {
      model.predict(x);
    });
    expect(tf.memory().numTensors).toBe(before);
    optimizer.dispose();
  });
});
