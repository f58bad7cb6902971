/**
 * What the "Inside the LSTM" panel shows, computed in the worker from the model's current
 * weights: one LSTM layer's gates and states over a probe example (for a stateful model, the
 * example is a stretch of consecutive batches with the state carried and reset as in training),
 * and every weight array's norm, histogram and last gradient norm. Pure and serialisable.
 */
import type { AnyExperiment, AnyParamValues, Batch } from '../../experiments/types';
import type { LayerSpec, ModelSpec } from '../modelSpec';
import { createRng, createStreams } from '../random';
import { isStateful } from '../train';
import { inInputOrder, type LstmGateTrace } from './gates';
import { probeableLayers, probeModel, weightCountOf, type LayerState, type ProbeableLayer } from './probe';

export interface InsideSettings {
  /** Index in spec.layers of the layer to look inside (the first LSTM when it is not one). */
  layerIndex: number;
  /** Which probe example: a fresh one per number, or that sample of a fixed data set. */
  example: number;
}

export const GATE_KEYS = ['inputGate', 'forgetGate', 'candidate', 'outputGate', 'cell', 'hidden'] as const;
export type GateKey = (typeof GATE_KEYS)[number];

/** One direction of a layer over the probe: every map [timesteps, units] in input-time order. */
export interface TraceView {
  direction: 'forward' | 'backward' | null;
  timesteps: number;
  units: number;
  maps: Record<GateKey, Float32Array>;
}

export interface WeightStats {
  name: string;
  count: number;
  norm: number;
  min: number;
  max: number;
  /** Counts in equal bins from min to max. */
  histogram: number[];
  /** The last training step's gradient norm (null when the engine does not expose it). */
  gradientNorm: number | null;
}

/** Which units hold what the network must remember: the cell state of one input minus another's. */
export interface Contrast {
  label: string;
  timesteps: number;
  units: number;
  /** c(variant) − c(example), [timesteps, units] in input-time order. */
  cellDiff: Float32Array;
  /** The units that differ most at the last step, largest first. */
  top: { unit: number; diff: number }[];
}

export interface InsidePayload {
  layers: ProbeableLayer[];
  layerIndex: number;
  example: number;
  /** The probe's input, [timesteps, features] of the probed layer's own input. */
  input: Float32Array;
  inputShape: [number, number];
  traces: TraceView[];
  /** Timesteps after which the state was reset (a stateful model's sequence boundaries), in input-time order. */
  resets: number[];
  /** Why there is nothing to look at (no LSTM, or a layer before it the probe cannot run). */
  unsupported: string | null;
  contrast: Contrast | null;
  weights: WeightStats[];
}

const MAX_CHAINED_BATCHES = 64;
const HISTOGRAM_BINS = 24;

function view(trace: LstmGateTrace, direction: TraceView['direction']): TraceView {
  const maps = Object.fromEntries(GATE_KEYS.map((key) => [key, inInputOrder(trace, trace[key])])) as Record<GateKey, Float32Array>;
  return { direction, timesteps: trace.timesteps, units: trace.units, maps };
}

