/**
 * Matrix products for the fused engine on row-major Float32Arrays with
 * offsets and row strides, so a layer can multiply blocks of its caches in
 * place. In JS sums run in double precision and are stored as float32; the
 * WebAssembly SIMD kernel (kernels.wat) sums in float32.
 *
 * The one dense kernel is C = A · Bᵀ ("NT"): both operands are read along
 * their rows, and a 4 × 2 block of C is kept in registers, so each value
 * loaded serves several multiply-adds. Other products transpose an operand
 * first (a copy of O(rows × columns), cheap next to the product).
 */
import { kernelsOf, worthAKernel } from './arena';

/** Rows of a matrix inside a typed array: element (i, k) is data[offset + i · stride + k]. */
export interface MatrixView {
  data: Float32Array;
  offset: number;
  stride: number;
}

export const view = (data: Float32Array, offset = 0, stride = 0): MatrixView => ({ data, offset, stride });

/**
 * C[m × n] (+)= A[m × k] · B[n × k]ᵀ. With `accumulate` the products are added
 * to C, else they replace it. When all three live in one arena (arena.ts) the
 * WebAssembly SIMD kernel computes it in place, in float32; else plain JS.
 */
export function gemmNT(m: number, n: number, k: number, a: MatrixView, b: MatrixView, c: MatrixView, accumulate: boolean): void {
  const kernels = worthAKernel(m * n * k) ? kernelsOf(c.data) : undefined;
  if (kernels && a.data.buffer === c.data.buffer && b.data.buffer === c.data.buffer) {
    kernels.gemmNT(
      m,
      n,
      k,
      a.data.byteOffset + 4 * a.offset,
      a.stride,
      b.data.byteOffset + 4 * b.offset,
      b.stride,
      c.data.byteOffset + 4 * c.offset,
      c.stride,
      accumulate ? 1 : 0,
    );
  } else gemmNTJs(m, n, k, a, b, c, accumulate);
}

/**
 * C[m × n] (+)= A · B with B[k × n] row-major, in the WebAssembly kernel (no
 * transposes): A[m × k] row-major, or with `transposedA` A's transpose, stored
 * [k × m] (C = Aᵀ · B, a weight gradient). Returns false, doing nothing, when
 * the operands are not all in one arena: the caller then takes its JS path.
 */
export function gemmABWasm(m: number, n: number, k: number, a: MatrixView, transposedA: boolean, b: MatrixView, c: MatrixView, accumulate: boolean): boolean {
  const kernels = kernelsOf(c.data);
  if (!kernels || a.data.buffer !== c.data.buffer || b.data.buffer !== c.data.buffer) return false;
  kernels.gemmAB(
    m,
    n,
    k,
    a.data.byteOffset + 4 * a.offset,
    transposedA ? 1 : a.stride,
    transposedA ? a.stride : 1,
    b.data.byteOffset + 4 * b.offset,
    b.stride,
    c.data.byteOffset + 4 * c.offset,
    c.stride,
    accumulate ? 1 : 0,
  );
  return true;
}

