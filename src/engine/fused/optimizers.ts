import type { OptimizerSpec } from '../modelSpec';
import { addressOf, heapAllocator, kernelsOfAll, worthAKernel, type Allocator } from './arena';

/** Updates weights in place from their gradients, as TF.js' optimizer of the same name does. */
export interface FusedOptimizer {
  apply(weights: readonly Float32Array[], grads: readonly Float32Array[]): void;
}

const f32 = Math.fround;
/** TF.js' float32 epsilon, used by Adagrad. */
const BACKEND_EPSILON = 1e-7;

/** Where the optimizers' slots (moments, accumulators) are allocated: set by createFusedOptimizer. */
function slots(mem: Allocator, weights: readonly Float32Array[], fill = 0): Float32Array[] {
  return weights.map((w) => mem.f32(w.length).fill(fill));
}

class Adam implements FusedOptimizer {
  private m: Float32Array[] | null = null;
  private v: Float32Array[] | null = null;
  // TF.js keeps the running powers of beta as float32 scalars.
  private accBeta1 = f32(0.9);
  private accBeta2 = f32(0.999);

  constructor(
    private readonly mem: Allocator,
    private readonly lr: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-7,
  ) {}

  apply(weights: readonly Float32Array[], grads: readonly Float32Array[]): void {
    this.m ??= slots(this.mem, weights);
    this.v ??= slots(this.mem, weights);
    const oneMinusAcc1 = f32(1 - this.accBeta1);
    const oneMinusAcc2 = f32(1 - this.accBeta2);
    const { beta1, beta2, epsilon, lr } = this;
    weights.forEach((w, p) => {
      const g = grads[p] as Float32Array;
      const m = (this.m as Float32Array[])[p] as Float32Array;
      const v = (this.v as Float32Array[])[p] as Float32Array;
      const kernels = worthAKernel(8 * w.length) ? kernelsOfAll(w, g, m, v) : undefined;
      if (kernels) {
        // In float32, four at a time (TF.js also computes each operation in float32).
        kernels.adam(w.length, addressOf(w), addressOf(g), addressOf(m), addressOf(v), beta1, beta2, 1 - beta1, 1 - beta2, oneMinusAcc1, oneMinusAcc2, lr, epsilon);
        return;
      }
      for (let i = 0; i < w.length; i++) {
        const gi = g[i] as number;
        const mi = (m[i] as number) * beta1 + gi * (1 - beta1);
        const vi = (v[i] as number) * beta2 + gi * gi * (1 - beta2);
        m[i] = mi;
        v[i] = vi;
        w[i] = (w[i] as number) - lr * ((m[i] as number) / oneMinusAcc1 / (Math.sqrt((v[i] as number) / oneMinusAcc2) + epsilon));
      }
    });
    this.accBeta1 = f32(this.accBeta1 * f32(beta1));
    this.accBeta2 = f32(this.accBeta2 * f32(beta2));
  }
}

class RmsProp implements FusedOptimizer {
  private ms: Float32Array[] | null = null;
  private mom: Float32Array[] | null = null;
  constructor(
    private readonly mem: Allocator,
    private readonly lr: number,
    private readonly decay = 0.9,
    private readonly momentum = 0,
    private readonly epsilon = 1e-7,
  ) {}

  apply(weights: readonly Float32Array[], grads: readonly Float32Array[]): void {
    this.ms ??= slots(this.mem, weights);
    this.mom ??= slots(this.mem, weights);
    const { lr, decay, momentum, epsilon } = this;
    weights.forEach((w, p) => {
      const g = grads[p] as Float32Array;
      const ms = (this.ms as Float32Array[])[p] as Float32Array;
      const mom = (this.mom as Float32Array[])[p] as Float32Array;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i] as number;
        ms[i] = (ms[i] as number) * decay + gi * gi * (1 - decay);
        mom[i] = (mom[i] as number) * momentum + (gi * lr) / Math.sqrt((ms[i] as number) + epsilon);
        w[i] = (w[i] as number) - (mom[i] as number);
      }
    });
  }
}

class Adagrad implements FusedOptimizer {
  private acc: Float32Array[] | null = null;
  constructor(
    private readonly mem: Allocator,
    private readonly lr: number,
    private readonly initial = 0.1,
  ) {}

  apply(weights: readonly Float32Array[], grads: readonly Float32Array[]): void {
    this.acc ??= slots(this.mem, weights, this.initial);
    weights.forEach((w, p) => {
      const g = grads[p] as Float32Array;
      const acc = (this.acc as Float32Array[])[p] as Float32Array;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i] as number;
        acc[i] = (acc[i] as number) + gi * gi;
        w[i] = (w[i] as number) - this.lr * (gi / Math.sqrt((acc[i] as number) + BACKEND_EPSILON));
      }
    });
  }
}

class Sgd implements FusedOptimizer {
  private acc: Float32Array[] | null = null;
  constructor(
    private readonly mem: Allocator,
    private readonly lr: number,
    private readonly momentum: number,
  ) {}

  apply(weights: readonly Float32Array[], grads: readonly Float32Array[]): void {
    if (this.momentum === 0) {
      weights.forEach((w, p) => {
        const g = grads[p] as Float32Array;
        for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) - this.lr * (g[i] as number);
      });
      return;
    }
    this.acc ??= slots(this.mem, weights);
    weights.forEach((w, p) => {
      const g = grads[p] as Float32Array;
      const acc = (this.acc as Float32Array[])[p] as Float32Array;
      for (let i = 0; i < w.length; i++) {
        acc[i] = this.momentum * (acc[i] as number) + (g[i] as number);
        w[i] = (w[i] as number) - this.lr * (acc[i] as number);
      }
    });
  }
}

/** The L2 norm of a weight or gradient array (summed in double precision). */
export function l2Norm(values: Float32Array): number {
  let sum = 0;
  for (const v of values) sum += v * v;
  return Math.sqrt(sum);
}

/** Keras' clipnorm in front of an optimizer: each gradient array scaled to a norm of at most `clip`, in place. */
class Clipped implements FusedOptimizer {
  constructor(
    private readonly inner: FusedOptimizer,
    private readonly clip: number,
  ) {}

  apply(weights: readonly Float32Array[], grads: readonly Float32Array[]): void {
    for (const g of grads) {
      const norm = l2Norm(g);
      if (norm <= this.clip) continue;
      const scale = this.clip / norm;
      for (let i = 0; i < g.length; i++) g[i] = f32((g[i] as number) * scale);
    }
    this.inner.apply(weights, grads);
  }
}

function unclipped(spec: OptimizerSpec, mem: Allocator): FusedOptimizer {
  switch (spec.name) {
    case 'adam':
      return new Adam(mem, spec.learningRate);
    case 'rmsprop':
      return new RmsProp(mem, spec.learningRate);
    case 'adagrad':
      return new Adagrad(mem, spec.learningRate);
    case 'sgd':
      return new Sgd(mem, spec.learningRate, spec.momentum ?? 0);
  }
}

/** The same optimizers, with the same hyperparameters, as src/engine/tfjs/optimizer.ts; with clipnorm when asked. */
export function createFusedOptimizer(spec: OptimizerSpec, mem: Allocator = heapAllocator): FusedOptimizer {
  const optimizer = unclipped(spec, mem);
  return spec.clipNorm ? new Clipped(optimizer, spec.clipNorm) : optimizer;
}
