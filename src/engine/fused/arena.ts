import { KERNELS_WASM_BASE64 } from './kernelsWasm';

/** Where a fused model's Float32Arrays come from. */
export interface Allocator {
  f32(length: number): Float32Array<ArrayBuffer>;
}

/** Plain typed arrays on the JavaScript heap (the pure-JS path). */
export const heapAllocator: Allocator = { f32: (length) => new Float32Array(length) };

/** The exports of kernels.wat; pointers are byte offsets into the arena's memory, strides in elements. */
export interface Kernels {
  gemmNT(m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number, accumulate: number): void;
  gemmAB(m: number, n: number, k: number, a: number, ai: number, ap: number, b: number, ldb: number, c: number, ldc: number, accumulate: number): void;
  lstmGates(rows: number, u2: number, units: number, z: number, bias: number, cPrev: number, cells: number, acts: number, hid: number): void;
  lstmGatesBackward(
    rows: number,
    u2: number,
    units: number,
    gates: number,
    dz: number,
    acts: number,
    cPrev: number,
    dhNext: number,
    dcNext: number,
    dOut: number,
    dOutStride: number,
    hasOut: number,
  ): void;
  adam(n: number, w: number, g: number, m: number, v: number, beta1: number, beta2: number, oneMinusBeta1: number, oneMinusBeta2: number, c1: number, c2: number, lr: number, epsilon: number): void;
}

/** The arena each set of kernels works in, by its memory's buffer. */
const kernelsByBuffer = new WeakMap<ArrayBuffer, Kernels>();

let wasmEnabled = true;
/**
 * Below this many multiply-adds in a product (or in an LSTM step's recurrent
 * product, for the whole layer) the JS path runs instead: for tiny models the
 * cost of each call into WebAssembly outweighs the arithmetic it saves.
 */
const DEFAULT_MIN_WORK = 2048;
let minWork = DEFAULT_MIN_WORK;
/** undefined: not tried yet; null: this runtime does not run WebAssembly SIMD. */
let compiled: WebAssembly.Module | null | undefined;

/**
 * Switches the WebAssembly kernels off (false: every model built afterwards
 * runs in plain JS) or back on; `minimumWork` 0 sends even the tiniest
 * products to the kernels (tests).
 */
export function useWasmKernels(enabled: boolean, minimumWork = DEFAULT_MIN_WORK): void {
  wasmEnabled = enabled;
  minWork = minimumWork;
}

/** Whether `work` multiply-adds are enough to call a kernel for. */
export function worthAKernel(work: number): boolean {
  return work >= minWork;
}

function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  try {
    const bytes = Uint8Array.from(atob(KERNELS_WASM_BASE64), (c) => c.charCodeAt(0));
    // A runtime without SIMD rejects the module: then everything runs in JS.
    if (typeof WebAssembly === 'object' && WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
  } catch {
    compiled = null;
  }
  return compiled;
}

/** Whether models get the WebAssembly SIMD kernels (this runtime validates them and they are not switched off). */
export function wasmKernelsActive(): boolean {
  return wasmEnabled && kernelModule() !== null;
}

/** Bytes of address space each arena reserves: untouched pages cost no memory, and only what a model uses is touched. */
const ARENA_PAGES = 1024; // 64 MiB
const ALIGN = 16;

/**
 * One WebAssembly.Memory per model holding its weights, gradients, optimizer
 * moments and layer caches, so the kernels work on them in place (no copies).
 * It never grows (growing would detach every view handed out): once full,
 * further arrays come from the JS heap and products on them run in JS.
 */
class Arena implements Allocator {
  private top = 0;
  constructor(private readonly memory: WebAssembly.Memory) {}

  f32(length: number): Float32Array<ArrayBuffer> {
    const bytes = Math.ceil((length * 4) / ALIGN) * ALIGN;
    if (this.top + bytes > this.memory.buffer.byteLength) return new Float32Array(length);
    const view = new Float32Array(this.memory.buffer, this.top, length);
    this.top += bytes;
    return view;
  }
}

/**
 * A new model's allocator: an arena with its own kernels where WebAssembly
 * SIMD runs, else the JS heap. A model of fewer than about a thousand weights
 * (`paramCount`) stays on the heap, all in JS: measured faster there (the
 * rectangles' LSTM(10) took 1.5× as long per step with the kernels in short runs).
 */
export function createAllocator(paramCount = Infinity): Allocator {
  const module = wasmEnabled && worthAKernel(2 * paramCount) ? kernelModule() : null;
  if (!module) return heapAllocator;
  try {
    const memory = new WebAssembly.Memory({ initial: ARENA_PAGES, maximum: ARENA_PAGES });
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    kernelsByBuffer.set(memory.buffer, instance.exports as unknown as Kernels);
    return new Arena(memory);
  } catch {
    // No room for another memory: this model runs in JS.
    return heapAllocator;
  }
}

/** The kernels of the arena holding `data`, if it lives in one. */
export function kernelsOf(data: Float32Array): Kernels | undefined {
  return kernelsByBuffer.get(data.buffer as ArrayBuffer);
}

/** The kernels of the arena holding all of `arrays`, if they all live in the same one. */
export function kernelsOfAll(...arrays: Float32Array[]): Kernels | undefined {
  const first = arrays[0];
  if (!first) return undefined;
  const kernels = kernelsOf(first);
  return kernels && arrays.every((a) => a.buffer === first.buffer) ? kernels : undefined;
}

/** Byte address of element `index` of an arena array. */
export const addressOf = (data: Float32Array, index = 0): number => data.byteOffset + 4 * index;