function concat(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Joins the views of consecutive chunks along time. */
function joinViews(chunks: readonly TraceView[]): TraceView {
  const first = chunks[0] as TraceView;
  const maps = Object.fromEntries(GATE_KEYS.map((key) => [key, concat(chunks.map((c) => c.maps[key]))])) as Record<GateKey, Float32Array>;
  return { direction: first.direction, timesteps: chunks.reduce((n, c) => n + c.timesteps, 0), units: first.units, maps };
}

function rowOf(batch: Batch, row: number): Float32Array {
  const rows = batch.xShape[0] ?? 1;
  const size = batch.x.length / rows;
  const r = ((row % rows) + rows) % rows;
  return batch.x.subarray(r * size, (r + 1) * size);
}

/** The probe example(s): one sample, or for a stateful model a run of batches with their reset marks. */
function probeInputs(experiment: AnyExperiment, values: AnyParamValues, spec: ModelSpec, example: number): { x: Float32Array; resetAfter: boolean }[] {
  if (!isStateful(spec)) return [{ x: rowOf(experiment.sampleBatch(values, createRng(`inside/${example}`), 1), experiment.epochs ? example : 0), resetAfter: false }];
  const inputs: { x: Float32Array; resetAfter: boolean }[] = [];
  for (const batch of experiment.batches(values, createStreams(1))) {
    inputs.push({ x: rowOf(batch, example), resetAfter: batch.resetStatesAfter === true });
    if (batch.epochEnd || inputs.length >= MAX_CHAINED_BATCHES) break;
  }
  return inputs;
}

function weightNames(layer: LayerSpec, index: number): string[] {
  const prefix = `${index + 1} ${layer.type}`;
  switch (layer.type) {
    case 'lstm':
      return [`${prefix} kernel`, `${prefix} recurrent kernel`, `${prefix} bias`];
    case 'bidirectional':
      return ['forward kernel', 'forward recurrent kernel', 'forward bias', 'backward kernel', 'backward recurrent kernel', 'backward bias'].map((n) => `${prefix} ${n}`);
    default:
      return weightCountOf(layer) === 2 ? [`${prefix} kernel`, `${prefix} bias`] : [];
  }
}

export function weightStats(spec: Pick<ModelSpec, 'layers'>, weights: readonly Float32Array[], gradientNorms: readonly number[] | null): WeightStats[] {
  const names = spec.layers.flatMap((layer, i) => weightNames(layer, i));
  return weights.map((w, i) => {
    let min = Infinity;
    let max = -Infinity;
    let sum = 0;
    for (const v of w) {
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v * v;
    }
    const histogram = new Array<number>(HISTOGRAM_BINS).fill(0);
    const width = (max - min) / HISTOGRAM_BINS || 1;
    for (const v of w) histogram[Math.min(HISTOGRAM_BINS - 1, Math.floor((v - min) / width))]! += 1;
    return { name: names[i] ?? `weights ${i + 1}`, count: w.length, norm: Math.sqrt(sum), min, max, histogram, gradientNorm: gradientNorms?.[i] ?? null };
  });
}

export function inspectModel(args: {
  experiment: AnyExperiment;
  values: AnyParamValues;
  spec: ModelSpec;
  weights: readonly Float32Array[];
  gradientNorms: readonly number[] | null;
  settings: InsideSettings;
}): InsidePayload {
  const { experiment, values, spec, weights, settings } = args;
  const layers = probeableLayers(spec);
  const layerIndex = layers.some((l) => l.layerIndex === settings.layerIndex) ? settings.layerIndex : (layers[0]?.layerIndex ?? -1);
  const base = { layers, layerIndex, example: settings.example, weights: weightStats(spec, weights, args.gradientNorms) };
  const empty = { input: new Float32Array(0), inputShape: [0, 0] as [number, number], traces: [], resets: [], contrast: null };
  if (layerIndex < 0) return { ...base, ...empty, unsupported: 'This model has no LSTM layer to look inside.' };

  const forward: TraceView[] = [];
  const backward: TraceView[] = [];
  const inputs: Float32Array[] = [];
  const resets: number[] = [];
  let inputShape: [number, number] = [0, 0];
  let carried: Record<number, LayerState> = {};
  let time = 0;
  for (const { x, resetAfter } of probeInputs(experiment, values, spec, settings.example)) {
    const probe = probeModel(spec, weights, x, layerIndex, { initialStates: carried });
    if (probe.kind === 'unsupported') return { ...base, ...empty, unsupported: `The probe cannot run through ${probe.reason}.` };
    inputs.push(probe.input);
    inputShape = [inputShape[0] + probe.inputShape[0], probe.inputShape[1]];
    if (probe.kind === 'lstm') forward.push(view(probe.trace, null));
    else {
      forward.push(view(probe.forward, 'forward'));
      backward.push(view(probe.backward, 'backward'));
    }
    time += probe.inputShape[0];
    carried = resetAfter ? {} : probe.carriedStates;
    if (resetAfter) resets.push(time);
  }
  const traces = [joinViews(forward), ...(backward.length ? [joinViews(backward)] : [])];
  const first = traces[0] as TraceView;
  const contrast = resets.length >= 2 ? segmentContrast(first, resets) : variantContrast(args, layerIndex, first, probeInputs(experiment, values, spec, settings.example));
  return { ...base, input: concat(inputs), inputShape, traces, resets, unsupported: null, contrast };
}

function contrastOf(label: string, a: Float32Array, b: Float32Array, timesteps: number, units: number): Contrast {
  const cellDiff = b.map((v, i) => v - (a[i] ?? 0));
  const last = (timesteps - 1) * units;
  const top = Array.from({ length: units }, (_, unit) => ({ unit, diff: cellDiff[last + unit] ?? 0 }))
    .sort((p, q) => Math.abs(q.diff) - Math.abs(p.diff))
    .slice(0, 3);
  return { label, timesteps, units, cellDiff, top };
}

/** A stateful probe cut by its resets into sequences of one length: the second against the first, step by step. */
function segmentContrast(trace: TraceView, resets: readonly number[]): Contrast | null {
  const length = resets[0] ?? 0;
  if (length <= 0 || (resets[1] ?? 0) - length !== length) return null;
  const U = trace.units;
  const cells = trace.maps.cell;
  return contrastOf('sequence 2 against sequence 1, step by step', cells.subarray(0, length * U), cells.subarray(length * U, 2 * length * U), length, U);
}

/** The experiment's variant of the probe example (another value to remember), through the same layer. */
function variantContrast(
  args: Parameters<typeof inspectModel>[0],
  layerIndex: number,
  trace: TraceView,
  inputs: readonly { x: Float32Array }[],
): Contrast | null {
  const x = inputs[0]?.x;
  const variant = x && inputs.length === 1 ? args.experiment.contrast?.(args.values, x) : null;
  if (!variant) return null;
  const probe = probeModel(args.spec, args.weights, variant.x, layerIndex);
  if (probe.kind === 'unsupported') return null;
  const other = view(probe.kind === 'lstm' ? probe.trace : probe.forward, null);
  return contrastOf(variant.label, trace.maps.cell, other.maps.cell, trace.timesteps, trace.units);
}
