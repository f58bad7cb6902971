import type { LayerSpec, ModelSpec } from '../../engine/modelSpec';
import { freshData } from '../generated';
import type { IntParam, NumberParam, ParamValues } from '../params';
import { trainingParams } from '../trainingParams';
import type { Experiment } from '../types';
import { sineBatch, type SineProblem } from './data';

const MAX_LAYERS = 4;

function unitsParam(layer: number): IntParam {
  return {
    kind: 'int',
    label: `Units, layer ${layer}`,
    help:
      layer === 1
        ? 'Memory cells in the first LSTM layer, which reads the wave step by step.'
        : `Memory cells in LSTM layer ${layer}, which reads the sequence of layer ${layer - 1}'s outputs.`,
    section: 'model',
    ...(layer > 1 ? { relevant: (values) => Number(values.layers) >= layer } : {}),
    default: 20,
    min: 1,
    max: 256,
  };
}

const params = {
  length: {
    kind: 'int',
    label: 'Input length',
    help: 'How many values of the wave the network reads before it forecasts.',
    section: 'problem',
    unit: 'steps',
    default: 50,
    min: 1,
    max: 200,
  } satisfies IntParam,
  output: {
    kind: 'int',
    label: 'Forecast length',
    help: 'How many values after the input the network must predict at once.',
    section: 'problem',
    unit: 'steps',
    default: 5,
    min: 1,
    max: 50,
  } satisfies IntParam,
  pmin: {
    kind: 'int',
    label: 'Shortest period',
    help: 'Each wave gets a random whole-number period between the shortest and the longest.',
    section: 'problem',
    unit: 'steps',
    default: 10,
    min: 2,
    max: 100,
  } satisfies IntParam,
  pmax: {
    kind: 'int',
    label: 'Longest period',
    help: 'Upper end of the period range (included).',
    section: 'problem',
    unit: 'steps',
    default: 20,
    min: 2,
    max: 100,
  } satisfies IntParam,
  dmin: {
    kind: 'number',
    label: 'Smallest decay',
    help: 'Each wave decays as exp(−decay·i), decay uniform between the smallest and the largest.',
    section: 'problem',
    unit: 'per step',
    default: 0.01,
    min: 0,
    max: 1,
    step: 0.01,
  } satisfies NumberParam,
  dmax: {
    kind: 'number',
    label: 'Largest decay',
    help: 'Upper end of the decay range; 0.1 shrinks the swing to 1% of its size after 46 steps.',
    section: 'problem',
    unit: 'per step',
    default: 0.1,
    min: 0,
    max: 1,
    step: 0.01,
  } satisfies NumberParam,
  layers: {
    kind: 'int',
    label: 'LSTM layers',
    help: 'Stacked LSTM layers; every layer but the last passes its whole output sequence to the next.',
    section: 'model',
    default: 2,
    min: 1,
    max: MAX_LAYERS,
  } satisfies IntParam,
  units: unitsParam(1),
  units2: unitsParam(2),
  units3: unitsParam(3),
  units4: unitsParam(4),
  ...trainingParams({ samples: 10_000, batchSize: 10 }),
};

export type SineValues = ParamValues<typeof params>;

export interface SinePreview {
  /** The last input values, ending at step `length` − 1. */
  tail: number[];
  /** Step index of tail[0]. */
  tailStart: number;
  expected: number[];
  predicted: number[];
  period: number;
  decay: number;
}

/** How many of the last input values the live view shows. */
export const PREVIEW_TAIL = 25;
const EVALUATION_SIZE = 1000;

function problemOf(values: SineValues): SineProblem {
  return {
    length: values.length,
    output: values.output,
    periodMin: values.pmin,
    periodMax: values.pmax,
    decayMin: values.dmin,
    decayMax: values.dmax,
  };
}

/** Units of each LSTM layer, first to last. */
export function layerUnits(values: SineValues): number[] {
  return [values.units, values.units2, values.units3, values.units4].slice(0, values.layers);
}

