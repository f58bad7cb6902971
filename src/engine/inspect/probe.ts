/**
 * Runs a model description's layer stack on one sample far enough to look
 * inside one of its LSTM layers: the layers before it are evaluated (as TF.js
 * evaluates them) to get that layer's input sequence, then the layer's gates
 * and states are traced. Works on plain typed arrays; the weights are the
 * whole model's, in the order TF.js' model.getWeights() (and the fused
 * engine's getWeights()) returns them.
 */
import type { BidirectionalSpec, DenseLayerSpec, LayerSpec, LstmLayerSpec, ModelSpec, TimeDistributedDenseSpec } from '../modelSpec';
import { activateInPlace, computeLstmGates, layerOutput, type LstmGateTrace, type LstmState } from './gates';

/** The two states of a Bidirectional layer's sub-layers. */
export interface BidirectionalState {
  forward?: LstmState;
  backward?: LstmState;
}

/** A stateful layer's state: an LstmState for an LSTM, a BidirectionalState for a Bidirectional one. */
export type LayerState = LstmState | BidirectionalState;

/** States of stateful layers, keyed by their index in spec.layers. */
export type LayerStates = Readonly<Record<number, LayerState>>;

export interface ProbeOptions {
  /**
   * The states stateful layers start this sample from (zeros, as after
   * resetStates(), for a stateful layer not listed). Only stateful layers may
   * be listed: the others always start from zeros.
   */
  initialStates?: LayerStates;
}

interface ProbeBase {
  layerIndex: number;
  /** The probed layer's input for this sample, [timesteps, features] row-major. */
  input: Float32Array;
  inputShape: [number, number];
  /**
   * The states every stateful layer up to and including the probed one
   * carries after this sample: pass them as initialStates to probe the next
   * chunk of a stateful sequence.
   */
  carriedStates: Record<number, LayerState>;
}

export interface LstmProbe extends ProbeBase {
  kind: 'lstm';
  layer: LstmLayerSpec;
  trace: LstmGateTrace;
}

/**
 * A Bidirectional layer as TF.js builds it: a forward sub-layer and a
 * backward one (goBackwards flipped), each traced on its own. The backward
 * trace's rows are in its processing order (input timestep `inputIndex[s]`).
 */
export interface BidirectionalProbe extends ProbeBase {
  kind: 'bidirectional';
  layer: BidirectionalSpec;
  forward: LstmGateTrace;
  backward: LstmGateTrace;
}

/** A layer before the probed one that the probe cannot run (convolutions, pooling). */
export interface UnsupportedProbe {
  kind: 'unsupported';
  layerIndex: number;
  /** Index of the first layer the probe cannot run. */
  blockedAt: number;
  reason: string;
}

export type ProbeResult = LstmProbe | BidirectionalProbe | UnsupportedProbe;

export interface LayerInput {
  kind: 'input';
  layerIndex: number;
  /** One sample's activations entering layers[layerIndex], row-major. */
  values: Float32Array;
  shape: number[];
  carriedStates: Record<number, LayerState>;
}

/** A layer the probe can look inside. */
export interface ProbeableLayer {
  layerIndex: number;
  kind: 'lstm' | 'bidirectional';
  units: number;
  stateful: boolean;
}

/** The LSTM and Bidirectional layers of a model, with their indices in spec.layers. */
export function probeableLayers(spec: Pick<ModelSpec, 'layers'>): ProbeableLayer[] {
  const out: ProbeableLayer[] = [];
  spec.layers.forEach((layer, layerIndex) => {
    if (layer.type === 'lstm') out.push({ layerIndex, kind: 'lstm', units: layer.units, stateful: layer.stateful ?? false });
    else if (layer.type === 'bidirectional') {
      out.push({ layerIndex, kind: 'bidirectional', units: layer.layer.units, stateful: layer.layer.stateful ?? false });
    }
  });
  return out;
}

/** How many weight arrays a layer holds in TF.js' getWeights() order. */
export function weightCountOf(layer: LayerSpec): number {
  switch (layer.type) {
    case 'lstm':
      return 3;
    case 'bidirectional':
      return 6;
    case 'dense':
    case 'timeDistributedDense':
    case 'conv2d':
      return 2;
    case 'timeDistributed':
      return layer.layer.type === 'conv2d' ? 2 : 0;
    case 'repeatVector':
    case 'maxPooling2d':
    case 'flatten':
      return 0;
  }
}

