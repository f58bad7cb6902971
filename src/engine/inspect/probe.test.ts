/**
 * The probe against TF.js itself: the h the gate computation produces must be
 * the layer's own output on the same sample, to 1e-5, with random weights
 * (the models come from buildModel, as the app builds them).
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Activation, LayerSpec, LstmLayerSpec, MergeMode, ModelSpec } from '../modelSpec';
import { createRng, type Rng } from '../random';
import { buildModel } from '../tfjs/buildModel';
import type { LstmGateTrace, LstmState } from './gates';
import { layerInput, probeableLayers, probeModel, weightCountOf, type BidirectionalProbe, type LayerState, type LstmProbe, type ProbeResult } from './probe';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const STEPS = 6;
const FEATURES = 3;
const UNITS = 4;
const TOLERANCE = 1e-5;

const models: tf.LayersModel[] = [];
afterEach(() => models.splice(0).forEach((m) => m.dispose()));

function spec(layers: LayerSpec[], extra: Partial<ModelSpec> = {}): ModelSpec {
  return { inputShape: [STEPS, FEATURES], layers, loss: 'meanSquaredError', metrics: [], ...extra };
}

/** Builds the model as the app does, then replaces every weight with uniform values in ±scale. */
function build(modelSpec: ModelSpec, seed: string, scale = 1): tf.Sequential {
  const model = buildModel(modelSpec, createRng(`build-${seed}`));
  models.push(model);
  const rng = createRng(`weights-${seed}`);
  const next = model.getWeights().map((w) => tf.tensor(Array.from(w.dataSync(), () => rng.uniform(-scale, scale)), w.shape));
  model.setWeights(next);
  next.forEach((t) => t.dispose());
  return model;
}

const weightsOf = (model: tf.LayersModel): Float32Array[] => model.getWeights().map((w) => Float32Array.from(w.dataSync()));

function randomArray(rng: Rng, size: number, scale = 1.5): Float32Array {
  return Float32Array.from({ length: size }, () => rng.uniform(-scale, scale));
}

const sampleSize = (s: ModelSpec) => s.inputShape.reduce((a, b) => a * b, 1);

/** Every layer's output on one sample, as TF.js computes it (batch dimension dropped). */
function layerOutputs(model: tf.Sequential, s: ModelSpec, x: Float32Array): Float32Array[] {
  const all = tf.model({ inputs: model.inputs, outputs: model.layers.map((l) => l.output as tf.SymbolicTensor) });
  return tf.tidy(() => {
    const out = all.predict(tf.tensor(x, [1, ...s.inputShape]));
    return (Array.isArray(out) ? out : [out]).map((t) => Float32Array.from(t.dataSync()));
  });
}

/**
 * Runs a Bidirectional sub-layer by itself on a [1, timesteps, features] input,
 * through call() as Bidirectional does: Bidirectional builds its sub-layers
 * without marking them built, so apply() would build them again and fail on
 * duplicate weight names.
 */
function callSubLayer(layer: tf.layers.Layer, input: Float32Array, shape: readonly number[]): Float32Array {
  return tf.tidy(() => Float32Array.from((layer.call(tf.tensor(input, [1, ...shape]), {}) as tf.Tensor).dataSync()));
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  expect(a).toHaveLength(b.length);
  return a.reduce((max, v, k) => Math.max(max, Math.abs(v - (b[k] ?? Number.NaN))), 0);
}

function expectLstm(result: ProbeResult): LstmProbe {
  if (result.kind !== 'lstm') throw new Error(`expected an LSTM probe, got ${result.kind}`);
  return result;
}

function expectBidirectional(result: ProbeResult): BidirectionalProbe {
  if (result.kind !== 'bidirectional') throw new Error(`expected a Bidirectional probe, got ${result.kind}`);
  return result;
}

const lastRow = (trace: LstmGateTrace) => trace.hidden.slice((trace.timesteps - 1) * trace.units);

