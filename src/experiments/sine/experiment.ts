import type { ModelSpec } from '../../engine/modelSpec';
import type { Rng } from '../../engine/random';
import { affordableSeries, continuations, continuationView, rowSlices, type ContinuationView, type HorizonErrors } from '../closedLoop';
import { EVALUATION_SIZE, forecastMetrics, PREVIEW_BUDGET, PREVIEW_SERIES, scoreForecasts } from '../forecastScores';
import { freshData } from '../generated';
import { horizonParam } from '../horizonParam';
import type { IntParam, NumberParam, ParamValues } from '../params';
import { stackedLstmLayers, stackedLstmParams } from '../stackedLstm';
import { trainingParams } from '../trainingParams';
import { orderedRange } from '../ranges';
import type { Experiment } from '../types';
import { sineBatch, type SineProblem } from './data';
import { sinePredictor } from './predictor';

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
  horizon: horizonParam(25),
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
  ...stackedLstmParams('the wave'),
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
  /** The same wave continued for the horizon: open loop (true past) and closed loop (own outputs fed back). */
  continuation: ContinuationView;
  /** Error at each step of the horizon over a few fresh waves (the first is the one shown). */
  errors: HorizonErrors;
}

/** How many of the last input values the live view shows. */
export const PREVIEW_TAIL = 25;
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

/**
 * Waves long enough for the closed loop: the same waves as sineBatch with the same stream (the
 * first `output` target values equal), the targets running on to the horizon.
 */
function longWaves(values: SineValues, rng: Rng, rows: number) {
  const steps = Math.max(values.output, values.horizon);
  const batch = sineBatch({ ...problemOf(values), output: steps }, rng, rows);
  return {
    batch,
    windows: rowSlices(batch.x, values.length, rows, 0, values.length),
    truths: rowSlices(batch.y, steps, rows, 0, values.horizon),
    /** The first `output` values after each input: the training target. */
    targets: Float32Array.from(rowSlices(batch.y, steps, rows, 0, values.output).flat()),
  };
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
      'than one period) or lengthen the forecast to 20. Widen the decay range to 0–0.3. Compare batch size 1 with 100. ' +
      'Raise the closed-loop horizon to 100 and see how far the fed-back forecast stays on the wave.',
    watch:
      'The loss (mean absolute error) falls fast at first, while the network learns to say "about 0.5", then slowly as ' +
      'it learns the phase. In the chart the predicted points should follow the true ones: early on they are a flat ' +
      'line near 0.5; later they bend with the wave. The evaluation compares the MAE with simply repeating the last input value. ' +
      'Below, the closed loop feeds the forecasts back: its error grows with every step ahead while the open loop, corrected ' +
      'by the true past, stays low. How fast it grows tells how well the network has captured the wave itself.',
  },
  params,
  predictor: sinePredictor,
  constrain(values) {
    const notes: string[] = [];
    const periods = orderedRange(values, 'pmin', 'pmax', { low: 'Shortest period', high: 'longest' }, notes);
    return { values: orderedRange(periods, 'dmin', 'dmax', { low: 'Smallest decay', high: 'largest' }, notes), notes };
  },
  model(values): ModelSpec {
    return {
      inputShape: [values.length, 1],
      layers: [...stackedLstmLayers(values), { type: 'dense', units: values.output, activation: 'linear' }],
      loss: 'meanAbsoluteError',
      metrics: [],
    };
  },
  ...freshData((values: SineValues, rng, rows) => sineBatch(problemOf(values), rng, rows)),
  evaluationMetrics: forecastMetrics('waves'),
  async evaluate(values, predict, rng) {
    const { batch, windows, truths, targets } = longWaves(values, rng, EVALUATION_SIZE);
    const data = { x: batch.x, length: values.length, targets, output: values.output, windows, truths, horizon: values.horizon };
    const { mae, baseline, openMae, closedMae } = await scoreForecasts(predict, data);
    return { metrics: { mae, baseline, openMae, closedMae } };
  },
  async preview(values, predict, rng) {
    const waves = affordableSeries(PREVIEW_BUDGET, values.length, values.horizon, values.output, PREVIEW_SERIES);
    const { batch, windows, truths, targets } = longWaves(values, rng, waves);
    // The shown wave's forecast of `output` values: the model reading its input once.
    const direct = await predict(batch.x.subarray(0, values.length), [1, values.length, 1]);
    const loops = await continuations({ predict, steps: values.output, windows, truths, horizon: values.horizon, kind: 'mae' });
    const tailStart = Math.max(0, values.length - PREVIEW_TAIL);
    return {
      tail: Array.from(batch.x.subarray(tailStart, values.length)),
      tailStart,
      expected: Array.from(targets.subarray(0, values.output)),
      predicted: Array.from(direct),
      period: batch.periods[0] ?? 0,
      decay: batch.decays[0] ?? 0,
      continuation: continuationView(windows, truths, loops, PREVIEW_TAIL),
      errors: loops.errors,
    };
  },
};
