import type { Activation } from '../modelSpec';
import { activate, activationBackward } from './activations';
import { gemmABWasm, gemmNT, gemmSparseA, mostlyZero, transpose, view } from './gemm';
import { heapAllocator, worthAKernel, type Allocator } from './arena';
import { ensureSize, type FusedLayer } from './layer';

/**
 * Dense on the last axis: kernel [inputDim, units], bias [units]. With
 * `rowsPerSample` > 1 it is TimeDistributed(Dense): the same weights on every timestep.
 */
export class FusedDense implements FusedLayer {
  readonly weights: Float32Array[];
  readonly grads: Float32Array[];
  readonly outputSize: number;
  private input: Float32Array = new Float32Array(0);
  private output = new Float32Array(0);
  private dPre = new Float32Array(0);
  private dInput = new Float32Array(0);
  private sparseInput = false;
  /** Scratch for the blocked products: the kernel, the inputs and dPre transposed. */
  private kernelT = new Float32Array(0);
  private inputT = new Float32Array(0);
  private dPreT = new Float32Array(0);

  constructor(
    private readonly inputDim: number,
    private readonly units: number,
    private readonly activation: Activation,
    private readonly rowsPerSample: number,
    weights: Float32Array[],
    private readonly mem: Allocator = heapAllocator,
  ) {
    const [kernel, bias] = weights;
    if (!kernel || kernel.length !== inputDim * units || !bias || bias.length !== units) {
      throw new Error('Dense weights do not match the layer shape.');
    }
    this.weights = [kernel, bias];
    this.grads = this.weights.map((w) => mem.f32(w.length));
    this.outputSize = rowsPerSample * units;
  }

  forward(input: Float32Array, batch: number): Float32Array {
    const { inputDim: D, units: K } = this;
    const rows = batch * this.rowsPerSample;
    const [kernel, bias] = this.weights as [Float32Array, Float32Array];
    this.input = input;
    this.output = ensureSize(this.output, rows * K, this.mem);
    const out = this.output;
    // All rows at once: one-hot inputs skip their zeros, dense ones use the blocked product.
    this.sparseInput = mostlyZero(input, 0, rows * D);
    if (this.sparseInput) gemmSparseA(rows, K, D, view(input, 0, D), view(kernel, 0, K), view(out, 0, K), false);
    else if (!worthAKernel(rows * K * D) || !gemmABWasm(rows, K, D, view(input, 0, D), false, view(kernel, 0, K), view(out, 0, K), false)) {
      // Not in an arena: JS multiplies by the kernel's transpose.
      this.kernelT = ensureSize(this.kernelT, K * D, this.mem);
      transpose(D, K, view(kernel, 0, K), view(this.kernelT, 0, D));
      gemmNT(rows, K, D, view(input, 0, D), view(this.kernelT, 0, D), view(out, 0, K), false);
    }
    for (let r = 0; r < rows; r++) {
      const o = r * K;
      for (let k = 0; k < K; k++) out[o + k] = (out[o + k] as number) + (bias[k] as number);
      activate(this.activation, out, o, o + K);
    }
    return out;
  }

  backward(dOutput: Float32Array, batch: number, needInputGradient = true): Float32Array {
    const { inputDim: D, units: K } = this;
    const rows = batch * this.rowsPerSample;
    const [kernel] = this.weights as [Float32Array, Float32Array];
    const [dKernel, dBias] = this.grads as [Float32Array, Float32Array];
    dBias.fill(0);
    this.dPre = ensureSize(this.dPre, rows * K, this.mem);
    const { dPre, input } = this;
    dPre.set(dOutput.subarray(0, rows * K));
    for (let r = 0; r < rows; r++) {
      const o = r * K;
      activationBackward(this.activation, this.output, dPre, o, o + K);
      for (let k = 0; k < K; k++) dBias[k] = (dBias[k] as number) + (dPre[o + k] as number);
    }
    // dKernel = inputᵀ · dPre
    if (this.sparseInput) {
      dKernel.fill(0);
      for (let r = 0; r < rows; r++) {
        for (let d = 0; d < D; d++) {
          const xv = input[r * D + d] as number;
          if (xv === 0) continue;
          const row = d * K;
          for (let k = 0; k < K; k++) dKernel[row + k] = (dKernel[row + k] as number) + xv * (dPre[r * K + k] as number);
        }
      }
    } else if (!worthAKernel(rows * K * D) || !gemmABWasm(D, K, rows, view(input, 0, D), true, view(dPre, 0, K), view(dKernel, 0, K), false)) {
      this.inputT = ensureSize(this.inputT, D * rows, this.mem);
      this.dPreT = ensureSize(this.dPreT, K * rows, this.mem);
      transpose(rows, D, view(input, 0, D), view(this.inputT, 0, rows));
      transpose(rows, K, view(dPre, 0, K), view(this.dPreT, 0, rows));
      gemmNT(D, K, rows, view(this.inputT, 0, rows), view(this.dPreT, 0, rows), view(dKernel, 0, K), false);
    }
    if (!needInputGradient) return this.dInput;
    // dInput = dPre · kernelᵀ
    this.dInput = ensureSize(this.dInput, rows * D, this.mem);
    gemmNT(rows, D, K, view(dPre, 0, K), view(kernel, 0, K), view(this.dInput, 0, D), false);
    return this.dInput;
  }
}
