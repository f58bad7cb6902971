import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Batch } from '../../experiments/types';
import type { ModelSpec, OptimizerSpec } from '../modelSpec';
import { createRng, type Rng } from '../random';
import { TfjsModel } from '../tfjs/tfjsModel';
import { useWasmKernels, wasmKernelsActive } from './arena';
import { FusedModel } from './fusedModel';
import { fusedUnsupportedReason } from './support';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function tfjsWeights(model: TfjsModel): Float32Array[] {
  return model.model.getWeights().map((w) => w.dataSync() as Float32Array);
}

/** A batch whose inputs and targets suit the loss: one-hot for categorical, bits for binary, reals otherwise. */
function randomBatch(spec: ModelSpec, rows: number, outShape: number[], rng: Rng, oneHot = false): Batch {
  const xShape = [rows, ...spec.inputShape];
  const x = Float32Array.from({ length: xShape.reduce((a, b) => a * b, 1) }, () => rng.uniform(-1, 1));
  if (oneHot) {
    // Symbols one-hot on the last axis (the fused engine skips the zeros of such inputs).
    const width = xShape.at(-1) ?? 1;
    x.fill(0);
    for (let r = 0; r < x.length / width; r++) x[r * width + rng.int(width)] = 1;
  }
  const yShape = [rows, ...outShape];
  const width = outShape[outShape.length - 1] ?? 1;
  const y = new Float32Array(yShape.reduce((a, b) => a * b, 1));
  for (let r = 0; r < y.length / width; r++) {
    if (spec.loss === 'categoricalCrossentropy') y[r * width + rng.int(width)] = 1;
    else for (let k = 0; k < width; k++) y[r * width + k] = spec.loss === 'binaryCrossentropy' ? rng.int(2) : rng.uniform(-1, 1);
  }
  return { x, xShape, y, yShape };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
}

interface Case {
  name: string;
  spec: ModelSpec;
  out: number[];
  /** Rows per batch (3 for one step, 4 for the 20 steps when absent). */
  rows?: number;
  /** One-hot inputs instead of reals. */
  oneHot?: boolean;
}

