import type { MergeMode } from '../modelSpec';
import { heapAllocator, type Allocator } from './arena';
import { ensureSize, type FusedLayer } from './layer';
import { FusedLstm, type FusedLstmOptions } from './lstm';

/**
 * Bidirectional(LSTM) as TF.js builds it: a forward layer and a backward layer
 * (goBackwards), the backward sequence turned back into time order, then merged.
 */
export class FusedBidirectional implements FusedLayer {
  readonly weights: Float32Array[];
  readonly grads: Float32Array[];
  readonly outputSize: number;
  private readonly forwardLayer: FusedLstm;
  private readonly backwardLayer: FusedLstm;
  private readonly steps: number;
  private readonly units: number;
  private readonly inputPerSample: number;
  private fw: Float32Array = new Float32Array(0);
  private bw: Float32Array = new Float32Array(0);
  private output = new Float32Array(0);
  private dFw = new Float32Array(0);
  private dBw = new Float32Array(0);
  private dInput = new Float32Array(0);

  constructor(
    options: Omit<FusedLstmOptions, 'goBackwards'>,
    private readonly mergeMode: MergeMode,
    weights: Float32Array[],
    private readonly mem: Allocator = heapAllocator,
  ) {
    this.forwardLayer = new FusedLstm({ ...options, goBackwards: false }, weights.slice(0, 3), mem);
    this.backwardLayer = new FusedLstm({ ...options, goBackwards: true }, weights.slice(3, 6), mem);
    this.weights = [...this.forwardLayer.weights, ...this.backwardLayer.weights];
    this.grads = [...this.forwardLayer.grads, ...this.backwardLayer.grads];
    this.steps = options.returnSequences ? options.timesteps : 1;
    this.units = options.units;
    this.inputPerSample = options.timesteps * options.inputDim;
    this.outputSize = this.steps * (mergeMode === 'concat' ? 2 : 1) * options.units;
  }

  resetStates(): void {
    this.forwardLayer.resetStates();
    this.backwardLayer.resetStates();
  }

  /** Index in the backward layer's output of time step t (its sequence runs from the end). */
  private backIndex(t: number): number {
    return this.steps - 1 - t;
  }

  forward(input: Float32Array, batch: number): Float32Array {
    const { steps: T, units: U, mergeMode } = this;
    this.fw = this.forwardLayer.forward(input, batch);
    this.bw = this.backwardLayer.forward(input, batch);
    this.output = ensureSize(this.output, batch * this.outputSize, this.mem);
    const { fw, bw, output } = this;
    const width = mergeMode === 'concat' ? 2 * U : U;
    for (let b = 0; b < batch; b++) {
      for (let t = 0; t < T; t++) {
        const f = (b * T + t) * U;
        const r = (b * T + this.backIndex(t)) * U;
        const o = (b * T + t) * width;
        for (let u = 0; u < U; u++) {
          const a = fw[f + u] as number;
          const c = bw[r + u] as number;
          if (mergeMode === 'concat') {
            output[o + u] = a;
            output[o + U + u] = c;
          } else output[o + u] = mergeMode === 'sum' ? a + c : mergeMode === 'mul' ? a * c : (a + c) / 2;
        }
      }
    }
    return output;
  }

  backward(dOutput: Float32Array, batch: number): Float32Array {
    const { steps: T, units: U, mergeMode, fw, bw } = this;
    this.dFw = ensureSize(this.dFw, batch * T * U, this.mem);
    this.dBw = ensureSize(this.dBw, batch * T * U, this.mem);
    const { dFw, dBw } = this;
    const width = mergeMode === 'concat' ? 2 * U : U;
    for (let b = 0; b < batch; b++) {
      for (let t = 0; t < T; t++) {
        const f = (b * T + t) * U;
        const r = (b * T + this.backIndex(t)) * U;
        const o = (b * T + t) * width;
        for (let u = 0; u < U; u++) {
          if (mergeMode === 'concat') {
            dFw[f + u] = dOutput[o + u] as number;
            dBw[r + u] = dOutput[o + U + u] as number;
          } else {
            const d = dOutput[o + u] as number;
            dFw[f + u] = mergeMode === 'sum' ? d : mergeMode === 'mul' ? d * (bw[r + u] as number) : d / 2;
            dBw[r + u] = mergeMode === 'sum' ? d : mergeMode === 'mul' ? d * (fw[f + u] as number) : d / 2;
          }
        }
      }
    }
    const dInFw = this.forwardLayer.backward(dFw, batch);
    const size = batch * this.inputPerSample;
    this.dInput = ensureSize(this.dInput, size, this.mem);
    this.dInput.set(dInFw.subarray(0, size));
    const dInBw = this.backwardLayer.backward(dBw, batch);
    for (let i = 0; i < size; i++) this.dInput[i] = (this.dInput[i] as number) + (dInBw[i] as number);
    return this.dInput;
  }
}
