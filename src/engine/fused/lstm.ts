import type { Activation } from '../modelSpec';
import { scalarActivation, scalarDerivative } from './activations';
import { gemmABWasm, gemmNT, gemmSparseA, mostlyZero, transpose, view } from './gemm';
import { addressOf, heapAllocator, kernelsOfAll, worthAKernel, type Allocator } from './arena';
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
 *
 * The whole batch moves through time together: at each step the gate
 * pre-activations of all rows are one matrix product [batch × units] ·
 * [units × 4·units], and backpropagation keeps every step's gate gradients so
 * the weight gradients are one product each over all steps and rows. The
 * caches are step-major ([reading step][row][…]) so each step's block is
 * contiguous; buffers are reused from step to step and batch to batch.
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
  /** The usual activations (tanh, sigmoid): inlined in the gate loops. */
  private readonly standard: boolean;
  // Caches of the last forward pass, [reading step, batch row, …].
  private input: Float32Array = new Float32Array(0);
  private sparseInput = false;
  private gates = new Float32Array(0);
  private cells = new Float32Array(0);
  private cellActs = new Float32Array(0);
  private hiddens = new Float32Array(0);
  private output = new Float32Array(0);
  private dInput = new Float32Array(0);
  /** Scratch: transposed weights, gate gradients of every step, and their transposes. */
  private kernelT = new Float32Array(0);
  private recurrentT = new Float32Array(0);
  private dz = new Float32Array(0);
  private dzT = new Float32Array(0);
  private statesT = new Float32Array(0);
  private dhNext = new Float32Array(0);
  private dcNext = new Float32Array(0);
  /** Initial state of the last forward pass (zeros, or the carried state when stateful). */
  private h0 = new Float32Array(0);
  private c0 = new Float32Array(0);
  private h0Zero = true;
  /** Whether the last forward pass (and so its backward pass) used the WebAssembly kernels. */
  private kernelsOn = false;
  /** A stateful layer's state, carried from one batch to the next until reset. */
  private carryH = new Float32Array(0);
  private carryC = new Float32Array(0);
  /** The batch size the carried state belongs to (0: none yet). */
  private carryRows = 0;

  constructor(
    options: FusedLstmOptions,
    weights: Float32Array[],
    private readonly mem: Allocator = heapAllocator,
  ) {
    this.o = options;
    const { inputDim, units } = options;
    const [kernel, recurrent, bias] = weights;
    if (!kernel || kernel.length !== inputDim * 4 * units || !recurrent || recurrent.length !== units * 4 * units || !bias || bias.length !== 4 * units) {
      throw new Error('LSTM weights do not match the layer shape.');
    }
    this.weights = [kernel, recurrent, bias];
    this.grads = this.weights.map((w) => mem.f32(w.length));
    this.outputSize = options.returnSequences ? options.timesteps * units : units;
    this.act = scalarActivation(options.activation);
    this.actDerivative = scalarDerivative(options.activation);
    this.rec = scalarActivation(options.recurrentActivation);
    this.recDerivative = scalarDerivative(options.recurrentActivation);
    this.standard = options.activation === 'tanh' && options.recurrentActivation === 'sigmoid';
  }

  resetStates(): void {
    this.carryH.fill(0);
    this.carryC.fill(0);
  }

  /** The time index read at reading step s. */
  private timeAt(s: number): number {
    return this.o.goBackwards ? this.o.timesteps - 1 - s : s;
  }

  forward(input: Float32Array, batch: number): Float32Array {
    const { inputDim: F, units: U, timesteps: T, stateful, returnSequences } = this.o;
    const G = 4 * U;
    const B = batch;
    const [kernel, recurrent, bias] = this.weights as [Float32Array, Float32Array, Float32Array];
    this.input = input;
    this.gates = ensureSize(this.gates, T * B * G, this.mem);
    this.cells = ensureSize(this.cells, T * B * U, this.mem);
    this.cellActs = ensureSize(this.cellActs, T * B * U, this.mem);
    this.hiddens = ensureSize(this.hiddens, T * B * U, this.mem);
    this.output = ensureSize(this.output, B * this.outputSize, this.mem);
    if (this.h0.length < B * U) {
      this.h0 = this.mem.f32(B * U);
      this.c0 = this.mem.f32(B * U);
    }
    this.h0Zero = true;
    if (stateful) {
      if (this.carryRows !== B) {
        // A stateful layer needs a fixed batch size; a new one starts from zeros.
        this.carryH = ensureSize(this.carryH, B * U, this.mem);
        this.carryC = ensureSize(this.carryC, B * U, this.mem);
        this.carryH.fill(0);
        this.carryC.fill(0);
        this.carryRows = B;
      }
      const carryH = this.carryH.subarray(0, B * U);
      this.h0.set(carryH);
      this.c0.set(this.carryC.subarray(0, B * U));
      this.h0Zero = !carryH.some((v) => v !== 0);
    }
    const { gates, cells, cellActs, hiddens } = this;
    // Inputs that are mostly zeros (one-hot) skip the zeros; dense ones use the blocked product.
    this.sparseInput = mostlyZero(input, 0, B * T * F);
    // In an arena the WebAssembly kernel multiplies by the kernels as they are; JS multiplies by their transposes.
    // A layer too small for the kernels (a step's recurrent product under their threshold) runs in JS, forward and backward.
    this.kernelsOn = worthAKernel(B * G * U);
    const direct = this.kernelsOn && kernelsOfAll(input, kernel, recurrent, gates, hiddens, this.h0) !== undefined;
    if (!this.sparseInput && !direct) {
      this.kernelT = ensureSize(this.kernelT, G * F, this.mem);
      transpose(F, G, view(kernel, 0, G), view(this.kernelT, 0, F));
    }
    if (!direct) {
      this.recurrentT = ensureSize(this.recurrentT, G * U, this.mem);
      transpose(U, G, view(recurrent, 0, G), view(this.recurrentT, 0, U));
    }
    const { rec, act, standard } = this;
    // The usual activations on two units at a time in WebAssembly where the arrays live in an arena; an odd last unit in JS.
    const kernels = standard && this.kernelsOn ? kernelsOfAll(gates, bias, cells, cellActs, hiddens, this.c0) : undefined;
    const simdUnits = kernels ? U - (U % 2) : 0;
    for (let s = 0; s < T; s++) {
      const t = this.timeAt(s);
      const z0 = s * B * G;
      // Pre-activations of all rows: x_t · kernel + h_{s-1} · recurrent kernel + bias.
      const x = view(input, t * F, T * F);
      if (this.sparseInput) gemmSparseA(B, G, F, x, view(kernel, 0, G), view(gates, z0, G), false);
      else if (direct) gemmABWasm(B, G, F, x, false, view(kernel, 0, G), view(gates, z0, G), false);
      else gemmNT(B, G, F, x, view(this.kernelT, 0, F), view(gates, z0, G), false);
      if (s > 0 || !this.h0Zero) {
        const hPrev = s === 0 ? view(this.h0, 0, U) : view(hiddens, (s - 1) * B * U, U);
        if (direct) gemmABWasm(B, G, U, hPrev, false, view(recurrent, 0, G), view(gates, z0, G), true);
        else gemmNT(B, G, U, hPrev, view(this.recurrentT, 0, U), view(gates, z0, G), true);
      }
      const cPrev = s === 0 ? this.c0 : cells;
      const cPrevBase = s === 0 ? 0 : (s - 1) * B * U;
      if (kernels && simdUnits > 0) {
        const here = s * B * U;
        kernels.lstmGates(
          B,
          simdUnits,
          U,
          addressOf(gates, z0),
          addressOf(bias),
          addressOf(cPrev, cPrevBase),
          addressOf(cells, here),
          addressOf(cellActs, here),
          addressOf(hiddens, here),
        );
      }
      for (let b = 0; b < B; b++) {
        const z = z0 + b * G;
        const out = (s * B + b) * U;
        const cOff = cPrevBase + b * U;
        for (let u = simdUnits; u < U; u++) {
          const pi = (gates[z + u] as number) + (bias[u] as number);
          const pf = (gates[z + U + u] as number) + (bias[U + u] as number);
          const pg = (gates[z + 2 * U + u] as number) + (bias[2 * U + u] as number);
          const po = (gates[z + 3 * U + u] as number) + (bias[3 * U + u] as number);
          const i = standard ? 1 / (1 + Math.exp(-Math.fround(pi))) : rec(Math.fround(pi));
          const f = standard ? 1 / (1 + Math.exp(-Math.fround(pf))) : rec(Math.fround(pf));
          const g = standard ? Math.tanh(Math.fround(pg)) : act(Math.fround(pg));
          const o = standard ? 1 / (1 + Math.exp(-Math.fround(po))) : rec(Math.fround(po));
          gates[z + u] = i;
          gates[z + U + u] = f;
          gates[z + 2 * U + u] = g;
          gates[z + 3 * U + u] = o;
          const c = Math.fround(f * (cPrev[cOff + u] as number) + i * g);
          cells[out + u] = c;
          const ca = Math.fround(standard ? Math.tanh(c) : act(c));
          cellActs[out + u] = ca;
          hiddens[out + u] = o * ca;
        }
      }
    }
    const output = this.output;
    for (let b = 0; b < B; b++) {
      if (returnSequences) {
        for (let s = 0; s < T; s++) output.set(hiddens.subarray((s * B + b) * U, (s * B + b + 1) * U), (b * T + s) * U);
      } else output.set(hiddens.subarray(((T - 1) * B + b) * U, ((T - 1) * B + b + 1) * U), b * U);
    }
    if (stateful) {
      this.carryH.set(hiddens.subarray((T - 1) * B * U, T * B * U));
      this.carryC.set(cells.subarray((T - 1) * B * U, T * B * U));
    }
    return output;
  }

  backward(dOutput: Float32Array, batch: number, needInputGradient = true): Float32Array {
    const { inputDim: F, units: U, timesteps: T, returnSequences } = this.o;
    const G = 4 * U;
    const B = batch;
    const N = T * B;
    const [kernel, recurrent] = this.weights as [Float32Array, Float32Array, Float32Array];
    const [dKernel, dRecurrent, dBias] = this.grads as [Float32Array, Float32Array, Float32Array];
    this.dz = ensureSize(this.dz, N * G, this.mem);
    this.dhNext = ensureSize(this.dhNext, B * U, this.mem);
    this.dcNext = ensureSize(this.dcNext, B * U, this.mem);
    const { gates, cells, cellActs, hiddens, input, dz, dhNext, dcNext, standard, actDerivative, recDerivative } = this;
    dhNext.fill(0, 0, B * U);
    dcNext.fill(0, 0, B * U);
    // The usual activations' gradients on two units at a time in WebAssembly where the arrays live in an arena; an odd last unit in JS.
    const kernels = standard && this.kernelsOn ? kernelsOfAll(gates, dz, cellActs, cells, this.c0, dhNext, dcNext, dOutput) : undefined;
    const simdUnits = kernels ? U - (U % 2) : 0;
    // The initial state (zeros, or a stateful layer's carried state) is a constant: no gradient flows into it.
    for (let s = T - 1; s >= 0; s--) {
      const z0 = s * B * G;
      if (kernels && simdUnits > 0) {
        const hasOut = returnSequences || s === T - 1;
        kernels.lstmGatesBackward(
          B,
          simdUnits,
          U,
          addressOf(gates, z0),
          addressOf(dz, z0),
          addressOf(cellActs, s * B * U),
          s === 0 ? addressOf(this.c0) : addressOf(cells, (s - 1) * B * U),
          addressOf(dhNext),
          addressOf(dcNext),
          addressOf(dOutput, returnSequences ? s * U : 0),
          returnSequences ? T * U : U,
          hasOut ? 1 : 0,
        );
      }
      for (let b = 0; b < B; b++) {
        const z = z0 + b * G;
        const here = (s * B + b) * U;
        const dOut = returnSequences ? (b * T + s) * U : s === T - 1 ? b * U : -1;
        const cPrev = s === 0 ? this.c0 : cells;
        const cOff = s === 0 ? b * U : here - B * U;
        for (let u = simdUnits; u < U; u++) {
          const dhu = (dhNext[b * U + u] as number) + (dOut >= 0 ? (dOutput[dOut + u] as number) : 0);
          const i = gates[z + u] as number;
          const f = gates[z + U + u] as number;
          const g = gates[z + 2 * U + u] as number;
          const o = gates[z + 3 * U + u] as number;
          const ca = cellActs[here + u] as number;
          const cp = cPrev[cOff + u] as number;
          if (standard) {
            const dc = (dcNext[b * U + u] as number) + dhu * o * (1 - ca * ca);
            dz[z + u] = dc * g * (i * (1 - i));
            dz[z + U + u] = dc * cp * (f * (1 - f));
            dz[z + 2 * U + u] = dc * i * (1 - g * g);
            dz[z + 3 * U + u] = dhu * ca * (o * (1 - o));
            dcNext[b * U + u] = dc * f;
          } else {
            const dc = (dcNext[b * U + u] as number) + dhu * o * actDerivative(ca);
            dz[z + u] = dc * g * recDerivative(i);
            dz[z + U + u] = dc * cp * recDerivative(f);
            dz[z + 2 * U + u] = dc * i * actDerivative(g);
            dz[z + 3 * U + u] = dhu * ca * recDerivative(o);
            dcNext[b * U + u] = dc * f;
          }
        }
      }
      // dh of the step before: this step's gate gradients through the recurrent kernel.
      if (s > 0) gemmNT(B, U, G, view(dz, z0, G), view(recurrent, 0, G), view(dhNext, 0, U), false);
    }
    // Bias: the gate gradients summed over every step and row.
    dBias.fill(0);
    for (let n = 0; n < N; n++) {
      const z = n * G;
      for (let j = 0; j < G; j++) dBias[j] = (dBias[j] as number) + (dz[z + j] as number);
    }
    if (this.kernelsOn && kernelsOfAll(dz, hiddens, this.h0, input, dRecurrent, dKernel)) {
      // In an arena: dW = statesᵀ · dz straight from the caches, in the WebAssembly kernel.
      // Recurrent kernel: h0 (unless zeros) read at the first step, then h_{s-1} at step s.
      const fromH0 = !this.h0Zero;
      if (fromH0) gemmABWasm(U, G, B, view(this.h0, 0, U), true, view(dz, 0, G), view(dRecurrent, 0, G), false);
      if (T > 1) gemmABWasm(U, G, (T - 1) * B, view(hiddens, 0, U), true, view(dz, B * G, G), view(dRecurrent, 0, G), fromH0);
      else if (!fromH0) dRecurrent.fill(0);
      if (!this.sparseInput) {
        for (let s = 0; s < T; s++) {
          gemmABWasm(F, G, B, view(input, this.timeAt(s) * F, T * F), true, view(dz, s * B * G, G), view(dKernel, 0, G), s > 0);
        }
      }
    } else {
      this.weightGradientsJs(B);
    }
    if (this.sparseInput) this.sparseKernelGradient(B);
    if (!needInputGradient) return this.dInput;
    // dInput_t = dz_s · kernelᵀ, written at the time each step read.
    this.dInput = ensureSize(this.dInput, B * T * F, this.mem);
    const dInput = this.dInput;
    for (let s = 0; s < T; s++) {
      gemmNT(B, F, G, view(dz, s * B * G, G), view(kernel, 0, G), view(dInput, this.timeAt(s) * F, T * F), false);
    }
    return dInput;
  }

  /** The recurrent kernel's gradient, and the kernel's for dense inputs, in JS: products of transposes over all N = steps × rows. */
  private weightGradientsJs(B: number): void {
    const { inputDim: F, units: U, timesteps: T } = this.o;
    const G = 4 * U;
    const N = T * B;
    const [dKernel, dRecurrent] = this.grads as [Float32Array, Float32Array, Float32Array];
    const { dz, hiddens, input } = this;
    // Weight gradients as products over all N = steps × rows: dW = statesᵀ · dz.
    this.dzT = ensureSize(this.dzT, G * N, this.mem);
    const dzT = this.dzT;
    transpose(N, G, view(dz, 0, G), view(dzT, 0, N));
    // Recurrent kernel: the state each step read, h_{s-1} (h0 at the first step).
    this.statesT = ensureSize(this.statesT, Math.max(U, F) * N, this.mem);
    const statesT = this.statesT;
    if (this.h0Zero) for (let k = 0; k < U; k++) statesT.fill(0, k * N, k * N + B);
    else transpose(B, U, view(this.h0, 0, U), view(statesT, 0, N));
    if (T > 1) transpose((T - 1) * B, U, view(hiddens, 0, U), view(statesT, B, N));
    gemmNT(U, G, N, view(statesT, 0, N), view(dzT, 0, N), view(dRecurrent, 0, G), false);
    // Kernel: the input each step read.
    if (!this.sparseInput) {
      for (let s = 0; s < T; s++) transpose(B, F, view(input, this.timeAt(s) * F, T * F), view(statesT, s * B, N));
      gemmNT(F, G, N, view(statesT, 0, N), view(dzT, 0, N), view(dKernel, 0, G), false);
    }
  }

  /** The kernel's gradient for one-hot inputs: only the non-zero inputs add to it. */
  private sparseKernelGradient(B: number): void {
    const { inputDim: F, units: U, timesteps: T } = this.o;
    const G = 4 * U;
    const [dKernel] = this.grads as [Float32Array, Float32Array, Float32Array];
    const { dz, input } = this;
    dKernel.fill(0);
    for (let s = 0; s < T; s++) {
      const t = this.timeAt(s);
      for (let b = 0; b < B; b++) {
        const x = (b * T + t) * F;
        const z = (s * B + b) * G;
        for (let f = 0; f < F; f++) {
          const xv = input[x + f] as number;
          if (xv === 0) continue;
          const row = f * G;
          for (let j = 0; j < G; j++) dKernel[row + j] = (dKernel[row + j] as number) + xv * (dz[z + j] as number);
        }
      }
    }
  }
}