const lstm = (units: number, extra: object = {}) => ({ type: 'lstm' as const, units, ...extra });
const CASES: Case[] = [
  {
    name: 'echo: LSTM → Dense softmax, categorical cross-entropy',
    spec: { inputShape: [5, 10], layers: [lstm(7), { type: 'dense', units: 10, activation: 'softmax' }], loss: 'categoricalCrossentropy', metrics: ['accuracy'] },
    out: [10],
  },
  {
    name: 'stacked LSTM (returnSequences) → LSTM → Dense linear, MAE',
    spec: { inputShape: [6, 1], layers: [lstm(5, { returnSequences: true }), lstm(4), { type: 'dense', units: 3, activation: 'linear' }], loss: 'meanAbsoluteError', metrics: [] },
    out: [3],
  },
  {
    // TF.js' own Unpack gradient fails on one timestep (tensorflow/tfjs#3550): kernels/unpackGrad.ts.
    name: 'one timestep: stacked LSTM (returnSequences) → LSTM → Dense, MSE',
    spec: { inputShape: [1, 2], layers: [lstm(4, { returnSequences: true }), lstm(3), { type: 'dense', units: 1, activation: 'linear' }], loss: 'meanSquaredError', metrics: [] },
    out: [1],
  },
  {
    name: 'goBackwards LSTM with returnSequences → TimeDistributed Dense, MSE',
    spec: { inputShape: [4, 3], layers: [lstm(5, { returnSequences: true, goBackwards: true }), { type: 'timeDistributedDense', units: 2, activation: 'linear' }], loss: 'meanSquaredError', metrics: [] },
    out: [4, 2],
  },
  {
    name: 'relu LSTM → Dense, MSE',
    spec: { inputShape: [3, 2], layers: [lstm(6, { activation: 'relu' }), { type: 'dense', units: 1, activation: 'linear' }], loss: 'meanSquaredError', metrics: [] },
    out: [1],
  },
  {
    name: 'encoder-decoder: LSTM → RepeatVector → LSTM → TimeDistributed softmax',
    spec: {
      inputShape: [5, 4],
      layers: [lstm(6), { type: 'repeatVector', n: 3 }, lstm(5, { returnSequences: true }), { type: 'timeDistributedDense', units: 4, activation: 'softmax' }],
      loss: 'categoricalCrossentropy',
      metrics: ['accuracy'],
    },
    out: [3, 4],
  },
  ...(['concat', 'sum', 'mul', 'ave'] as const).map((mergeMode) => ({
    name: `Bidirectional(${mergeMode}) → TimeDistributed sigmoid, binary cross-entropy`,
    spec: {
      inputShape: [5, 1],
      layers: [
        { type: 'bidirectional' as const, layer: lstm(4, { returnSequences: true }), mergeMode },
        { type: 'timeDistributedDense' as const, units: 1, activation: 'sigmoid' as const },
      ],
      loss: 'binaryCrossentropy' as const,
      metrics: ['accuracy' as const],
    },
    out: [5, 1],
  })),
  {
    name: 'Bidirectional(concat) without sequences → Dense sigmoid',
    spec: {
      inputShape: [4, 2],
      layers: [{ type: 'bidirectional', layer: lstm(3), mergeMode: 'concat' }, { type: 'dense', units: 2, activation: 'sigmoid' }],
      loss: 'binaryCrossentropy',
      metrics: ['accuracy'],
    },
    out: [2],
  },
  // The shapes of the experiments' defaults: whole blocks of 4 rows and leftovers, one-hot and real inputs.
  {
    name: 'batch 32, units 100: one-hot LSTM → RepeatVector → LSTM → TimeDistributed softmax (addition)',
    spec: {
      inputShape: [6, 12],
      layers: [lstm(100), { type: 'repeatVector', n: 3 }, lstm(50, { returnSequences: true }), { type: 'timeDistributedDense', units: 12, activation: 'softmax' }],
      loss: 'categoricalCrossentropy',
      metrics: ['accuracy'],
    },
    out: [3, 12],
    rows: 32,
    oneHot: true,
  },
  {
    name: 'batch 10, units 50: Bidirectional(concat, sequences) → TimeDistributed sigmoid (cumulative sum)',
    spec: {
      inputShape: [8, 1],
      layers: [{ type: 'bidirectional', layer: lstm(50, { returnSequences: true }), mergeMode: 'concat' }, { type: 'timeDistributedDense', units: 1, activation: 'sigmoid' }],
      loss: 'binaryCrossentropy',
      metrics: ['accuracy'],
    },
    out: [8, 1],
    rows: 10,
  },
  {
    name: 'batch 13: goBackwards LSTM(30, sequences) → LSTM(21) → Dense(5) on real inputs',
    spec: {
      inputShape: [7, 3],
      layers: [lstm(30, { returnSequences: true, goBackwards: true }), lstm(21), { type: 'dense', units: 5, activation: 'linear' }],
      loss: 'meanSquaredError',
      metrics: [],
    },
    out: [5],
    rows: 13,
  },
];

function pair(spec: ModelSpec, optimizer: OptimizerSpec, seed: string) {
  const reference = new TfjsModel(spec, optimizer, createRng(seed));
  const fused = new FusedModel(spec, optimizer, tfjsWeights(reference));
  return { reference, fused };
}

