/**
 * The small regression problems of the seed tutorial (a–e): tiny fixed data sets, a test input
 * outside the training range, and the layer stacks the tutorial compared on each.
 */
import type { LayerSpec, LstmLayerSpec } from '../../engine/modelSpec';

export type ProblemId = 'a' | 'b' | 'c' | 'd' | 'e';
export type Architecture = 'simple' | 'stacked' | 'bidirectional';

export interface RegressionProblem {
  id: ProblemId;
  label: string;
  /** X as samples × timesteps × features. */
  x: number[][][];
  /** y as samples × outputs. */
  y: number[][];
  /** The test input (timesteps × features) and the answer it should get. */
  testInput: number[][];
  expected: number[];
  epochs: number;
  batchSize: number;
  /** What the tutorial's Keras runs predicted for the test input, per architecture. */
  reference: Partial<Record<Architecture, string>>;
  /** The hidden layers of each architecture (the output Dense is added by the experiment). */
  layers: Record<Architecture, LayerSpec[]>;
}

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const lstm = (units: number, returnSequences = false): LstmLayerSpec => ({ type: 'lstm', units, activation: 'relu', ...(returnSequences ? { returnSequences } : {}) });
const bidirectional = (units: number): LayerSpec => ({ type: 'bidirectional', layer: lstm(units), mergeMode: 'concat' });

/** The simple, stacked and bidirectional stacks of 50 relu units used by problems a, c, d and e. */
const FIFTY: Record<Architecture, LayerSpec[]> = {
  simple: [lstm(50)],
  stacked: [lstm(50, true), lstm(50)],
  bidirectional: [bidirectional(50)],
};

/** 15 samples of 3 steps from two series (d and e): X1 = 3, 6, …, 135 and X2 = 5, 10, …, 225. */
const twoSeries = range(15, (k) => range(3, (t) => [3 * (3 * k + t + 1), 5 * (3 * k + t + 1)]));

export const PROBLEMS: Record<ProblemId, RegressionProblem> = {
  a: {
    id: 'a',
    label: 'a. One-to-one: y = 15·x',
    x: range(20, (i) => [[i + 1]]),
    y: range(20, (i) => [15 * (i + 1)]),
    testInput: [[30]],
    expected: [450],
    epochs: 2000,
    batchSize: 5,
    reference: { simple: '437.9', stacked: '459.9' },
    layers: FIFTY,
  },
  b: {
    id: 'b',
    label: 'b. One-to-one, 2 features: y = x1·x2',
    x: range(25, (i) => [[2 * (i + 1), 3 * (i + 1)]]),
    y: range(25, (i) => [6 * (i + 1) ** 2]),
    testInput: [[55, 80]],
    expected: [4400],
    epochs: 1000,
    batchSize: 3,
    reference: { simple: '3,263', stacked: '3,705' },
    layers: {
      simple: [lstm(80), { type: 'dense', units: 10, activation: 'relu' }],
      stacked: [lstm(200, true), lstm(100, true), lstm(50, true), lstm(25), { type: 'dense', units: 20, activation: 'relu' }, { type: 'dense', units: 10, activation: 'relu' }],
      bidirectional: [bidirectional(80), { type: 'dense', units: 10, activation: 'relu' }],
    },
  },
  c: {
    id: 'c',
    label: 'c. Many-to-one: the sum of 3 steps',
    x: range(15, (k) => range(3, (t) => [3 * k + t + 1])),
    y: range(15, (k) => [3 * (3 * k + 2)]),
    testInput: [[50], [51], [52]],
    expected: [153],
    epochs: 1000,
    batchSize: 5,
    reference: { simple: '146.0', stacked: '155.4', bidirectional: '152.3' },
    layers: FIFTY,
  },
  d: {
    id: 'd',
    label: 'd. Many-to-one, 2 features: x1 + x2 at the last step',
    x: twoSeries,
    y: twoSeries.map((steps) => [(steps[2]?.[0] ?? 0) + (steps[2]?.[1] ?? 0)]),
    testInput: [
      [8, 51],
      [11, 56],
      [14, 61],
    ],
    expected: [75],
    epochs: 1000,
    batchSize: 5,
    reference: { simple: '73.4', stacked: '71.6', bidirectional: '76.8' },
    layers: FIFTY,
  },
  e: {
    id: 'e',
    label: 'e. Two outputs: the next value of each series',
    x: twoSeries,
    y: twoSeries.map((steps) => [(steps[2]?.[0] ?? 0) + 3, (steps[2]?.[1] ?? 0) + 5]),
    testInput: [
      [20, 34],
      [23, 39],
      [26, 44],
    ],
    expected: [29, 49],
    epochs: 1000,
    batchSize: 5,
    reference: { simple: '29.1, 48.5', stacked: '29.1, 48.5', bidirectional: '29.1, 48.5' },
    layers: FIFTY,
  },
};