/** A Bidirectional layer's sub-layers: TF.js rebuilds the backward one with goBackwards flipped. */
export function bidirectionalDirections(layer: BidirectionalSpec): { forward: LstmLayerSpec; backward: LstmLayerSpec } {
  const forwardReadsBackwards = layer.layer.goBackwards ?? false;
  return {
    forward: { ...layer.layer, goBackwards: forwardReadsBackwards },
    backward: { ...layer.layer, goBackwards: !forwardReadsBackwards },
  };
}

function isBidirectionalState(state: LayerState): state is BidirectionalState {
  return !('h' in state);
}

function lstmStateFor(states: LayerStates | undefined, index: number, layer: LstmLayerSpec): LstmState | undefined {
  const state = states?.[index];
  if (state === undefined) return undefined;
  if (!layer.stateful) throw new Error(`Layer ${index} is not stateful: it always starts from a zero state.`);
  if (isBidirectionalState(state)) throw new Error(`Layer ${index} is an LSTM: its state is { h, c }.`);
  return state;
}

function bidirectionalStateFor(states: LayerStates | undefined, index: number, layer: BidirectionalSpec): BidirectionalState {
  const state = states?.[index];
  if (state === undefined) return {};
  if (!layer.layer.stateful) throw new Error(`Layer ${index} is not stateful: it always starts from a zero state.`);
  if (!isBidirectionalState(state)) throw new Error(`Layer ${index} is Bidirectional: its state is { forward, backward }.`);
  return state;
}

function copyState(state: LstmState): LstmState {
  return { h: Float32Array.from(state.h), c: Float32Array.from(state.c) };
}

/** Dense on the last axis (also TimeDistributed(Dense)): kernel [inputDim, units], bias [units]. */
function dense(values: Float32Array, shape: readonly number[], layer: DenseLayerSpec | TimeDistributedDenseSpec, weights: readonly Float32Array[], index: number): Float32Array {
  const inputDim = shape[shape.length - 1] ?? 0;
  const units = layer.units;
  const [kernel, bias] = weights;
  if (!kernel || kernel.length !== inputDim * units || !bias || bias.length !== units) {
    throw new Error(`The weights of layer ${index} (${layer.type}) do not match [${inputDim}, ${units}] and [${units}].`);
  }
  const rows = values.length / inputDim;
  const out = new Float32Array(rows * units);
  const row = new Float64Array(units);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < units; k++) row[k] = bias[k] as number;
    for (let d = 0; d < inputDim; d++) {
      const xv = values[r * inputDim + d] as number;
      for (let k = 0; k < units; k++) row[k] = (row[k] as number) + xv * (kernel[d * units + k] as number);
    }
    activateInPlace(layer.activation, row);
    out.set(row, r * units);
  }
  return out;
}

/** Reverses the rows of a [timesteps, width] array. */
function reverseRows(values: Float32Array, width: number): Float32Array {
  const steps = values.length / width;
  const out = new Float32Array(values.length);
  for (let t = 0; t < steps; t++) out.set(values.subarray(t * width, (t + 1) * width), (steps - 1 - t) * width);
  return out;
}

/** TF.js' Bidirectional merge of the forward output and the time-ordered backward output. */
function merge(layer: BidirectionalSpec, y: Float32Array, yRev: Float32Array, units: number): Float32Array {
  if (layer.mergeMode !== 'concat') {
    const out = new Float32Array(y.length);
    for (let k = 0; k < y.length; k++) {
      const a = y[k] as number;
      const b = yRev[k] as number;
      out[k] = layer.mergeMode === 'sum' ? a + b : layer.mergeMode === 'mul' ? a * b : 0.5 * (a + b);
    }
    return out;
  }
  const rows = y.length / units;
  const out = new Float32Array(2 * y.length);
  for (let r = 0; r < rows; r++) {
    out.set(y.subarray(r * units, (r + 1) * units), 2 * r * units);
    out.set(yRev.subarray(r * units, (r + 1) * units), (2 * r + 1) * units);
  }
  return out;
}

