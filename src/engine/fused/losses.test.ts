import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Loss } from '../modelSpec';
import { accuracy, lossAndGradient } from './losses';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const TF_LOSS: Record<Loss, (t: tf.Tensor, p: tf.Tensor) => tf.Tensor> = {
  meanSquaredError: (t, p) => tf.metrics.meanSquaredError(t, p),
  meanAbsoluteError: (t, p) => tf.metrics.meanAbsoluteError(t, p),
  binaryCrossentropy: (t, p) => tf.metrics.binaryCrossentropy(t, p),
  categoricalCrossentropy: (t, p) => tf.metrics.categoricalCrossentropy(t, p),
};

/** TF.js' batch loss (mean over rows of the per-row loss) and its gradient. */
function reference(loss: Loss, pred: number[], target: number[], rows: number, width: number) {
  const t = tf.tensor2d(target, [rows, width]);
  const p = tf.tensor2d(pred, [rows, width]);
  const f = (x: tf.Tensor) => tf.mean(TF_LOSS[loss](t, x));
  const value = f(p).dataSync()[0] ?? Number.NaN;
  const grad = tf.grad(f)(p).dataSync();
  return { value, grad: Array.from(grad) };
}

function check(loss: Loss, pred: number[], target: number[], rows: number, width: number) {
  const expected = reference(loss, pred, target, rows, width);
  const grad = new Float32Array(pred.length);
  const value = lossAndGradient(loss, Float32Array.from(pred), Float32Array.from(target), rows, width, grad);
  expect(value).toBeCloseTo(expected.value, 5);
  Array.from(grad).forEach((g, i) => expect(Math.abs(g - (expected.grad[i] ?? Number.NaN)), `gradient ${i}`).toBeLessThan(1e-6));
}

describe('losses match TF.js, value and gradient, including the edge cases', () => {
  it('mean squared error', () => check('meanSquaredError', [0.1, -0.5, 2, 0.3], [0, 0.5, 2, 1], 2, 2));
  it('mean absolute error, with TF.js gradient -1 where the prediction is exactly right', () =>
    check('meanAbsoluteError', [0.25, -0.5, 2, 0.3, 0.5, 0.5], [0.25, 0.5, 2, 1, 0.5, 0], 3, 2));
  it('binary cross-entropy, with predictions clipped at 0 and 1', () =>
    check('binaryCrossentropy', [0.3, 0.9, 0, 1, 0.5, 1e-9], [1, 0, 0, 1, 1, 1], 3, 2));
  it('categorical cross-entropy on probabilities, with a clipped near-zero probability', () =>
    check('categoricalCrossentropy', [0.7, 0.2, 0.1, 1e-9, 0.5, 0.5 - 1e-9], [1, 0, 0, 1, 0, 0], 2, 3));
  it('categorical cross-entropy renormalises outputs that do not sum to 1', () =>
    check('categoricalCrossentropy', [0.6, 0.6, 0.3, 0.1, 0.2, 0.3], [0, 1, 0, 0, 0, 1], 2, 3));
});

describe('accuracy as Keras counts it', () => {
  it('categorical: argmax of prediction equals argmax of target, first index on ties', () => {
    expect(accuracy('categoricalCrossentropy', Float32Array.from([0.1, 0.8, 0.1, 0.5, 0.5, 0]), Float32Array.from([0, 1, 0, 0, 1, 0]), 2, 3)).toBe(0.5);
  });
  it('binary: a prediction counts as 1 only above 0.5', () => {
    expect(accuracy('binaryCrossentropy', Float32Array.from([0.5, 0.51, 0.2, 0.9]), Float32Array.from([1, 1, 0, 0]), 4, 1)).toBe(0.5);
  });
});
