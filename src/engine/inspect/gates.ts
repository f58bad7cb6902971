/**
 * The inside of one LSTM layer on one sample: every gate, the cell state and
 * the hidden state at every step, for a "look inside the LSTM" view.
 *
 * Weights are in the Keras / TF.js layout that model.getWeights() returns and
 * the fused engine uses: kernel [inputDim, 4·units], recurrent kernel
 * [units, 4·units], bias [4·units], each row's columns grouped by gate in the
 * order input, forget, cell (candidate), output. One step is
 *
 *   z = x_t·kernel + h_{s-1}·recurrentKernel + bias
 *   i = rec(z_i)   f = rec(z_f)   g = act(z_c)   o = rec(z_o)
 *   c_s = f ⊙ c_{s-1} + i ⊙ g     h_s = o ⊙ act(c_s)
 *
 * with act = the layer's activation (tanh by default) and rec = its recurrent
 * activation (sigmoid by default, as buildModel sets it; TF.js' own default
 * would be hardSigmoid). Computed in double precision and stored as float32.
 */
import type { Activation, LstmLayerSpec } from '../modelSpec';

/** An LSTM state for one sample: hidden h and cell c, [units] each. */
export interface LstmState {
  h: Float32Array;
  c: Float32Array;
}

/** The layer options the computation reads; an LstmLayerSpec fits as it is. */
export type LstmGateOptions = Pick<LstmLayerSpec, 'units' | 'activation' | 'recurrentActivation' | 'goBackwards'>;

/**
 * Everything the layer computed on one sample. Every [timesteps, units] array
 * is row-major with one row per processing step s (the order the layer read
 * its input, which is also the order of TF.js' returnSequences output); row s
 * belongs to input timestep `inputIndex[s]`.
 */
export interface LstmGateTrace {
  timesteps: number;
  units: number;
  inputDim: number;
  goBackwards: boolean;
  activation: Activation;
  recurrentActivation: Activation;
  /** inputIndex[s]: the input timestep read at step s (s forwards, timesteps-1-s with goBackwards). */
  inputIndex: Int32Array;
  /** Input gate i, [timesteps, units]. */
  inputGate: Float32Array;
  /** Forget gate f, [timesteps, units]. */
  forgetGate: Float32Array;
  /** Candidate g = act(z_c), [timesteps, units]. */
  candidate: Float32Array;
  /** Output gate o, [timesteps, units]. */
  outputGate: Float32Array;
  /** Cell state c after each step, [timesteps, units]. */
  cell: Float32Array;
  /** Hidden state h after each step (the layer's output), [timesteps, units]. */
  hidden: Float32Array;
  /** The state before the first step (zeros unless one was given). */
  initialState: LstmState;
  /** The state after the last step: what a stateful layer carries to the next batch. */
  finalState: LstmState;
}

/**
 * An activation over one gate's units, in place. Element-wise for all but
 * softmax, which TF.js applies over the last axis (here: the units).
 * hardSigmoid is TF.js' (and Keras 2's) clip(0.2·x + 0.5, 0, 1).
 */
export function activateInPlace(kind: Activation, values: Float64Array): void {
  const n = values.length;
  switch (kind) {
    case 'linear':
      return;
    case 'tanh':
      for (let k = 0; k < n; k++) values[k] = Math.tanh(values[k] as number);
      return;
    case 'sigmoid':
      for (let k = 0; k < n; k++) values[k] = 1 / (1 + Math.exp(-(values[k] as number)));
      return;
    case 'hardSigmoid':
      for (let k = 0; k < n; k++) values[k] = Math.min(1, Math.max(0, 0.2 * (values[k] as number) + 0.5));
      return;
    case 'relu':
      for (let k = 0; k < n; k++) values[k] = Math.max(0, values[k] as number);
      return;
    case 'softmax': {
      let max = -Infinity;
      for (let k = 0; k < n; k++) max = Math.max(max, values[k] as number);
      let sum = 0;
      for (let k = 0; k < n; k++) {
        const e = Math.exp((values[k] as number) - max);
        values[k] = e;
        sum += e;
      }
      for (let k = 0; k < n; k++) values[k] = (values[k] as number) / sum;
      return;
    }
  }
}

function checkState(state: LstmState, units: number): void {
  if (state.h.length !== units || state.c.length !== units) {
    throw new Error(`An initial state needs h and c of ${units} values each (got ${state.h.length} and ${state.c.length}).`);
  }
}

/**
 * Runs one LSTM layer over one sample `input` [timesteps, inputDim] (row-major),
 * from `initialState` (zeros when absent), and records every gate and state.
 * `weights` is [kernel, recurrentKernel, bias] in the layout described above;
 * inputDim is read off the kernel and timesteps off the input length.
 */