// Every test runs twice: on the WebAssembly SIMD kernels (float32 sums) and on the pure-JS path.
describe.each(['WebAssembly SIMD kernels', 'pure JS'])('the fused engine equals TF.js, on %s', (path) => {
  const wasm = path !== 'pure JS';
  // Kernels for every product, however small (the engine keeps tiny ones in JS).
  beforeAll(() => useWasmKernels(wasm, 0));
  afterAll(() => useWasmKernels(true));

  it('runs on that path (Node runs WebAssembly SIMD)', () => {
    expect(wasmKernelsActive()).toBe(wasm);
  });

  for (const { name, spec, out, rows, oneHot } of CASES) {
    describe(name, () => {
      it('forward outputs to 1e-6', async () => {
        const { reference, fused } = pair(spec, { name: 'sgd', learningRate: 1 }, `fwd/${name}`);
        const batch = randomBatch(spec, rows ?? 3, out, createRng(`data/${name}`), oneHot);
        const expected = await reference.predict(batch.x, batch.xShape);
        const actual = await fused.predict(batch.x, batch.xShape);
        expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-6);
        reference.dispose();
      });

      it('loss, metrics and every gradient to 1e-6 (one SGD step at learning rate 1)', async () => {
        const { reference, fused } = pair(spec, { name: 'sgd', learningRate: 1 }, `grad/${name}`);
        const before = tfjsWeights(reference).map((w) => Float32Array.from(w));
        const batch = randomBatch(spec, rows ?? 3, out, createRng(`data/${name}`), oneHot);
        const expectedValues = await reference.trainBatch(batch);
        const actualValues = await fused.trainBatch(batch);
        expect(maxAbsDiff(actualValues, expectedValues)).toBeLessThan(1e-6);
        const expectedWeights = tfjsWeights(reference);
        const actualWeights = fused.getWeights();
        before.forEach((w0, i) => {
          const expectedGrad = w0.map((v, j) => v - (expectedWeights[i]?.[j] ?? 0));
          const actualGrad = w0.map((v, j) => v - (actualWeights[i]?.[j] ?? 0));
          expect(maxAbsDiff(actualGrad, expectedGrad), `gradient of weight ${i}`).toBeLessThan(1e-6);
        });
        reference.dispose();
      });

      it('weights after 20 Adam steps at lr 0.01 to 1e-5, losses along the way to 1e-5', async () => {
        const { reference, fused } = pair(spec, { name: 'adam', learningRate: 0.01 }, `adam/${name}`);
        const rng = createRng(`data20/${name}`);
        for (let step = 0; step < 20; step++) {
          const batch = randomBatch(spec, rows ?? 4, out, rng, oneHot);
          const expected = await reference.trainBatch(batch);
          const actual = await fused.trainBatch(batch);
          expect(Math.abs((actual[0] ?? 0) - (expected[0] ?? 0)), `loss at step ${step}`).toBeLessThan(1e-5);
        }
        const expectedWeights = tfjsWeights(reference);
        fused.getWeights().forEach((w, i) => expect(maxAbsDiff(w, expectedWeights[i] as Float32Array), `weight ${i}`).toBeLessThan(1e-5));
        reference.dispose();
      });
    });
  }

  const echoSpec = (CASES[0] as Case).spec;
  for (const optimizer of [
    { name: 'rmsprop', learningRate: 0.01 },
    { name: 'adagrad', learningRate: 0.05 },
    { name: 'sgd', learningRate: 0.1, momentum: 0.9 },
    { name: 'sgd', learningRate: 0.1 },
  ] as OptimizerSpec[]) {
    it(`${optimizer.name}${optimizer.momentum ? ' with momentum' : ''}: weights after 20 steps to 1e-5`, async () => {
      const { reference, fused } = pair(echoSpec, optimizer, `opt/${optimizer.name}`);
      const rng = createRng(`opt-data/${optimizer.name}`);
      for (let step = 0; step < 20; step++) {
        const batch = randomBatch(echoSpec, 4, [10], rng);
        await reference.trainBatch(batch);
        await fused.trainBatch(batch);
      }
      const expectedWeights = tfjsWeights(reference);
      fused.getWeights().forEach((w, i) => expect(maxAbsDiff(w, expectedWeights[i] as Float32Array), `weight ${i}`).toBeLessThan(1e-5));
      reference.dispose();
    });
  }

  describe('stateful layers: the state carries across batches and predictions until reset', () => {
    const statefulCases: Case[] = [
      {
        name: 'stateful LSTM → Dense sigmoid (memory demo)',
        spec: { inputShape: [1, 5], batchSize: 3, layers: [lstm(6, { stateful: true }), { type: 'dense', units: 5, activation: 'sigmoid' }], loss: 'binaryCrossentropy', metrics: ['accuracy'] },
        out: [5],
      },
      {
        name: 'stateful encoder-decoder (echo partial sequence)',
        spec: {
          inputShape: [4, 5],
          batchSize: 3,
          layers: [lstm(6, { stateful: true }), { type: 'repeatVector', n: 2 }, lstm(5, { stateful: true, returnSequences: true }), { type: 'timeDistributedDense', units: 5, activation: 'softmax' }],
          loss: 'categoricalCrossentropy',
          metrics: ['accuracy'],
        },
        out: [2, 5],
      },
      {
        name: 'stateful encoder-decoder at batch 7 (blocks of rows, a carried state that is not zero)',
        spec: {
          inputShape: [3, 6],
          batchSize: 7,
          layers: [lstm(9, { stateful: true }), { type: 'repeatVector', n: 2 }, lstm(7, { stateful: true, returnSequences: true }), { type: 'timeDistributedDense', units: 6, activation: 'softmax' }],
          loss: 'categoricalCrossentropy',
          metrics: ['accuracy'],
        },
        out: [2, 6],
      },
    ];
    for (const { name, spec, out } of statefulCases) {
      it(`${name}: losses, predictions and weights to 1e-5 over 8 Adam steps with resets`, async () => {
        const { reference, fused } = pair(spec, { name: 'adam', learningRate: 0.01 }, `stateful/${name}`);
        const rng = createRng(`stateful-data/${name}`);
        for (let step = 0; step < 8; step++) {
          const batch = randomBatch(spec, spec.batchSize ?? 3, out, rng);
          const expected = await reference.trainBatch(batch);
          const actual = await fused.trainBatch(batch);
          expect(maxAbsDiff(actual, expected), `loss and accuracy at step ${step}`).toBeLessThan(1e-5);
          if (step % 3 === 2) {
            // A prediction continues from the carried state, and moves it on.
            const probe = randomBatch(spec, spec.batchSize ?? 3, out, rng);
            expect(maxAbsDiff(await fused.predict(probe.x, probe.xShape), await reference.predict(probe.x, probe.xShape)), `prediction after step ${step}`).toBeLessThan(1e-5);
          }
          if (step % 4 === 3) {
            reference.resetStates();
            fused.resetStates();
          }
        }
        const expectedWeights = tfjsWeights(reference);
        fused.getWeights().forEach((w, i) => expect(maxAbsDiff(w, expectedWeights[i] as Float32Array), `weight ${i}`).toBeLessThan(1e-5));
        reference.dispose();
      });
    }

    it('a reset really zeroes the state: the same input predicts differently before and after', async () => {
      const { spec, out } = statefulCases[0] as Case;
      const { reference, fused } = pair(spec, { name: 'adam', learningRate: 0.01 }, 'reset');
      const batch = randomBatch(spec, 3, out, createRng('reset-data'));
      const first = await fused.predict(batch.x, batch.xShape);
      const carried = await fused.predict(batch.x, batch.xShape);
      fused.resetStates();
      const again = await fused.predict(batch.x, batch.xShape);
      expect(maxAbsDiff(first, carried)).toBeGreaterThan(1e-4);
      expect(maxAbsDiff(first, again)).toBe(0);
      reference.dispose();
    });
  });

  it('scores a batch without training it: the loss and accuracy TF.js evaluate gives, weights unchanged', async () => {
    for (const { name, spec, out } of [CASES[0], CASES[1], CASES[4]] as Case[]) {
      const { reference, fused } = pair(spec, { name: 'adam', learningRate: 0.01 }, `eval/${name}`);
      const batch = randomBatch(spec, 5, out, createRng(`eval-data/${name}`));
      const before = fused.getWeights();
      expect(maxAbsDiff(await fused.evaluateBatch(batch), await reference.evaluateBatch(batch)), name).toBeLessThan(1e-6);
      fused.getWeights().forEach((w, i) => expect(maxAbsDiff(w, before[i] as Float32Array)).toBe(0));
      reference.dispose();
    }
  });

  it('gradient clipping (clipnorm): the same clipped steps on both engines, weights after 20 steps to 1e-5', async () => {
    for (const { name, spec, out } of [CASES[0], CASES[5], CASES[6]] as Case[]) {
      for (const optimizer of [{ name: 'adam', learningRate: 0.01, clipNorm: 0.05 }, { name: 'sgd', learningRate: 0.5, clipNorm: 0.1 }] as OptimizerSpec[]) {
        const { reference, fused } = pair(spec, optimizer, `clip/${name}/${optimizer.name}`);
        const rng = createRng(`clip-data/${name}`);
        let tensors = 0;
        for (let step = 0; step < 20; step++) {
          const batch = randomBatch(spec, 4, out, rng);
          const expected = await reference.trainBatch(batch);
          const actual = await fused.trainBatch(batch);
          expect(maxAbsDiff(actual, expected), `${name}: loss and accuracy at step ${step}`).toBeLessThan(1e-5);
          // After the first step (which makes the optimizer's slots) no step leaves a tensor behind.
          if (step === 0) tensors = tf.memory().numTensors;
        }
        expect(tf.memory().numTensors).toBe(tensors);
        const expectedWeights = tfjsWeights(reference);
        fused.getWeights().forEach((w, i) => expect(maxAbsDiff(w, expectedWeights[i] as Float32Array), `${name} weight ${i}`).toBeLessThan(1e-5));
        reference.dispose();
      }
    }
  });

  it('clipping bounds every step: with a tiny clip norm, SGD moves each weight array by at most rate × clip', async () => {
    const { spec, out } = CASES[0] as Case;
    const { fused } = pair(spec, { name: 'sgd', learningRate: 1, clipNorm: 0.001 }, 'clip-bound');
    const before = fused.getWeights();
    await fused.trainBatch(randomBatch(spec, 4, out, createRng('clip-bound')));
    fused.getWeights().forEach((w, i) => {
      const delta = Math.hypot(...Array.from(w, (v, j) => v - (before[i]?.[j] ?? 0)));
      expect(delta).toBeLessThanOrEqual(0.001 * 1.0001);
    });
  });

  it('gradient norms: TF.js recomputes on the last batch what the fused engine kept from its step (SGD at rate 0 keeps the weights)', async () => {
    for (const { name, spec, out } of [CASES[0], CASES[1], CASES[5]] as Case[]) {
      const { reference, fused } = pair(spec, { name: 'sgd', learningRate: 0 }, `gradnorm/${name}`);
      expect(reference.lastGradientNorms()).toBeNull();
      const batch = randomBatch(spec, 4, out, createRng(`gradnorm-data/${name}`));
      await reference.trainBatch(batch);
      await fused.trainBatch(batch);
      const before = tf.memory().numTensors;
      const expected = fused.lastGradientNorms();
      const actual = reference.lastGradientNorms() ?? [];
      expect(tf.memory().numTensors).toBe(before);
      expect(actual).toHaveLength(expected.length);
      expect(maxAbsDiff(actual, expected), name).toBeLessThan(1e-5);
      reference.dispose();
    }
  });

  it('says why it cannot run a model it does not support', () => {
    expect(fusedUnsupportedReason({ inputShape: [5, 10], layers: [lstm(3)], loss: 'meanSquaredError', metrics: [] })).toBeNull();
  });
});
