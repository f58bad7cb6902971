import type { Activation } from '../modelSpec';
import { scalarActivation, scalarDerivative } from './activations';
import { ensureSize, type FusedLayer } from './layer';

export interface FusedLstmOptions {
  inputDim: number;
  units: number;
  timesteps: number;
  returnSequences: boolean;
  goBackwards: boolean;
  stateful: boolean;
  activation: Activation;
  recurrentActivation: Activation;
}

/**
 * An LSTM layer as Keras and TF.js define it: kernel [inputDim, 4·units],
 * recurrent kernel [units, 4·units], bias [4·units], gates in the order
 * input, forget, cell, output. With goBackwards the sequence is read from the
 * end and, as in TF.js, the returned sequence is in reading order.
 */
export class FusedLstm implements FusedLayer {
  readonly weights: Float32Array[];
  readonly grads: Float32Array[];
  readonly outputSize: number;
  private readonly o: FusedLstmOptions;
  private readonly act: (x: number) => number;
  private readonly actDerivative: (y: number) => number;
  private readonly rec: (x: number) => number;
  private readonly recDerivative: (y: number) => number;
  // Caches of the last forward pass, [batch, timesteps, …] in reading order.
  private input: Float32Array = new Float32Array(0);
  private gates = new Float32Array(0);
  private cells = new Float32Array(0);
  private cellActs = new Float32Array(0);
  private hiddens = new Float32Array(0);
  private output = new Float32Array(0);
  private dInput = new Float32Array(0);
  /** Initial state of the last forward pass (zeros, or the carried state when stateful). */
  private h0 = new Float32Array(0);
  private c0 = new Float32Array(0);
  /** A stateful layer's state, carried from one batch to the next until reset. */
  private carryH = new Float32Array(0);
  private carryC = new Float32Array(0);
  private readonly dz: Float32Array;
  private readonly dhNext: Float32Array;
  private readonly dcNext: Float32Array;

  constructor(options: FusedLstmOptions, weights: Float32Array[]) {
    this.o = options;
    const { inputDim, units } = options;
    const [kernel, recurrent, bias] = weights;
    if (!kernel || kernel.length !== inputDim * 4 * units || !recurrent || recurrent.length !== units * 4 * units || !bias || bias.length !== 4 * units) {
      throw new Error('LSTM weights do not match the layer shape.');
    }
    this.weights = [kernel, recurrent, bias];
    this.grads = this.weights.map((w) => new Float32Array(w.length));
    this.outputSize = options.returnSequences ? options.timesteps * units : units;
    this.act = scalarActivation(options.activation);
    this.actDerivative = scalarDerivative(options.activation);
    this.rec = scalarActivation(options.recurrentActivation);
    this.recDerivative = scalarDerivative(options.recurrentActivation);
    this.dz = new Float32Array(4 * units);
    this.dhNext = new Float32Array(units);
    this.dcNext = new Float32Array(units);
  }

  resetStates(): void {
    this.carryH.fill(0);
    this.carryC.fill(0);
  }

  forward(input: Float32Array, batch: number): Float32Array {
    const { inputDim: F, units: U, timesteps: T, goBackwards, stateful, returnSequences } = this.o;
    const G = 4 * U;
    const [kernel, recurrent, bias] = this.weights as [Float32Array, Float32Array, Float32Array];
    this.input = input;
    this.gates = ensureSize(this.gates, batch * T * G);
    this.cells = ensureSize(this.cells, batch * T * U);
    this.cellActs = ensureSize(this.cellActs, batch * T * U);
    this.hiddens = ensureSize(this.hiddens, batch * T * U);
    this.output = ensureSize(this.output, batch * this.outputSize);
    if (this.h0.length !== batch * U) {
      this.h0 = new Float32Array(batch * U);
      this.c0 = new Float32Array(batch * U);
    }
    if (stateful) {
      if (this.carryH.length !== batch * U) {
        // A stateful layer needs a fixed batch size; a new one starts from zeros.
        this.carryH = new Float32Array(batch * U);
        this.carryC = new Float32Array(batch * U);
      }
      this.h0.set(this.carryH);
      this.c0.set(this.carryC);
    }
    const { gates, cells, cellActs, hiddens } = this;
    for (let b = 0; b < batch; b++) {
      for (let s = 0; s < T; s++) {
        const t = goBackwards ? T - 1 - s : s;
        const z = (b * T + s) * G;
        for (let j = 0; j < G; j++) gates[z + j] = bias[j] as number;
        // z += x_t · kernel (skipping zeros: inputs are often one-hot)
        const x = (b * T + t) * F;
        for (let f = 0; f < F; f++) {
          const xv = input[x + f] as number;
          if (xv === 0) continue;
          const row = f * G;
          for (let j = 0; j < G; j++) gates[z + j] = (gates[z + j] as number) + xv * (kernel[row + j] as number);
        }
        // z += h_prev · recurrent kernel
        const hPrev = s === 0 ? this.h0 : hiddens;
        const hOff = s === 0 ? b * U : (b * T + s - 1) * U;
        for (let k = 0; k < U; k++) {
          const hv = hPrev[hOff + k] as number;
          if (hv === 0) continue;
          const row = k * G;
          for (let j = 0; j < G; j++) gates[z + j] = (gates[z + j] as number) + hv * (recurrent[row + j] as number);
        }
        const cPrev = s === 0 ? this.c0 : cells;
        const cOff = s === 0 ? b * U : (b * T + s - 1) * U;
        const out = (b * T + s) * U;
        for (let u = 0; u < U; u++) {
          const i = this.rec(gates[z + u] as number);
          const f = this.rec(gates[z + U + u] as number);
          const g = this.act(gates[z + 2 * U + u] as number);
          const o = this.rec(gates[z + 3 * U + u] as number);
          gates[z + u] = i;
          gates[z + U + u] = f;
          gates[z + 2 * U + u] = g;
          gates[z + 3 * U + u] = o;
          const c = f * (cPrev[cOff + u] as number) + i * g;
          cells[out + u] = c;
          const ca = this.act(c);
          cellActs[out + u] = ca;
          hiddens[out + u] = o * ca;
        }
      }
    }
    const output = this.output;
    if (returnSequences) output.set(hiddens.subarray(0, batch * T * U));
    else for (let b = 0; b < batch; b++) output.set(hiddens.subarray((b * T + T - 1) * U, (b * T + T) * U), b * U);
    if (stateful) {
      for (let b = 0; b < batch; b++) {
        this.carryH.set(hiddens.subarray((b * T + T - 1) * U, (b * T + T) * U), b * U);
        this.carryC.set(cells.subarray((b * T + T - 1) * U, (b * T + T) * U), b * U);
      }
    }
    return output;
  }