export function computeLstmGates(
  layer: LstmGateOptions,
  weights: readonly Float32Array[],
  input: Float32Array,
  initialState?: LstmState,
): LstmGateTrace {
  const U = layer.units;
  const G = 4 * U;
  const [kernel, recurrent, bias] = weights;
  if (!Number.isInteger(U) || U < 1) throw new Error(`An LSTM needs a positive whole number of units (got ${U}).`);
  if (weights.length !== 3 || !kernel || !recurrent || !bias) throw new Error('An LSTM layer has three weights: kernel, recurrent kernel, bias.');
  const F = kernel.length / G;
  if (!Number.isInteger(F) || F < 1) throw new Error(`The kernel has ${kernel.length} values: not [inputDim, ${G}].`);
  if (recurrent.length !== U * G) throw new Error(`The recurrent kernel has ${recurrent.length} values, [${U}, ${G}] needs ${U * G}.`);
  if (bias.length !== G) throw new Error(`The bias has ${bias.length} values, ${G} expected.`);
  const T = input.length / F;
  if (!Number.isInteger(T)) throw new Error(`An input of ${input.length} values is not [timesteps, ${F}].`);
  if (initialState) checkState(initialState, U);

  const activation = layer.activation ?? 'tanh';
  const recurrentActivation = layer.recurrentActivation ?? 'sigmoid';
  const goBackwards = layer.goBackwards ?? false;
  const trace: LstmGateTrace = {
    timesteps: T,
    units: U,
    inputDim: F,
    goBackwards,
    activation,
    recurrentActivation,
    inputIndex: new Int32Array(T),
    inputGate: new Float32Array(T * U),
    forgetGate: new Float32Array(T * U),
    candidate: new Float32Array(T * U),
    outputGate: new Float32Array(T * U),
    cell: new Float32Array(T * U),
    hidden: new Float32Array(T * U),
    initialState: {
      h: initialState ? Float32Array.from(initialState.h) : new Float32Array(U),
      c: initialState ? Float32Array.from(initialState.c) : new Float32Array(U),
    },
    finalState: { h: new Float32Array(U), c: new Float32Array(U) },
  };

  const h = Float64Array.from(trace.initialState.h);
  const c = Float64Array.from(trace.initialState.c);
  const z = new Float64Array(G);
  const zi = z.subarray(0, U);
  const zf = z.subarray(U, 2 * U);
  const zc = z.subarray(2 * U, 3 * U);
  const zo = z.subarray(3 * U, G);
  const cellAct = new Float64Array(U);
  for (let s = 0; s < T; s++) {
    const t = goBackwards ? T - 1 - s : s;
    trace.inputIndex[s] = t;
    for (let j = 0; j < G; j++) z[j] = bias[j] as number;
    for (let f = 0; f < F; f++) {
      const xv = input[t * F + f] as number;
      const row = f * G;
      for (let j = 0; j < G; j++) z[j] = (z[j] as number) + xv * (kernel[row + j] as number);
    }
    for (let k = 0; k < U; k++) {
      const hv = h[k] as number;
      const row = k * G;
      for (let j = 0; j < G; j++) z[j] = (z[j] as number) + hv * (recurrent[row + j] as number);
    }
    activateInPlace(recurrentActivation, zi);
    activateInPlace(recurrentActivation, zf);
    activateInPlace(activation, zc);
    activateInPlace(recurrentActivation, zo);
    for (let u = 0; u < U; u++) c[u] = (zf[u] as number) * (c[u] as number) + (zi[u] as number) * (zc[u] as number);
    cellAct.set(c);
    activateInPlace(activation, cellAct);
    for (let u = 0; u < U; u++) h[u] = (zo[u] as number) * (cellAct[u] as number);
    const row = s * U;
    trace.inputGate.set(zi, row);
    trace.forgetGate.set(zf, row);
    trace.candidate.set(zc, row);
    trace.outputGate.set(zo, row);
    trace.cell.set(c, row);
    trace.hidden.set(h, row);
  }
  trace.finalState.h.set(h);
  trace.finalState.c.set(c);
  return trace;
}

/**
 * One of a trace's [timesteps, units] arrays with its rows put in input-time
 * order: row t is the step that read input timestep t (the same array when
 * the layer reads forwards; a reordered copy with goBackwards).
 */
export function inInputOrder(trace: LstmGateTrace, values: Float32Array): Float32Array {
  if (values.length !== trace.timesteps * trace.units) throw new Error('Not a [timesteps, units] array of this trace.');
  if (!trace.goBackwards) return values;
  const out = new Float32Array(values.length);
  const U = trace.units;
  for (let s = 0; s < trace.timesteps; s++) out.set(values.subarray(s * U, (s + 1) * U), (trace.inputIndex[s] as number) * U);
  return out;
}

/**
 * What the layer outputs, as TF.js computes it: with returnSequences every h
 * in processing order [timesteps, units] (goBackwards does not turn it back),
 * else the last h [units].
 */
export function layerOutput(trace: LstmGateTrace, returnSequences: boolean): Float32Array {
  return returnSequences ? trace.hidden : Float32Array.from(trace.finalState.h);
}