function sequenceShape(shape: readonly number[], index: number, what: string): [number, number] {
  if (shape.length !== 2) throw new Error(`Layer ${index} (${what}) needs a sequence input [timesteps, features], got [${shape.join(', ')}].`);
  return [shape[0] ?? 0, shape[1] ?? 0];
}

function imageReason(layer: LayerSpec, index: number): string | null {
  const inner = layer.type === 'timeDistributed' ? layer.layer.type : layer.type;
  if (inner !== 'conv2d' && inner !== 'maxPooling2d' && inner !== 'flatten') return null;
  const name = layer.type === 'timeDistributed' ? `TimeDistributed(${inner})` : inner;
  return `layer ${index} is ${name}: the probe does not run image layers, so it cannot compute the input of the layers after it`;
}

interface Walk {
  values: Float32Array;
  shape: number[];
  carriedStates: Record<number, LayerState>;
}

/** The offset of each layer's first weight array, after checking the whole list's length. */
function weightOffsets(spec: Pick<ModelSpec, 'layers'>, weights: readonly Float32Array[]): number[] {
  const offsets: number[] = [];
  let next = 0;
  for (const layer of spec.layers) {
    offsets.push(next);
    next += weightCountOf(layer);
  }
  if (next !== weights.length) throw new Error(`The model has ${next} weight arrays, ${weights.length} were given.`);
  return offsets;
}

function checkSample(spec: Pick<ModelSpec, 'inputShape'>, x: Float32Array): void {
  const size = spec.inputShape.reduce((a, b) => a * b, 1);
  if (x.length !== size) throw new Error(`One sample of shape [${spec.inputShape.join(', ')}] has ${size} values, ${x.length} were given.`);
}

/** Runs layers [0, end) on one sample; stops with a reason at a layer it cannot run. */
function walk(spec: Pick<ModelSpec, 'inputShape' | 'layers'>, weights: readonly Float32Array[], x: Float32Array, end: number, options: ProbeOptions): Walk | UnsupportedProbe {
  const offsets = weightOffsets(spec, weights);
  checkSample(spec, x);
  let values = x;
  let shape = [...spec.inputShape];
  const carriedStates: Record<number, LayerState> = {};
  for (let index = 0; index < end; index++) {
    const layer = spec.layers[index] as LayerSpec;
    const own = weights.slice(offsets[index], (offsets[index] ?? 0) + weightCountOf(layer));
    const reason = imageReason(layer, index);
    if (reason) return { kind: 'unsupported', layerIndex: end, blockedAt: index, reason };
    switch (layer.type) {
      case 'lstm': {
        const [timesteps] = sequenceShape(shape, index, 'LSTM');
        const trace = computeLstmGates(layer, own, values, lstmStateFor(options.initialStates, index, layer));
        if (layer.stateful) carriedStates[index] = copyState(trace.finalState);
        const returnSequences = layer.returnSequences ?? false;
        values = layerOutput(trace, returnSequences);
        shape = returnSequences ? [timesteps, layer.units] : [layer.units];
        break;
      }
      case 'bidirectional': {
        const [timesteps] = sequenceShape(shape, index, 'Bidirectional');
        const { forward, backward } = traceBidirectional(layer, own, values, bidirectionalStateFor(options.initialStates, index, layer));
        if (layer.layer.stateful) carriedStates[index] = { forward: copyState(forward.finalState), backward: copyState(backward.finalState) };
        const returnSequences = layer.layer.returnSequences ?? false;
        const units = layer.layer.units;
        const y = layerOutput(forward, returnSequences);
        // TF.js turns the backward sequence back into time order before merging (not the last output).
        const yRev = returnSequences ? reverseRows(backward.hidden, units) : layerOutput(backward, false);
        values = merge(layer, y, yRev, units);
        const width = layer.mergeMode === 'concat' ? 2 * units : units;
        shape = returnSequences ? [timesteps, width] : [width];
        break;
      }
      case 'dense':
      case 'timeDistributedDense':
        if (layer.type === 'timeDistributedDense') sequenceShape(shape, index, 'TimeDistributed(Dense)');
        values = dense(values, shape, layer, own, index);
        shape = [...shape.slice(0, -1), layer.units];
        break;
      case 'repeatVector': {
        if (shape.length !== 1) throw new Error(`Layer ${index} (RepeatVector) needs a flat input, got [${shape.join(', ')}].`);
        const out = new Float32Array(layer.n * values.length);
        for (let t = 0; t < layer.n; t++) out.set(values, t * values.length);
        values = out;
        shape = [layer.n, shape[0] ?? 0];
        break;
      }
      default:
        // Image layers returned above.
        throw new Error(`Layer ${index} (${layer.type}) cannot be probed.`);
    }
  }
  return { values, shape, carriedStates };
}