  backward(dOutput: Float32Array, batch: number): Float32Array {
    const { inputDim: F, units: U, timesteps: T, goBackwards, returnSequences } = this.o;
    const G = 4 * U;
    const [kernel, recurrent] = this.weights as [Float32Array, Float32Array, Float32Array];
    const [dKernel, dRecurrent, dBias] = this.grads as [Float32Array, Float32Array, Float32Array];
    dKernel.fill(0);
    dRecurrent.fill(0);
    dBias.fill(0);
    this.dInput = ensureSize(this.dInput, batch * T * F);
    const dInput = this.dInput;
    dInput.fill(0, 0, batch * T * F);
    const { gates, cells, cellActs, hiddens, input, dz, dhNext, dcNext } = this;
    // The initial state (zeros, or a stateful layer's carried state) is a constant: no gradient flows into it.
    for (let b = 0; b < batch; b++) {
      dhNext.fill(0);
      dcNext.fill(0);
      for (let s = T - 1; s >= 0; s--) {
        const t = goBackwards ? T - 1 - s : s;
        const z = (b * T + s) * G;
        const here = (b * T + s) * U;
        const dOut = returnSequences ? here : s === T - 1 ? b * U : -1;
        for (let u = 0; u < U; u++) {
          const dh = (dhNext[u] as number) + (dOut >= 0 ? (dOutput[dOut + u] as number) : 0);
          const i = gates[z + u] as number;
          const f = gates[z + U + u] as number;
          const g = gates[z + 2 * U + u] as number;
          const o = gates[z + 3 * U + u] as number;
          const ca = cellActs[here + u] as number;
          const dc = (dcNext[u] as number) + dh * o * this.actDerivative(ca);
          const cPrev = s === 0 ? (this.c0[b * U + u] as number) : (cells[here - U + u] as number);
          dz[u] = dc * g * this.recDerivative(i);
          dz[U + u] = dc * cPrev * this.recDerivative(f);
          dz[2 * U + u] = dc * i * this.actDerivative(g);
          dz[3 * U + u] = dh * ca * this.recDerivative(o);
          dcNext[u] = dc * f;
        }
        for (let j = 0; j < G; j++) dBias[j] = (dBias[j] as number) + (dz[j] as number);
        const x = (b * T + t) * F;
        for (let f = 0; f < F; f++) {
          const xv = input[x + f] as number;
          const row = f * G;
          let sum = 0;
          for (let j = 0; j < G; j++) {
            const d = dz[j] as number;
            if (xv !== 0) dKernel[row + j] = (dKernel[row + j] as number) + xv * d;
            sum += (kernel[row + j] as number) * d;
          }
          dInput[x + f] = sum;
        }
        for (let k = 0; k < U; k++) {
          const hv = s === 0 ? (this.h0[b * U + k] as number) : (hiddens[here - U + k] as number);
          const row = k * G;
          let sum = 0;
          for (let j = 0; j < G; j++) {
            const d = dz[j] as number;
            if (hv !== 0) dRecurrent[row + j] = (dRecurrent[row + j] as number) + hv * d;
            sum += (recurrent[row + j] as number) * d;
          }
          dhNext[k] = sum;
        }
      }
    }
    return dInput;
  }
}
