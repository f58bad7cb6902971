import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { addressOf, createAllocator, heapAllocator, kernelsOf, useWasmKernels, wasmKernelsActive } from './arena';
import { gemmNT, gemmNTJs, view } from './gemm';
import { KERNELS_WASM_BASE64 } from './kernelsWasm';

describe('the WebAssembly SIMD kernels', () => {
  // Every product goes to the kernels here, however small.
  beforeAll(() => useWasmKernels(true, 0));
  afterAll(() => useWasmKernels(true));

  it('kernelsWasm.ts holds exactly what kernels.wat assembles to (else run `npm run build:wasm`)', async () => {
    const wabt = await wabtInit();
    const module = wabt.parseWat('kernels.wat', readFileSync(new URL('./kernels.wat', import.meta.url), 'utf8'), { simd: true });
    module.validate();
    const { buffer } = module.toBinary({ log: false, write_debug_names: false });
    module.destroy();
    expect(Buffer.from(buffer).toString('base64')).toBe(KERNELS_WASM_BASE64);
  });

  it('run here, and a model allocator then hands out arrays in an arena with kernels; switched off, plain arrays', () => {
    expect(wasmKernelsActive()).toBe(true);
    const inArena = createAllocator().f32(10);
    expect(kernelsOf(inArena)).toBeDefined();
    useWasmKernels(false);
    try {
      expect(wasmKernelsActive()).toBe(false);
      expect(createAllocator()).toBe(heapAllocator);
    } finally {
      useWasmKernels(true, 0);
    }
  });

  it('with the default threshold, a model of a few hundred weights stays on the heap (JS) and a larger one gets an arena', () => {
    useWasmKernels(true);
    try {
      expect(createAllocator(542)).toBe(heapAllocator);
      expect(kernelsOf(createAllocator(3860).f32(4))).toBeDefined();
    } finally {
      useWasmKernels(true, 0);
    }
  });

  it('an arena that is full hands out plain arrays, on which products run in JS', () => {
    const mem = createAllocator();
    const big = mem.f32(15 * 1024 * 1024); // 60 MiB of the 64 MiB
    expect(kernelsOf(big)).toBeDefined();
    const overflow = mem.f32(2 * 1024 * 1024);
    expect(kernelsOf(overflow)).toBeUndefined();
    overflow.fill(1);
    const c = mem.f32(1);
    gemmNT(1, 1, 3, view(overflow, 0, 3), view(overflow, 3, 3), view(c, 0, 1), false);
    expect(c[0]).toBe(3);
  });

  // Shapes around the kernel's blocks (4 rows × 2 columns, 1 × 4, vectors of 4 along k) and their leftovers.
  const shapes: [number, number, number][] = [
    [1, 1, 1],
    [1, 4, 4],
    [1, 7, 13],
    [3, 5, 3],
    [4, 2, 8],
    [5, 3, 9],
    [8, 6, 75],
    [9, 11, 17],
    [32, 300, 75],
    [13, 21, 4],
  ];
  for (const [m, n, k] of shapes) {
    it(`gemmNT ${m} × ${n} × ${k}, with offsets, strides and accumulation, equals the JS product to float32 rounding`, () => {
      const rng = createRng(`gemm/${m}/${n}/${k}`);
      const mem = createAllocator();
      const lda = k + 3;
      const ldb = k + 1;
      const ldc = n + 2;
      const fill = (length: number) => {
        const a = mem.f32(length);
        for (let i = 0; i < length; i++) a[i] = rng.uniform(-1, 1);
        return a;
      };
      const a = fill(5 + m * lda);
      const b = fill(2 + n * ldb);
      const c = fill(1 + m * ldc);
      expect(kernelsOf(c)).toBeDefined();
      const expected = Float32Array.from(c);
      for (const accumulate of [false, true]) {
        gemmNT(m, n, k, view(a, 5, lda), view(b, 2, ldb), view(c, 1, ldc), accumulate);
        gemmNTJs(m, n, k, view(a, 5, lda), view(b, 2, ldb), view(expected, 1, ldc), accumulate);
        let max = 0;
        for (let i = 0; i < c.length; i++) max = Math.max(max, Math.abs((c[i] as number) - (expected[i] as number)));
        // Float32 sums of k products of values in [-1, 1]: a few float32 epsilons per term at most.
        expect(max).toBeLessThan(k * 4e-7 + 1e-7);
        // Elements outside the m × n block are untouched.
        expect(c[0]).toBe(expected[0]);
      }
    });
  }

  it('lstmGates: sigmoid, tanh and the cell update over pre-activations from -100 to 100, to 1e-7 of double precision', () => {
    const mem = createAllocator();
    const rows = 3;
    const units = 8;
    const rng = createRng('gates');
    const z = mem.f32(rows * 4 * units);
    const bias = mem.f32(4 * units);
    const cPrev = mem.f32(rows * units);
    const [cells, acts, hid] = [mem.f32(rows * units), mem.f32(rows * units), mem.f32(rows * units)];
    for (let i = 0; i < z.length; i++) z[i] = i % 5 === 0 ? rng.uniform(-100, 100) : rng.uniform(-6, 6);
    z[1] = 0;
    z[2] = -88.7;
    z[3] = 89;
    for (let i = 0; i < bias.length; i++) bias[i] = rng.uniform(-1, 1);
    for (let i = 0; i < cPrev.length; i++) cPrev[i] = rng.uniform(-3, 3);
    const pre = Float32Array.from(z);
    const kernels = kernelsOf(z);
    if (!kernels) throw new Error('no kernels');
    kernels.lstmGates(rows, units, units, addressOf(z), addressOf(bias), addressOf(cPrev), addressOf(cells), addressOf(acts), addressOf(hid));
    const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
    let max = 0;
    const check = (actual: number | undefined, expected: number) => {
      expect(Number.isFinite(actual)).toBe(true);
      max = Math.max(max, Math.abs((actual as number) - expected));
    };
    for (let r = 0; r < rows; r++) {
      for (let u = 0; u < units; u++) {
        const at = (gate: number) => Math.fround((pre[r * 4 * units + gate * units + u] as number) + (bias[gate * units + u] as number));
        const [i, f, g, o] = [sigmoid(at(0)), sigmoid(at(1)), Math.tanh(at(2)), sigmoid(at(3))];
        check(z[r * 4 * units + u], i);
        check(z[r * 4 * units + units + u], f);
        check(z[r * 4 * units + 2 * units + u], g);
        check(z[r * 4 * units + 3 * units + u], o);
        const c = f * (cPrev[r * units + u] as number) + i * g;
        check(cells[r * units + u], c);
        check(acts[r * units + u], Math.tanh(c));
        check(hid[r * units + u], o * Math.tanh(c));
      }
    }
    expect(max).toBeLessThan(1e-7);
  });

  it('adam: the same update as in double precision, to float32 rounding', () => {
    const mem = createAllocator();
    const n = 23;
    const rng = createRng('adam');
    const [w, g, m, v] = [mem.f32(n), mem.f32(n), mem.f32(n), mem.f32(n)];
    for (let i = 0; i < n; i++) {
      w[i] = rng.uniform(-1, 1);
      g[i] = rng.uniform(-1, 1);
      m[i] = rng.uniform(-0.1, 0.1);
      v[i] = rng.uniform(0, 0.01);
    }
    const [w0, m0, v0] = [Float32Array.from(w), Float32Array.from(m), Float32Array.from(v)];
    const [b1, b2, c1, c2, lr, eps] = [0.9, 0.999, Math.fround(1 - 0.9 ** 3), Math.fround(1 - 0.999 ** 3), 0.01, 1e-7];
    kernelsOf(w)?.adam(n, addressOf(w), addressOf(g), addressOf(m), addressOf(v), b1, b2, 1 - b1, 1 - b2, c1, c2, lr, eps);
    for (let i = 0; i < n; i++) {
      const gi = g[i] as number;
      const mi = (m0[i] as number) * b1 + gi * (1 - b1);
      const vi = (v0[i] as number) * b2 + gi * gi * (1 - b2);
      expect(Math.abs((m[i] as number) - mi)).toBeLessThan(1e-7);
      expect(Math.abs((v[i] as number) - vi)).toBeLessThan(1e-8);
      expect(Math.abs((w[i] as number) - ((w0[i] as number) - lr * (mi / c1 / (Math.sqrt(vi / c2) + eps))))).toBeLessThan(1e-6);
    }
  });
});