function traceBidirectional(layer: BidirectionalSpec, weights: readonly Float32Array[], input: Float32Array, state: BidirectionalState): { forward: LstmGateTrace; backward: LstmGateTrace } {
  const { forward, backward } = bidirectionalDirections(layer);
  return {
    forward: computeLstmGates(forward, weights.slice(0, 3), input, state.forward),
    backward: computeLstmGates(backward, weights.slice(3, 6), input, state.backward),
  };
}

function checkIndex(layerIndex: number, max: number): void {
  if (!Number.isInteger(layerIndex) || layerIndex < 0 || layerIndex > max) {
    throw new RangeError(`Layer index ${layerIndex} is outside 0…${max}.`);
  }
}

/**
 * One sample's input to layers[layerIndex] (layerIndex = layers.length gives
 * the model's output), running every layer before it. `x` is one sample of
 * spec.inputShape, row-major.
 */
export function layerInput(
  spec: Pick<ModelSpec, 'inputShape' | 'layers'>,
  weights: readonly Float32Array[],
  x: Float32Array,
  layerIndex: number,
  options: ProbeOptions = {},
): LayerInput | UnsupportedProbe {
  checkIndex(layerIndex, spec.layers.length);
  const result = walk(spec, weights, x, layerIndex, options);
  if ('kind' in result) return result;
  return { kind: 'input', layerIndex, ...result };
}

/**
 * Looks inside layers[layerIndex] (an LSTM or a Bidirectional LSTM; see
 * probeableLayers) on one sample `x` of spec.inputShape: runs the layers
 * before it, then traces its gates and states. Stateful layers (the probed
 * one and any before it) start from options.initialStates.
 */
export function probeModel(
  spec: Pick<ModelSpec, 'inputShape' | 'layers'>,
  weights: readonly Float32Array[],
  x: Float32Array,
  layerIndex: number,
  options: ProbeOptions = {},
): ProbeResult {
  checkIndex(layerIndex, spec.layers.length - 1);
  const layer = spec.layers[layerIndex] as LayerSpec;
  if (layer.type !== 'lstm' && layer.type !== 'bidirectional') {
    throw new Error(`Layer ${layerIndex} is ${layer.type}, not an LSTM or Bidirectional LSTM.`);
  }
  const reached = walk(spec, weights, x, layerIndex, options);
  if ('kind' in reached) return reached;
  const inputShape = sequenceShape(reached.shape, layerIndex, layer.type === 'lstm' ? 'LSTM' : 'Bidirectional');
  const offset = weightOffsets(spec, weights)[layerIndex] ?? 0;
  const own = weights.slice(offset, offset + weightCountOf(layer));
  const base = { layerIndex, input: reached.values, inputShape, carriedStates: reached.carriedStates };
  if (layer.type === 'lstm') {
    const trace = computeLstmGates(layer, own, reached.values, lstmStateFor(options.initialStates, layerIndex, layer));
    if (layer.stateful) base.carriedStates[layerIndex] = copyState(trace.finalState);
    return { kind: 'lstm', layer, trace, ...base };
  }
  const { forward, backward } = traceBidirectional(layer, own, reached.values, bidirectionalStateFor(options.initialStates, layerIndex, layer));
  if (layer.layer.stateful) base.carriedStates[layerIndex] = { forward: copyState(forward.finalState), backward: copyState(backward.finalState) };
  return { kind: 'bidirectional', layer, forward, backward, ...base };
}
