/**
 * A reference LSTM written by hand (Keras' equations and weight layout) checks
 * the TF.js layer that buildModel makes: gate order, activations, state flow.
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Activation, LstmLayerSpec, ModelSpec } from '../modelSpec';
import { createRng, type Rng } from '../random';
import { buildModel } from './buildModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const BATCH = 2;
const STEPS = 5;
const FEATURES = 3;
const UNITS = 4;

type Gate = (x: number) => number;
const sigmoid: Gate = (x) => 1 / (1 + Math.exp(-x));
/** Keras' and TF.js' hard sigmoid: clip(0.2x + 0.5, 0, 1). */
const hardSigmoid: Gate = (x) => Math.min(1, Math.max(0, 0.2 * x + 0.5));

interface LstmWeights {
  /** [features][4 * units], columns in gate order i, f, c, o. */
  kernel: number[][];
  /** [units][4 * units]. */
  recurrent: number[][];
  /** [4 * units]. */
  bias: number[];
}

/**
 * The Keras LSTM: z = x·W + h·U + b split into i, f, c̃, o; c = f⊙c + i⊙tanh(c̃);
 * h = o⊙tanh(c); h0 = c0 = 0. Returns h after every step: [batch][step][unit].
 */
function referenceLstm(inputs: number[][][], w: LstmWeights, units: number, recurrentActivation: Gate, goBackwards = false): number[][][] {
  return inputs.map((sequence) => {
    let h = new Array<number>(units).fill(0);
    let c = new Array<number>(units).fill(0);
    const outputs: number[][] = [];
    const order = goBackwards ? [...sequence].reverse() : sequence;
    for (const x of order) {
      const z = w.bias.map((b, col) => {
        let sum = b;
        x.forEach((xi, k) => (sum += xi * (w.kernel[k]?.[col] ?? Number.NaN)));
        h.forEach((hj, k) => (sum += hj * (w.recurrent[k]?.[col] ?? Number.NaN)));
        return sum;
      });
      const gate = (g: number, j: number) => z[g * units + j] ?? Number.NaN;
      const nextC = c.map((cj, j) => recurrentActivation(gate(1, j)) * cj + recurrentActivation(gate(0, j)) * Math.tanh(gate(2, j)));
      h = nextC.map((cj, j) => recurrentActivation(gate(3, j)) * Math.tanh(cj));
      c = nextC;
      outputs.push(h);
    }
    return outputs;
  });
}

function lstmSpec(layer: Partial<LstmLayerSpec> = {}): ModelSpec {
  return {
    inputShape: [STEPS, FEATURES],
    layers: [{ type: 'lstm', units: UNITS, ...layer }],
    loss: 'meanSquaredError',
    metrics: [],
  };
}

function randomInputs(rng: Rng): number[][][] {
  return Array.from({ length: BATCH }, () =>
    Array.from({ length: STEPS }, () => Array.from({ length: FEATURES }, () => rng.uniform(-2, 2))),
  );
}

/** Replaces the layer's weights with uniform values in ±scale (Keras layout kept), for a stronger check than the initial ones. */
function randomizeWeights(model: tf.Sequential, rng: Rng, scale: number): void {
  const layer = model.layers[0];
  if (!layer) throw new Error('no layer');
  const next = layer.getWeights().map((w) => tf.tensor(Array.from(w.dataSync(), () => rng.uniform(-scale, scale)), w.shape));
  layer.setWeights(next);
  next.forEach((t) => t.dispose());
}

function readWeights(model: tf.Sequential): LstmWeights {
  const [kernel, recurrent, bias] = model.layers[0]?.getWeights() ?? [];
  if (!kernel || !recurrent || !bias) throw new Error('an LSTM layer has three weights');
  expect(kernel.shape).toEqual([FEATURES, 4 * UNITS]);
  expect(recurrent.shape).toEqual([UNITS, 4 * UNITS]);
  expect(bias.shape).toEqual([4 * UNITS]);
  return {
    kernel: kernel.arraySync() as number[][],
    recurrent: recurrent.arraySync() as number[][],
    bias: bias.arraySync() as number[],
  };
}

function predict(model: tf.Sequential, inputs: number[][][]): number[] {
  return tf.tidy(() => Array.from((model.predict(tf.tensor3d(inputs)) as tf.Tensor).dataSync()));
}

function maxDifference(a: readonly number[], b: readonly number[]): number {
  expect(a).toHaveLength(b.length);
  return a.reduce((max, v, i) => Math.max(max, Math.abs(v - (b[i] ?? Number.NaN))), 0);
}

const lastSteps = (outputs: number[][][]): number[] => outputs.flatMap((steps) => steps.at(-1) ?? []);
const allSteps = (outputs: number[][][]): number[] => outputs.flat(2);

