import type { ModelSpec } from '../../engine/modelSpec';
import type { Rng } from '../../engine/random';
import { affordableSeries, continuations, continuationView, rowSlices, type ContinuationView, type HorizonErrors } from '../closedLoop';
import { EVALUATION_SIZE, forecastMetrics, PREVIEW_BUDGET, PREVIEW_SERIES, scoreForecasts } from '../forecastScores';
import { freshData } from '../generated';
import { horizonParam } from '../horizonParam';
import type { ChoiceParam, IntParam, NumberParam, ParamValues } from '../params';
import { stackedLstmLayers, stackedLstmParams } from '../stackedLstm';
import { trainingParams } from '../trainingParams';
import { orderedRange } from '../ranges';
import type { Experiment } from '../types';
import { SHAPE_LABELS, SHAPES, signalBatch, type Shape, type SignalProblem, type SignalRow } from './data';
import { signalsPredictor } from './predictor';

const params = {
  shape: {
    kind: 'choice',
    label: 'Waveform',
    help: 'The family of signals: smooth, with jumps, with corners, a fading pulse, two periods at once, or pure chance.',
    section: 'problem',
    default: 'sine' as Shape,
    options: SHAPES.map((value) => ({ value, label: SHAPE_LABELS[value] })),
  } satisfies ChoiceParam<Shape>,
  noise: {
    kind: 'number',
    label: 'Noise',
    help: 'Standard deviation of the Gaussian noise added to every value, inputs and targets alike (the same waves underneath).',
    section: 'problem',
    default: 0,
    min: 0,
    max: 2,
    step: 0.05,
  } satisfies NumberParam,
  length: {
    kind: 'int',
    label: 'Input length',
    help: 'How many values of the signal the network reads before it forecasts.',
    section: 'problem',
    unit: 'steps',
    default: 50,
    min: 1,
    max: 200,
  } satisfies IntParam,
  output: {
    kind: 'int',
    label: 'Forecast length',
    help: 'How many values after the input the network is trained to predict at once.',
    section: 'problem',
    unit: 'steps',
    default: 5,
    min: 1,
    max: 50,
  } satisfies IntParam,
  horizon: horizonParam(50),
  amin: {
    kind: 'number',
    label: 'Smallest amplitude',
    help: 'Each signal gets a random amplitude between the smallest and the largest (for the random walk: its typical swing over one period).',
    section: 'problem',
    default: 0.5,
    min: 0,
    max: 10,
    step: 0.1,
  } satisfies NumberParam,
  amax: {
    kind: 'number',
    label: 'Largest amplitude',
    help: 'Upper end of the amplitude range.',
    section: 'problem',
    default: 1,
    min: 0,
    max: 10,
    step: 0.1,
  } satisfies NumberParam,
  pmin: {
    kind: 'int',
    label: 'Shortest period',
    help: 'Each signal gets a random whole-number period between the shortest and the longest (the sinc pulse: its ringing; the walk: its time scale).',
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
  ...stackedLstmParams('the signal'),
  ...trainingParams({ samples: 10_000, batchSize: 10 }),
};

export type SignalsValues = ParamValues<typeof params>;

export interface SignalsPreview {
  shape: Shape;
  noise: number;
  /** What was drawn for the signal shown. */
  row: SignalRow;
  /** The shown signal: the end of its input, the truth and both continuations (and the noiseless truth when noisy). */
  continuation: ContinuationView;
  /** Error at each step of the horizon over a few fresh signals (the first is the one shown). */
  errors: HorizonErrors;
}

/** How many of the last input values the live view shows. */
export const PREVIEW_TAIL = 50;
export function problemOf(values: SignalsValues): SignalProblem {
  return {
    shape: values.shape,
    length: values.length,
    output: values.output,
    amplitudeMin: values.amin,
    amplitudeMax: values.amax,
    periodMin: values.pmin,
    periodMax: values.pmax,
    noise: values.noise,
  };
}

/** Signals long enough for the closed loop: the training-length signals of the same stream, running on to the horizon. */
function longSignals(values: SignalsValues, rng: Rng, rows: number) {
  const total = values.length + Math.max(values.output, values.horizon);
  const batch = signalBatch(problemOf(values), rng, rows, total);
  return {
    batch,
    windows: rowSlices(batch.x, values.length, rows, 0, values.length),
    truths: rowSlices(batch.noisy, total, rows, values.length, values.horizon),
    clean: rowSlices(batch.clean, total, rows, values.length, values.horizon),
  };
}

export const signalsExperiment: Experiment<typeof params, SignalsPreview> = {
  id: 'signals',
  title: 'Synthetic signals',
  subtitle: 'Stacked LSTM · closed-loop forecasting of six waveforms',
  group: 'Diagnose & tune',
  explainer: {
    problem:
      'Each example is a fresh signal of one family — a sine, a square wave, a sawtooth, a sinc pulse, the sum of two sines, ' +
      'or a random walk — with a random amplitude, period and position, plus optional noise. The network reads 50 values ' +
      'and learns to forecast the next 5. Then it is asked to go on alone: its forecasts are appended to its input and it ' +
      'forecasts again (closed loop), 50 steps into a future it never sees.',
    tryThis:
      'Train each waveform with the defaults and compare the closed-loop error at 50 steps. Give the square wave one layer of ' +
      '8 units, then four of 40. Add noise 0.1, then 0.3, with the same seed: the waves underneath stay the same. Shorten the ' +
      'input below one period. Train on the random walk and compare the closed loop with repeating the last value.',
    watch:
      'The open loop reads the true past before every forecast, so its error stays near the one-step error; the closed loop ' +
      'builds on its own mistakes, and its error grows with the steps ahead. A smooth sine is continued for many periods; ' +
      'jumps and corners blur first; the sum of two sines drifts out of phase. Noise cannot be forecast: the closed loop ' +
      'follows the noiseless signal at best. A random walk has nothing to learn: no forecast beats repeating the last value.',
  },
  params,
  predictor: signalsPredictor,
  constrain(values) {
    const notes: string[] = [];
    const periods = orderedRange(values, 'pmin', 'pmax', { low: 'Shortest period', high: 'longest' }, notes);
    return { values: orderedRange(periods, 'amin', 'amax', { low: 'Smallest amplitude', high: 'largest' }, notes), notes };
  },
  model(values): ModelSpec {
    return {
      inputShape: [values.length, 1],
      layers: [...stackedLstmLayers(values), { type: 'dense', units: values.output, activation: 'linear' }],
      loss: 'meanAbsoluteError',
      metrics: [],
    };
  },
  ...freshData((values: SignalsValues, rng, rows) => signalBatch(problemOf(values), rng, rows)),
  evaluationMetrics: [
    ...forecastMetrics('signals'),
    { key: 'naiveMae', label: 'Repeating the last value over the horizon', format: 'decimal', note: 'the closed loop should beat this; same signals' },
  ],
  async evaluate(values, predict, rng) {
    const { batch, windows, truths } = longSignals(values, rng, EVALUATION_SIZE);
    const data = { x: batch.x, length: values.length, targets: batch.y, output: values.output, windows, truths, horizon: values.horizon };
    return { metrics: await scoreForecasts(predict, data) };
  },
  async preview(values, predict, rng) {
    const count = affordableSeries(PREVIEW_BUDGET, values.length, values.horizon, values.output, PREVIEW_SERIES);
    const { batch, windows, truths, clean } = longSignals(values, rng, count);
    const loops = await continuations({ predict, steps: values.output, windows, truths, horizon: values.horizon, kind: 'mae' });
    const view = continuationView(windows, truths, loops, PREVIEW_TAIL);
    return {
      shape: values.shape,
      noise: values.noise,
      row: batch.rows[0] ?? { amplitude: 0, period: 0, shift: 0, period2: 0, shift2: 0, seed: 0 },
      continuation: values.noise > 0 ? { ...view, clean: clean[0] ?? [] } : view,
      errors: loops.errors,
    };
  },
};