export const timestepsOf = (problem: RegressionProblem) => problem.x[0]?.length ?? 1;
export const featuresOf = (problem: RegressionProblem) => problem.x[0]?.[0]?.length ?? 1;
export const outputsOf = (problem: RegressionProblem) => problem.y[0]?.length ?? 1;

/**
 * Reads a test input: timesteps separated by ";" or new lines, features by "," or spaces
 * ("8, 51; 11, 56; 14, 61"). Null when a part is not a number.
 */
export function parseInput(text: string): number[][] | null {
  const steps = text
    .split(/[;\n]/)
    .map((step) => step.trim())
    .filter((step) => step !== '');
  const parsed = steps.map((step) => step.split(/[\s,]+/).filter((part) => part !== '').map(Number));
  if (parsed.length === 0 || parsed.some((step) => step.length === 0 || step.some((v) => !Number.isFinite(v)))) return null;
  return parsed;
}

export function formatInput(input: readonly (readonly number[])[]): string {
  return input.map((step) => step.join(', ')).join('; ');
}

/** Keras' validation_split: the last share of the samples (before any shuffling) is held out. */
export function validationSplit(samples: number, fraction: number): { train: number; validation: number } {
  const train = Math.max(1, Math.floor(samples * (1 - fraction)));
  return { train, validation: samples - train };
}

/** The most samples an edited data set may hold. */
export const MAX_SAMPLES = 200;

/**
 * An edited data set as text, compact enough for a link: samples separated by ";", each the
 * input values (timestep by timestep, feature by feature) then ">" then the outputs:
 * "1>15;2>30" or "3,5,6,10,9,15>24".
 */
export function formatData(x: readonly (readonly (readonly number[])[])[], y: readonly (readonly number[])[]): string {
  return x.map((sample, i) => `${sample.flat().join(',')}>${(y[i] ?? []).join(',')}`).join(';');
}

/** Reads an edited data set for a problem's shapes; a sentence saying what is wrong otherwise. */
export function parseData(text: string, problem: RegressionProblem): { x: number[][][]; y: number[][] } | string {
  const steps = timestepsOf(problem);
  const features = featuresOf(problem);
  const outputs = outputsOf(problem);
  const samples = text.split(';').filter((part) => part.trim() !== '');
  if (samples.length < 2) return 'The data needs at least 2 samples.';
  if (samples.length > MAX_SAMPLES) return `The data holds ${samples.length} samples; at most ${MAX_SAMPLES}.`;
  const x: number[][][] = [];
  const y: number[][] = [];
  for (const [i, sample] of samples.entries()) {
    const [inputs = '', targets = '', ...rest] = sample.split('>');
    const xs = inputs.split(',').map((v) => (v.trim() === '' ? Number.NaN : Number(v)));
    const ys = targets.split(',').map((v) => (v.trim() === '' ? Number.NaN : Number(v)));
    if (rest.length > 0 || [...xs, ...ys].some((v) => !Number.isFinite(v))) return `Sample ${i + 1} is not numbers in the form "x,…>y".`;
    if (xs.length !== steps * features || ys.length !== outputs) {
      return `Sample ${i + 1} has ${xs.length} input and ${ys.length} output values; problem ${problem.id} takes ${steps * features} and ${outputs}.`;
    }
    x.push(Array.from({ length: steps }, (_, t) => xs.slice(t * features, (t + 1) * features)));
    y.push(ys);
  }
  return { x, y };
}
