/**
 * The replacement kernels against TF.js' own CPU kernels (captured before they
 * are replaced), and the WebAssembly backend training a convolution with them.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../random';
import { installKernels } from './install';

type Shape4 = [number, number, number, number];
type Padding = 'valid' | 'same';

/** Uniform values in [-1, 1), or 0/1 pixels with many ties (as the moving-line frames are). */
function values(seed: string, size: number, binary = false): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: size }, () => (binary ? (rng.next() < 0.2 ? 1 : 0) : rng.uniform(-1, 1)));
}

const volume = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

interface ConvCase {
  x: Shape4;
  filter: Shape4;
  stride: number;
  pad: Padding;
  binary: boolean;
}

interface PoolCase {
  x: Shape4;
  pool: number;
  stride: number;
  pad: Padding;
  binary: boolean;
}

const convCases: [string, ConvCase][] = [
  ['2×2 on 0/1 frames (the moving line)', { x: [6, 9, 9, 1], filter: [2, 2, 1, 2], stride: 1, pad: 'valid', binary: true }],
  ['3×3, 3 → 4 channels, same padding', { x: [3, 7, 8, 3], filter: [3, 3, 3, 4], stride: 1, pad: 'same', binary: false }],
  ['2×3 kernel, stride 2', { x: [2, 9, 7, 2], filter: [2, 3, 2, 3], stride: 2, pad: 'valid', binary: false }],
  ['stride 2, same padding', { x: [2, 8, 9, 1], filter: [3, 3, 1, 2], stride: 2, pad: 'same', binary: false }],
];

const poolCases: [string, PoolCase][] = [
  ['2×2 on 0/1 values (ties)', { x: [4, 9, 9, 2], pool: 2, stride: 2, pad: 'valid', binary: true }],
  ['3×3 overlapping windows, stride 1', { x: [2, 7, 6, 3], pool: 3, stride: 1, pad: 'valid', binary: false }],
  ['3×3 stride 2 with same padding', { x: [2, 8, 7, 2], pool: 3, stride: 2, pad: 'same', binary: false }],
  ['overlapping windows on 0/1 values', { x: [3, 6, 6, 1], pool: 2, stride: 1, pad: 'valid', binary: true }],
];

/** The filter gradient of Σ conv(x, w)·dy, and (as a check of the whole backward pass) the input gradient. */
function convGradients(c: ConvCase, seed: string): Float32Array[] {
  return tf.tidy(() => {
    const x = tf.tensor4d(values(`${seed}-x`, volume(c.x), c.binary), c.x);
    const w = tf.tensor4d(values(`${seed}-w`, volume(c.filter)), c.filter);
    const out = tf.conv2d(x, w, c.stride, c.pad);
    const dy = tf.tensor(values(`${seed}-dy`, out.size), out.shape);
    const grads = tf.grads((xx: tf.Tensor, ww: tf.Tensor) => tf.conv2d(xx as tf.Tensor4D, ww as tf.Tensor4D, c.stride, c.pad).mul(dy).sum());
    return grads([x, w]).map((g) => g.dataSync() as Float32Array);
  });
}

function poolGradient(c: PoolCase, seed: string): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(values(`${seed}-x`, volume(c.x), c.binary), c.x);
    const out = tf.maxPool(x, c.pool, c.stride, c.pad);
    const dy = tf.tensor(values(`${seed}-dy`, out.size), out.shape);
    return tf.grad((xx: tf.Tensor) => tf.maxPool(xx as tf.Tensor4D, c.pool, c.stride, c.pad).mul(dy).sum())(x).dataSync() as Float32Array;
  });
}

/** Results of TF.js' own CPU kernels, computed before the replacements are installed. */
const stockConv = new Map<string, Float32Array[]>();
const stockPool = new Map<string, Float32Array>();
let stockKernels: tf.KernelConfig[] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
  for (const [name, c] of convCases) stockConv.set(name, convGradients(c, name));
  for (const [name, c] of poolCases) stockPool.set(name, poolGradient(c, name));
  stockKernels = [tf.getKernel(tf.Conv2DBackpropFilter, 'cpu'), tf.getKernel(tf.MaxPoolGrad, 'cpu')];
  installKernels();
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? Number.NaN) - (b[i] ?? Number.NaN)));
  return max;
}

describe('replacement kernels on the CPU backend', () => {
  it('replace TF.js’ own', () => {
    expect(stockKernels).toHaveLength(2);
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'cpu')).not.toBe(stockKernels[0]);
    expect(tf.getKernel(tf.MaxPoolGrad, 'cpu')).not.toBe(stockKernels[1]);
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBeDefined();
  });

  it.each(convCases)('Conv2DBackpropFilter, %s: the same numbers as TF.js', (name, c) => {
    const [dx, dw] = convGradients(c, name);
    const [stockDx, stockDw] = stockConv.get(name) ?? [];
    expect(dw).toEqual(stockDw);
    expect(dx).toEqual(stockDx);
    expect(dw?.some((v) => v !== 0)).toBe(true);
  });

  it.each(poolCases)('MaxPoolGrad, %s: the same numbers as TF.js', (name, c) => {
    const dx = poolGradient(c, name);
    const stock = stockPool.get(name) ?? new Float32Array();
    // Exact where windows do not overlap; overlapping windows add in another order.
    expect(maxDifference(dx, stock)).toBeLessThan(1e-6);
    if (c.stride === c.pool) expect(dx).toEqual(stock);
  });

  it('installing twice is harmless', () => {
    installKernels();
    const [name, c] = convCases[0] ?? [];
    if (!name || !c) throw new Error('no case');
    expect(convGradients(c, name)[1]).toEqual(stockConv.get(name)?.[1]);
  });
});

describe('the WebAssembly backend', () => {
  it('trains a convolution (TF.js has no Conv2DBackpropFilter there) with the CPU results', async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    for (const [name, c] of convCases) {
      const [dx, dw] = convGradients(c, name);
      const [stockDx, stockDw] = stockConv.get(name) ?? [];
      expect(maxDifference(dw ?? [], stockDw ?? [])).toBeLessThan(1e-4);
      expect(maxDifference(dx ?? [], stockDx ?? [])).toBeLessThan(1e-4);
    }
    const before = tf.memory().numTensors;
    convGradients(convCases[0]?.[1] as ConvCase, 'leak');
    expect(tf.memory().numTensors).toBe(before);
  });
});