/** gemmNT in plain JS, summing in double precision. */
export function gemmNTJs(m: number, n: number, k: number, a: MatrixView, b: MatrixView, c: MatrixView, accumulate: boolean): void {
  const A = a.data;
  const B = b.data;
  const C = c.data;
  const lda = a.stride;
  const ldb = b.stride;
  const ldc = c.stride;
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const a0 = a.offset + i * lda;
    const a1 = a0 + lda;
    const a2 = a1 + lda;
    const a3 = a2 + lda;
    const c0 = c.offset + i * ldc;
    const c1 = c0 + ldc;
    const c2 = c1 + ldc;
    const c3 = c2 + ldc;
    let j = 0;
    for (; j + 1 < n; j += 2) {
      const b0 = b.offset + j * ldb;
      const b1 = b0 + ldb;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      let s20 = 0;
      let s21 = 0;
      let s30 = 0;
      let s31 = 0;
      for (let p = 0; p < k; p++) {
        const w0 = B[b0 + p] as number;
        const w1 = B[b1 + p] as number;
        const x0 = A[a0 + p] as number;
        const x1 = A[a1 + p] as number;
        const x2 = A[a2 + p] as number;
        const x3 = A[a3 + p] as number;
        s00 += x0 * w0;
        s01 += x0 * w1;
        s10 += x1 * w0;
        s11 += x1 * w1;
        s20 += x2 * w0;
        s21 += x2 * w1;
        s30 += x3 * w0;
        s31 += x3 * w1;
      }
      C[c0 + j] = accumulate ? (C[c0 + j] as number) + s00 : s00;
      C[c0 + j + 1] = accumulate ? (C[c0 + j + 1] as number) + s01 : s01;
      C[c1 + j] = accumulate ? (C[c1 + j] as number) + s10 : s10;
      C[c1 + j + 1] = accumulate ? (C[c1 + j + 1] as number) + s11 : s11;
      C[c2 + j] = accumulate ? (C[c2 + j] as number) + s20 : s20;
      C[c2 + j + 1] = accumulate ? (C[c2 + j + 1] as number) + s21 : s21;
      C[c3 + j] = accumulate ? (C[c3 + j] as number) + s30 : s30;
      C[c3 + j + 1] = accumulate ? (C[c3 + j + 1] as number) + s31 : s31;
    }
    if (j < n) {
      const b0 = b.offset + j * ldb;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = 0; p < k; p++) {
        const w = B[b0 + p] as number;
        s0 += (A[a0 + p] as number) * w;
        s1 += (A[a1 + p] as number) * w;
        s2 += (A[a2 + p] as number) * w;
        s3 += (A[a3 + p] as number) * w;
      }
      C[c0 + j] = accumulate ? (C[c0 + j] as number) + s0 : s0;
      C[c1 + j] = accumulate ? (C[c1 + j] as number) + s1 : s1;
      C[c2 + j] = accumulate ? (C[c2 + j] as number) + s2 : s2;
      C[c3 + j] = accumulate ? (C[c3 + j] as number) + s3 : s3;
    }
  }
  // Leftover rows (all of them at batch 1): one row against four columns at a time.
  for (; i < m; i++) {
    const a0 = a.offset + i * lda;
    const c0 = c.offset + i * ldc;
    let j = 0;
    for (; j + 3 < n; j += 4) {
      const b0 = b.offset + j * ldb;
      const b1 = b0 + ldb;
      const b2 = b1 + ldb;
      const b3 = b2 + ldb;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = 0; p < k; p++) {
        const x = A[a0 + p] as number;
        s0 += x * (B[b0 + p] as number);
        s1 += x * (B[b1 + p] as number);
        s2 += x * (B[b2 + p] as number);
        s3 += x * (B[b3 + p] as number);
      }
      C[c0 + j] = accumulate ? (C[c0 + j] as number) + s0 : s0;
      C[c0 + j + 1] = accumulate ? (C[c0 + j + 1] as number) + s1 : s1;
      C[c0 + j + 2] = accumulate ? (C[c0 + j + 2] as number) + s2 : s2;
      C[c0 + j + 3] = accumulate ? (C[c0 + j + 3] as number) + s3 : s3;
    }
    for (; j < n; j++) {
      const b0 = b.offset + j * ldb;
      let s = 0;
      for (let p = 0; p < k; p++) s += (A[a0 + p] as number) * (B[b0 + p] as number);
      C[c0 + j] = accumulate ? (C[c0 + j] as number) + s : s;
    }
  }
}

/**
 * C[m × n] (+)= A[m × k] · W[k × n] for an A that is mostly zeros (one-hot
 * inputs): each non-zero A[i][p] adds a multiple of W's row p to C's row i.
 */
export function gemmSparseA(m: number, n: number, k: number, a: MatrixView, w: MatrixView, c: MatrixView, accumulate: boolean): void {
  const A = a.data;
  const W = w.data;
  const C = c.data;
  for (let i = 0; i < m; i++) {
    const ci = c.offset + i * c.stride;
    if (!accumulate) C.fill(0, ci, ci + n);
    const ai = a.offset + i * a.stride;
    for (let p = 0; p < k; p++) {
      const x = A[ai + p] as number;
      if (x === 0) continue;
      const wp = w.offset + p * w.stride;
      for (let j = 0; j < n; j++) C[ci + j] = (C[ci + j] as number) + x * (W[wp + j] as number);
    }
  }
}

/** Writes the transpose of src's [rows × cols] block into dst: dst(j, i) = src(i, j). */
export function transpose(rows: number, cols: number, src: MatrixView, dst: MatrixView): void {
  const S = src.data;
  const D = dst.data;
  for (let i = 0; i < rows; i++) {
    const si = src.offset + i * src.stride;
    const di = dst.offset + i;
    for (let j = 0; j < cols; j++) D[di + j * dst.stride] = S[si + j] as number;
  }
}

/** Whether at least half of the first `length` values from `offset` are zero (then skipping zeros pays). */
export function mostlyZero(data: Float32Array, offset: number, length: number): boolean {
  let zeros = 0;
  for (let i = offset; i < offset + length; i++) if (data[i] === 0) zeros++;
  return zeros * 2 >= length;
}
