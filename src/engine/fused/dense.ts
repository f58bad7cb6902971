import type { Activation } from '../modelSpec';
import { activate, activationBackward } from './activations';
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

  constructor(
    private readonly inputDim: number,
    private readonly units: number,
    private readonly activation: Activation,
    private readonly rowsPerSample: number,
    weights: Float32Array[],
  ) {
    const [kernel, bias] = weights;
    if (!kernel || kernel.length !== inputDim * units || !bias || bias.length !== units) {
      throw new Error('Dense weights do not match the layer shape.');
    }
    this.weights = [kernel, bias];
    this.grads = this.weights.map((w) => new Float32Array(w.length));
    this.outputSize = rowsPerSample * units;
  }

  forward(input: Float32Array, batch: number): Float32Array {
    const { inputDim: D, units: K } = this;
    const rows = batch * this.rowsPerSample;
    const [kernel, bias] = this.weights as [Float32Array, Float32Array];
    this.input = input;
    this.output = ensureSize(this.output, rows * K);
    const out = this.output;
    for (let r = 0; r < rows; r++) {
      const o = r * K;
      for (let k = 0; k < K; k++) out[o + k] = bias[k] as number;
      for (let d = 0; d < D; d++) {
        const xv = input[r * D + d] as number;
        if (xv === 0) continue;
        const row = d * K;
        for (let k = 0; k < K; k++) out[o + k] = (out[o + k] as number) + xv * (kernel[row + k] as number);
      }
      activate(this.activation, out, o, o + K);
    }
    return out;
  }

  backward(dOutput: Float32Array, batch: number): Float32Array {
    const { inputDim: D, units: K } = this;
    const rows = batch * this.rowsPerSample;
    const [kernel] = this.weights as [Float32Array, Float32Array];
    const [dKernel, dBias] = this.grads as [Float32Array, Float32Array];
    dKernel.fill(0);
    dBias.fill(0);
    this.dPre = ensureSize(this.dPre, rows * K);
    this.dInput = ensureSize(this.dInput, rows * D);
    const { dPre, dInput, input } = this;
    dPre.set(dOutput.subarray(0, rows * K));
    for (let r = 0; r < rows; r++) {
      const o = r * K;
      activationBackward(this.activation, this.output, dPre, o, o + K);
      for (let k = 0; k < K; k++) dBias[k] = (dBias[k] as number) + (dPre[o + k] as number);
      for (let d = 0; d < D; d++) {
        const xv = input[r * D + d] as number;
        const row = d * K;
        let sum = 0;
        for (let k = 0; k < K; k++) {
          const g = dPre[o + k] as number;
          if (xv !== 0) dKernel[row + k] = (dKernel[row + k] as number) + xv * g;
          sum += (kernel[row + k] as number) * g;
        }
        dInput[r * D + d] = sum;
      }
    }
    return dInput;
  }
}