describe('probeModel against TF.js', () => {
  it('a plain LSTM: every h, and the last one without returnSequences', () => {
    const x = randomArray(createRng('x-plain'), STEPS * FEATURES);
    for (const returnSequences of [true, false]) {
      const s = spec([{ type: 'lstm', units: UNITS, returnSequences }]);
      const model = build(s, 'plain');
      const [expected] = layerOutputs(model, s, x);
      const probe = expectLstm(probeModel(s, weightsOf(model), x, 0));
      expect(probe.inputShape).toEqual([STEPS, FEATURES]);
      expect(probe.input).toEqual(x);
      expect(probe.trace.hidden).toHaveLength(STEPS * UNITS);
      const h = returnSequences ? probe.trace.hidden : lastRow(probe.trace);
      expect(maxDifference(h, expected as Float32Array)).toBeLessThan(TOLERANCE);
      // The other traces have the same shape, and the gates are in (0, 1).
      for (const gate of [probe.trace.inputGate, probe.trace.forgetGate, probe.trace.outputGate]) {
        expect(gate).toHaveLength(STEPS * UNITS);
        expect(gate.every((v) => v > 0 && v < 1)).toBe(true);
      }
    }
  });

  it('a stacked LSTM: the second layer sees the first one’s output sequence', () => {
    const s = spec([
      { type: 'lstm', units: 5, returnSequences: true },
      { type: 'lstm', units: UNITS, returnSequences: true },
      { type: 'dense', units: 2, activation: 'softmax' },
    ]);
    const model = build(s, 'stacked');
    const x = randomArray(createRng('x-stacked'), STEPS * FEATURES);
    const [first, second] = layerOutputs(model, s, x);
    expect(probeableLayers(s).map((l) => l.layerIndex)).toEqual([0, 1]);
    const probe = expectLstm(probeModel(s, weightsOf(model), x, 1));
    expect(probe.inputShape).toEqual([STEPS, 5]);
    expect(maxDifference(probe.input, first as Float32Array)).toBeLessThan(TOLERANCE);
    expect(maxDifference(probe.trace.hidden, second as Float32Array)).toBeLessThan(TOLERANCE);
  });

  it('goBackwards: steps in reading order, which is the order of TF.js’ output', () => {
    const s = spec([{ type: 'lstm', units: UNITS, returnSequences: true, goBackwards: true }]);
    const model = build(s, 'backwards');
    const x = randomArray(createRng('x-backwards'), STEPS * FEATURES);
    const [expected] = layerOutputs(model, s, x);
    const { trace } = expectLstm(probeModel(s, weightsOf(model), x, 0));
    expect(Array.from(trace.inputIndex)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(maxDifference(trace.hidden, expected as Float32Array)).toBeLessThan(TOLERANCE);
    // Teeth: reading forwards gives other values.
    const forwards = expectLstm(probeModel(spec([{ type: 'lstm', units: UNITS, returnSequences: true }]), weightsOf(model), x, 0));
    expect(maxDifference(forwards.trace.hidden, expected as Float32Array)).toBeGreaterThan(1e-3);
  });

  const activations: [Activation, Activation][] = [
    ['tanh', 'hardSigmoid'],
    ['linear', 'hardSigmoid'],
    ['relu', 'sigmoid'],
    ['sigmoid', 'tanh'],
    ['softmax', 'sigmoid'],
  ];
  it.each(activations)('activation %s, recurrent activation %s', (activation, recurrentActivation) => {
    const s = spec([{ type: 'lstm', units: UNITS, returnSequences: true, activation, recurrentActivation }]);
    const model = build(s, `act-${activation}-${recurrentActivation}`, 1.5);
    const x = randomArray(createRng('x-act'), STEPS * FEATURES);
    const [expected] = layerOutputs(model, s, x);
    const { trace } = expectLstm(probeModel(s, weightsOf(model), x, 0));
    expect(trace.activation).toBe(activation);
    expect(trace.recurrentActivation).toBe(recurrentActivation);
    expect(maxDifference(trace.hidden, expected as Float32Array)).toBeLessThan(TOLERANCE);
    if (recurrentActivation === 'hardSigmoid') {
      // The clipped parts of the hard sigmoid are reached.
      const gates = [...trace.inputGate, ...trace.forgetGate, ...trace.outputGate];
      expect(gates.some((v) => v === 0 || v === 1)).toBe(true);
      expect(gates.some((v) => v > 0 && v < 1)).toBe(true);
    }
  });

  it('Bidirectional: each direction’s h equals its TF.js sub-layer’s output', () => {
    for (const goBackwards of [false, true]) {
      const inner: LstmLayerSpec = { type: 'lstm', units: UNITS, returnSequences: true, goBackwards };
      const s = spec([{ type: 'bidirectional', mergeMode: 'concat', layer: inner }]);
      const model = build(s, `bidi-${goBackwards}`);
      const x = randomArray(createRng('x-bidi'), STEPS * FEATURES);
      const bidi = model.layers[0] as unknown as { forwardLayer: tf.layers.Layer; backwardLayer: tf.layers.Layer };
      const forwardOut = callSubLayer(bidi.forwardLayer, x, s.inputShape);
      const backwardOut = callSubLayer(bidi.backwardLayer, x, s.inputShape);
      const probe = expectBidirectional(probeModel(s, weightsOf(model), x, 0));
      expect(probe.forward.goBackwards).toBe(goBackwards);
      expect(probe.backward.goBackwards).toBe(!goBackwards);
      expect(maxDifference(probe.forward.hidden, forwardOut)).toBeLessThan(TOLERANCE);
      expect(maxDifference(probe.backward.hidden, backwardOut)).toBeLessThan(TOLERANCE);
      // The two directions really differ (different weights, different reading order).
      expect(maxDifference(probe.forward.hidden, probe.backward.hidden)).toBeGreaterThan(1e-3);
      // And the merged output the next layer sees is the layer's own output.
      const [merged] = layerOutputs(model, s, x);
      const next = layerInput(s, weightsOf(model), x, 1);
      if (next.kind !== 'input') throw new Error(next.reason);
      expect(next.shape).toEqual([STEPS, 2 * UNITS]);
      expect(maxDifference(next.values, merged as Float32Array)).toBeLessThan(TOLERANCE);
    }
  });

  it('a layer after a Bidirectional one, for every merge mode and both returnSequences', () => {
    const modes: MergeMode[] = ['concat', 'sum', 'mul', 'ave'];
    for (const mergeMode of modes) {
      for (const returnSequences of [true, false]) {
        const head: LayerSpec = returnSequences
          ? { type: 'lstm', units: 3, returnSequences: true }
          : { type: 'repeatVector', n: 4 };
        const layers: LayerSpec[] = [{ type: 'bidirectional', mergeMode, layer: { type: 'lstm', units: UNITS, returnSequences } }, head];
        if (!returnSequences) layers.push({ type: 'lstm', units: 3, returnSequences: true });
        const s = spec(layers);
        const model = build(s, `merge-${mergeMode}-${returnSequences}`);
        const x = randomArray(createRng('x-merge'), STEPS * FEATURES);
        const outputs = layerOutputs(model, s, x);
        const target = layers.length - 1;
        const probe = expectLstm(probeModel(s, weightsOf(model), x, target));
        expect(maxDifference(probe.input, outputs[target - 1] as Float32Array)).toBeLessThan(TOLERANCE);
        expect(maxDifference(probe.trace.hidden, outputs[target] as Float32Array)).toBeLessThan(TOLERANCE);
      }
    }
  });

  it('dense, TimeDistributed(Dense) and RepeatVector before an LSTM', () => {
    const encoderDecoder = spec([
      { type: 'timeDistributedDense', units: 5, activation: 'relu' },
      { type: 'dense', units: 4, activation: 'tanh' },
      { type: 'lstm', units: UNITS },
      { type: 'repeatVector', n: 3 },
      { type: 'lstm', units: 2, returnSequences: true },
    ]);
    const flat = { ...spec([{ type: 'dense', units: 5, activation: 'softmax' }, { type: 'repeatVector', n: 4 }, { type: 'lstm', units: 3, returnSequences: true }]), inputShape: [7] };
    for (const s of [encoderDecoder, flat]) {
      const model = build(s, `stack-${s.layers.length}`);
      const x = randomArray(createRng('x-stack'), sampleSize(s));
      const outputs = layerOutputs(model, s, x);
      const target = s.layers.length - 1;
      const probe = expectLstm(probeModel(s, weightsOf(model), x, target));
      expect(maxDifference(probe.input, outputs[target - 1] as Float32Array)).toBeLessThan(TOLERANCE);
      expect(maxDifference(probe.trace.hidden, outputs[target] as Float32Array)).toBeLessThan(TOLERANCE);
    }
  });
});

describe('probeModel on stateful layers', () => {
  const STATEFUL: LstmLayerSpec = { type: 'lstm', units: UNITS, returnSequences: true, stateful: true };

  it('a state set with resetStates([h0, c0]) gives the same h as the given initial state', () => {
    const s = spec([STATEFUL], { batchSize: 1 });
    const model = build(s, 'stateful-set');
    const rng = createRng('state');
    const state: LstmState = { h: randomArray(rng, UNITS, 0.9), c: randomArray(rng, UNITS, 2) };
    // TF.js keeps (and later disposes) the tensors it is given.
    (model.layers[0] as tf.RNN).resetStates([tf.tensor2d(state.h, [1, UNITS]), tf.tensor2d(state.c, [1, UNITS])]);
    const x = randomArray(createRng('x-stateful'), STEPS * FEATURES);
    const [expected] = layerOutputs(model, s, x);
    const probe = expectLstm(probeModel(s, weightsOf(model), x, 0, { initialStates: { 0: state } }));
    expect(maxDifference(probe.trace.hidden, expected as Float32Array)).toBeLessThan(TOLERANCE);
    expect(maxDifference(probe.trace.initialState.c, state.c)).toBe(0);
    // Teeth: from zeros the first steps differ.
    const fromZero = expectLstm(probeModel(s, weightsOf(model), x, 0));
    expect(maxDifference(fromZero.trace.hidden, expected as Float32Array)).toBeGreaterThan(1e-3);
  });

  it('the state carried after one predict, through a stacked stateful model, probes the next one', () => {
    const s = spec([STATEFUL, { ...STATEFUL, units: 3 }], { batchSize: 1 });
    const model = build(s, 'stateful-carry');
    model.resetStates();
    const rng = createRng('x-carry');
    const x1 = randomArray(rng, STEPS * FEATURES);
    const x2 = randomArray(rng, STEPS * FEATURES);
    const weights = weightsOf(model);
    const [first1, second1] = layerOutputs(model, s, x1);
    const [first2, second2] = layerOutputs(model, s, x2);

    const probe1 = expectLstm(probeModel(s, weights, x1, 1));
    expect(maxDifference(probe1.input, first1 as Float32Array)).toBeLessThan(TOLERANCE);
    expect(maxDifference(probe1.trace.hidden, second1 as Float32Array)).toBeLessThan(TOLERANCE);
    expect(Object.keys(probe1.carriedStates)).toEqual(['0', '1']);

    const probe2 = expectLstm(probeModel(s, weights, x2, 1, { initialStates: probe1.carriedStates }));
    expect(maxDifference(probe2.input, first2 as Float32Array)).toBeLessThan(TOLERANCE);
    expect(maxDifference(probe2.trace.hidden, second2 as Float32Array)).toBeLessThan(TOLERANCE);
    const fresh = expectLstm(probeModel(s, weights, x2, 1));
    expect(maxDifference(fresh.trace.hidden, second2 as Float32Array)).toBeGreaterThan(1e-3);
  });

  it('a stateful Bidirectional layer: each sub-layer from its own state', () => {
    const s = spec([{ type: 'bidirectional', mergeMode: 'concat', layer: STATEFUL }], { batchSize: 1 });
    const model = build(s, 'stateful-bidi');
    const bidi = model.layers[0] as unknown as { forwardLayer: tf.RNN; backwardLayer: tf.RNN };
    const rng = createRng('bidi-state');
    const state = {
      forward: { h: randomArray(rng, UNITS, 0.9), c: randomArray(rng, UNITS, 2) },
      backward: { h: randomArray(rng, UNITS, 0.9), c: randomArray(rng, UNITS, 2) },
    };
    model.resetStates();
    bidi.forwardLayer.resetStates([tf.tensor2d(state.forward.h, [1, UNITS]), tf.tensor2d(state.forward.c, [1, UNITS])]);
    bidi.backwardLayer.resetStates([tf.tensor2d(state.backward.h, [1, UNITS]), tf.tensor2d(state.backward.c, [1, UNITS])]);
    const x = randomArray(createRng('x-stateful-bidi'), STEPS * FEATURES);
    const [expected] = layerOutputs(model, s, x);
    const probe = expectBidirectional(probeModel(s, weightsOf(model), x, 0, { initialStates: { 0: state } }));
    const next = layerInput(s, weightsOf(model), x, 1, { initialStates: { 0: state } });
    if (next.kind !== 'input') throw new Error(next.reason);
    expect(maxDifference(next.values, expected as Float32Array)).toBeLessThan(TOLERANCE);
    expect(maxDifference(probe.forward.initialState.h, state.forward.h)).toBe(0);
    expect(maxDifference(probe.backward.initialState.h, state.backward.h)).toBe(0);
    const carried = probe.carriedStates[0] as LayerState;
    expect('forward' in carried && carried.forward?.h).toEqual(probe.forward.finalState.h);
  });

  it('refuses a state for a layer that is not stateful', () => {
    const s = spec([{ type: 'lstm', units: UNITS }]);
    const weights = [new Float32Array(FEATURES * 4 * UNITS), new Float32Array(UNITS * 4 * UNITS), new Float32Array(4 * UNITS)];
    const state = { h: new Float32Array(UNITS), c: new Float32Array(UNITS) };
    expect(() => probeModel(s, weights, new Float32Array(STEPS * FEATURES), 0, { initialStates: { 0: state } })).toThrow(/not stateful/);
  });
});

describe('probeModel limits', () => {
  it('image layers before the LSTM: unsupported, with the layer that blocks and why', () => {
    const s: ModelSpec = {
      inputShape: [3, 8, 8, 1],
      layers: [
        { type: 'timeDistributed', layer: { type: 'conv2d', filters: 2, kernelSize: 3, activation: 'relu' } },
        { type: 'timeDistributed', layer: { type: 'maxPooling2d', poolSize: 2 } },
        { type: 'timeDistributed', layer: { type: 'flatten' } },
        { type: 'lstm', units: 3 },
        { type: 'dense', units: 1, activation: 'sigmoid' },
      ],
      loss: 'binaryCrossentropy',
      metrics: [],
    };
    const model = build(s, 'cnn');
    const weights = weightsOf(model);
    // The weight bookkeeping agrees with TF.js' getWeights().
    expect(s.layers.reduce((n, l) => n + weightCountOf(l), 0)).toBe(weights.length);
    const result = probeModel(s, weights, new Float32Array(sampleSize(s)), 3);
    expect(result.kind).toBe('unsupported');
    if (result.kind !== 'unsupported') return;
    expect(result.blockedAt).toBe(0);
    expect(result.reason).toMatch(/TimeDistributed\(conv2d\)/);
  });

  it('rejects an index that is not an LSTM layer, and weights that do not fit', () => {
    const s = spec([{ type: 'lstm', units: UNITS }, { type: 'dense', units: 1, activation: 'linear' }]);
    const model = build(s, 'limits');
    const weights = weightsOf(model);
    const x = new Float32Array(STEPS * FEATURES);
    expect(() => probeModel(s, weights, x, 1)).toThrow(/not an LSTM/);
    expect(() => probeModel(s, weights, x, 2)).toThrow(RangeError);
    expect(() => probeModel(s, weights.slice(1), x, 0)).toThrow(/weight arrays/);
    expect(() => probeModel(s, weights, new Float32Array(5), 0)).toThrow(/sample/);
  });
});
