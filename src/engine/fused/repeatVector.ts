import { heapAllocator, type Allocator } from './arena';
import { ensureSize, type FusedLayer } from './layer';

/** RepeatVector(n): [batch, d] → [batch, n, d]; the gradient sums over the copies. */
export class FusedRepeatVector implements FusedLayer {
  readonly weights: Float32Array[] = [];
  readonly grads: Float32Array[] = [];
  readonly outputSize: number;
  private output = new Float32Array(0);
  private dInput = new Float32Array(0);

  constructor(
    private readonly dim: number,
    private readonly n: number,
    private readonly mem: Allocator = heapAllocator,
  ) {
    this.outputSize = dim * n;
  }

  forward(input: Float32Array, batch: number): Float32Array {
    const { dim, n } = this;
    this.output = ensureSize(this.output, batch * n * dim, this.mem);
    for (let b = 0; b < batch; b++) {
      const row = input.subarray(b * dim, (b + 1) * dim);
      for (let t = 0; t < n; t++) this.output.set(row, (b * n + t) * dim);
    }
    return this.output;
  }

  backward(dOutput: Float32Array, batch: number): Float32Array {
    const { dim, n } = this;
    this.dInput = ensureSize(this.dInput, batch * dim, this.mem);
    const dInput = this.dInput;
    dInput.fill(0, 0, batch * dim);
    for (let b = 0; b < batch; b++) {
      for (let t = 0; t < n; t++) {
        const o = (b * n + t) * dim;
        for (let d = 0; d < dim; d++) dInput[b * dim + d] = (dInput[b * dim + d] as number) + (dOutput[o + d] as number);
      }
    }
    return dInput;
  }
}