/** Mean of |a − b| over two equally long arrays. */
export function meanAbsoluteError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return a.length ? sum / a.length : 0;
}

export const sineExperiment: Experiment<typeof params, SinePreview> = {
  id: 'sine',
  title: 'Damped sine wave',
  subtitle: 'Stacked LSTM · multi-step forecast',
  group: 'Model types',
  explainer: {
    problem:
      'Each example is a sine wave that fades towards 0.5, with a random period of 10–20 steps and a random decay. ' +
      'The network reads the first 50 values and must forecast the next 5 in one go. To do that it has to work out ' +
      'both the period and how fast the swing shrinks from what it has read; two stacked LSTM layers share the work.',
    tryThis:
      'Drop to one LSTM layer, or go to three or four, and compare the final MAE. Shorten the input to 10 steps (less ' +
      'than one period) or lengthen the forecast to 20. Widen the decay range to 0–0.3. Compare batch size 1 with 100.',
    watch:
      'The loss (mean absolute error) falls fast at first, while the network learns to say "about 0.5", then slowly as ' +
      'it learns the phase. In the chart the predicted points should follow the true ones: early on they are a flat ' +
      'line near 0.5; later they bend with the wave. The evaluation compares the MAE with simply repeating the last input value.',
  },
  params,
  constrain(values) {
    const notes: string[] = [];
    let next = values;
    if (next.pmin > next.pmax) {
      notes.push(`Shortest period ${next.pmin} is above the longest ${next.pmax}; using ${next.pmax} for both.`);
      next = { ...next, pmin: next.pmax };
    }
    if (next.dmin > next.dmax) {
      notes.push(`Smallest decay ${next.dmin} is above the largest ${next.dmax}; using ${next.dmax} for both.`);
      next = { ...next, dmin: next.dmax };
    }
    return { values: next, notes };
  },
  model(values): ModelSpec {
    const units = layerUnits(values);
    const lstms: LayerSpec[] = units.map((n, i) => ({ type: 'lstm', units: n, returnSequences: i < units.length - 1 }));
    return {
      inputShape: [values.length, 1],
      layers: [...lstms, { type: 'dense', units: values.output, activation: 'linear' }],
      loss: 'meanAbsoluteError',
      metrics: [],
    };
  },
  ...freshData((values: SineValues, rng, rows) => sineBatch(problemOf(values), rng, rows)),
  evaluationMetrics: [
    { key: 'mae', label: 'Mean absolute error', format: 'decimal', note: `on ${EVALUATION_SIZE.toLocaleString('en')} fresh waves` },
    {
      key: 'baseline',
      label: 'Baseline MAE',
      format: 'decimal',
      note: 'repeating the last input value, on the same waves',
    },
  ],
  async evaluate(values, predict, rng) {
    const batch = sineBatch(problemOf(values), rng, EVALUATION_SIZE);
    const output = await predict(batch.x, batch.xShape);
    const repeated = new Float32Array(batch.y.length);
    for (let r = 0; r < EVALUATION_SIZE; r++) {
      repeated.fill(batch.x[(r + 1) * values.length - 1] ?? 0, r * values.output, (r + 1) * values.output);
    }
    return { metrics: { mae: meanAbsoluteError(output, batch.y), baseline: meanAbsoluteError(repeated, batch.y) } };
  },
  async preview(values, predict, rng) {
    const batch = sineBatch(problemOf(values), rng, 1);
    const predicted = Array.from(await predict(batch.x, batch.xShape));
    const tailStart = Math.max(0, values.length - PREVIEW_TAIL);
    return {
      tail: Array.from(batch.x.subarray(tailStart)),
      tailStart,
      expected: Array.from(batch.y),
      predicted,
      period: batch.periods[0] ?? 0,
      decay: batch.decays[0] ?? 0,
    };
  },
};