describe('buildModel LSTM against a hand-written cell', () => {
  const models: tf.Sequential[] = [];
  afterEach(() => models.splice(0).forEach((m) => m.dispose()));
  const build = (spec: ModelSpec, seed: string) => {
    const model = buildModel(spec, createRng(seed));
    models.push(model);
    return model;
  };

  it('initial weights: Keras layout with unit forget bias, and the same last output', () => {
    const model = build(lstmSpec(), 'init');
    const weights = readWeights(model);
    expect(weights.bias).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    const inputs = randomInputs(createRng('inputs-1'));
    const expected = lastSteps(referenceLstm(inputs, weights, UNITS, sigmoid));
    expect(maxDifference(predict(model, inputs), expected)).toBeLessThan(1e-5);
  });

  it('random weights: last output and every step with returnSequences, to 1e-5', () => {
    const inputs = randomInputs(createRng('inputs-2'));
    const last = build(lstmSpec(), 'a');
    randomizeWeights(last, createRng('weights'), 1);
    const lastWeights = readWeights(last);
    const lastOut = predict(last, inputs);
    expect(lastOut).toHaveLength(BATCH * UNITS);
    expect(maxDifference(lastOut, lastSteps(referenceLstm(inputs, lastWeights, UNITS, sigmoid)))).toBeLessThan(1e-5);

    const sequences = build(lstmSpec({ returnSequences: true }), 'b');
    randomizeWeights(sequences, createRng('weights'), 1);
    const seqWeights = readWeights(sequences);
    expect(seqWeights).toEqual(lastWeights);
    const seqOut = predict(sequences, inputs);
    expect(seqOut).toHaveLength(BATCH * STEPS * UNITS);
    const reference = referenceLstm(inputs, seqWeights, UNITS, sigmoid);
    expect(maxDifference(seqOut, allSteps(reference))).toBeLessThan(1e-5);

    // The check has teeth: a hard-sigmoid cell (TF.js' default) is far off on these weights.
    const hard = allSteps(referenceLstm(inputs, seqWeights, UNITS, hardSigmoid));
    expect(maxDifference(seqOut, hard)).toBeGreaterThan(1e-3);
    // And the gate order matters: the reference with forget and input gates swapped differs too.
    const swapped: LstmWeights = {
      kernel: seqWeights.kernel.map(swapGates),
      recurrent: seqWeights.recurrent.map(swapGates),
      bias: swapGates(seqWeights.bias),
    };
    expect(maxDifference(seqOut, allSteps(referenceLstm(inputs, swapped, UNITS, sigmoid)))).toBeGreaterThan(1e-3);
  });

  it('the default recurrent activation is sigmoid, not TF.js hardSigmoid', () => {
    const inputs = randomInputs(createRng('inputs-3'));
    const outputs = new Map<Activation, number[]>();
    for (const recurrentActivation of ['sigmoid', 'hardSigmoid'] as const) {
      const model = build(lstmSpec({ returnSequences: true, ...(recurrentActivation === 'sigmoid' ? {} : { recurrentActivation }) }), 'c');
      randomizeWeights(model, createRng('weights-3'), 1.5);
      const weights = readWeights(model);
      const out = predict(model, inputs);
      outputs.set(recurrentActivation, out);
      const gate = recurrentActivation === 'sigmoid' ? sigmoid : hardSigmoid;
      expect(maxDifference(out, allSteps(referenceLstm(inputs, weights, UNITS, gate)))).toBeLessThan(1e-5);
    }
    expect(maxDifference(outputs.get('sigmoid') ?? [], outputs.get('hardSigmoid') ?? [])).toBeGreaterThan(1e-3);
  });

  it('goBackwards reads the sequence from the end', () => {
    const inputs = randomInputs(createRng('inputs-4'));
    const model = build(lstmSpec({ goBackwards: true }), 'd');
    randomizeWeights(model, createRng('weights-4'), 1);
    const weights = readWeights(model);
    const out = predict(model, inputs);
    expect(maxDifference(out, lastSteps(referenceLstm(inputs, weights, UNITS, sigmoid, true)))).toBeLessThan(1e-5);
    expect(maxDifference(out, lastSteps(referenceLstm(inputs, weights, UNITS, sigmoid, false)))).toBeGreaterThan(1e-3);
  });
});

/** Swaps the input and forget gate columns of a row of 4 × UNITS values. */
function swapGates(row: number[]): number[] {
  return [...row.slice(UNITS, 2 * UNITS), ...row.slice(0, UNITS), ...row.slice(2 * UNITS)];
}

describe('buildModel seeding', () => {
  it('the same rng seed gives the same weights, another seed other weights', () => {
    const spec: ModelSpec = { ...lstmSpec(), layers: [{ type: 'lstm', units: UNITS }, { type: 'dense', units: 2, activation: 'softmax' }] };
    const read = (seed: string) => {
      const model = buildModel(spec, createRng(seed));
      const values = model.getWeights().map((w) => Array.from(w.dataSync()));
      model.dispose();
      return values;
    };
    const a = read('s1');
    expect(read('s1')).toEqual(a);
    const b = read('s2');
    expect(b[0]).not.toEqual(a[0]);
    expect(b[1]).not.toEqual(a[1]);
    expect(b[3]).not.toEqual(a[3]);
  });

  it('a large recurrent kernel is initialised without console warnings', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      buildModel({ ...lstmSpec(), layers: [{ type: 'lstm', units: 50 }] }, createRng('quiet')).dispose();
      // Bidirectional rebuilds its backward layer, initializers included, from a config.
      const bidirectional: LstmLayerSpec = { type: 'lstm', units: 50, returnSequences: true };
      buildModel({ ...lstmSpec(), layers: [{ type: 'bidirectional', mergeMode: 'concat', layer: bidirectional }] }, createRng('quiet')).dispose();
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('building and disposing a model leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      buildModel(
        {
          ...lstmSpec(),
          layers: [
            { type: 'bidirectional', mergeMode: 'concat', layer: { type: 'lstm', units: 3, returnSequences: true } },
            { type: 'lstm', units: 3 },
            { type: 'dense', units: 2, activation: 'softmax' },
          ],
        },
        createRng(`leak-${i}`),
      ).dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
