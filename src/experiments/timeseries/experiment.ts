import type { ModelSpec } from '../../engine/modelSpec';
import { affordableSeries } from '../closedLoop';
import { horizonParam } from '../horizonParam';
import type { ChoiceParam, IntParam, NumberParam, ParamValues, TextParam } from '../params';
import { epochsParam, optimizerOf, optimizerParams } from '../trainingParams';
import type { Batch, Experiment, Predict } from '../types';
import { BUNDLED_SERIES, bundledSeries, DEFAULT_BUNDLED_SERIES, type BundledSeriesId } from './bundled';
import { DEFAULT_MAX_BYTES } from './csv';
import { testContinuation, type TestContinuation } from './continuation';
import { encodeWindows, framedSeries, type FramedSeries } from './data';
import { persistenceRmse, rmse, type Scaling, type Window } from './framing';
import { timeSeriesPredictor } from './predictor';

export type SeriesChoice = BundledSeriesId | 'custom';

const params = {
  series: {
    kind: 'choice',
    label: 'Series',
    help: 'A real series bundled with the playground, or your own CSV (upload or paste it below).',
    section: 'problem',
    default: DEFAULT_BUNDLED_SERIES as SeriesChoice,
    options: [...BUNDLED_SERIES.map((s) => ({ value: s.id as SeriesChoice, label: s.label })), { value: 'custom', label: 'Your own data (CSV)' }],
  } satisfies ChoiceParam<SeriesChoice>,
  csv: {
    kind: 'text',
    label: 'Data',
    help: 'The CSV text of the series.',
    section: 'problem',
    default: '',
    maxLength: DEFAULT_MAX_BYTES,
    hidden: true,
    inUrl: false,
  } satisfies TextParam,
  dateCol: {
    kind: 'text',
    label: 'Date column',
    help: 'The column of dates or labels; empty: guessed.',
    section: 'problem',
    default: '',
    maxLength: 200,
    hidden: true,
    inUrl: false,
  } satisfies TextParam,
  valueCol: {
    kind: 'text',
    label: 'Value column',
    help: 'The column of values; empty: guessed.',
    section: 'problem',
    default: '',
    maxLength: 200,
    hidden: true,
    inUrl: false,
  } satisfies TextParam,
  lookBack: {
    kind: 'int',
    label: 'Look-back',
    help: 'How many previous values the network reads (as timesteps) to predict the next one.',
    section: 'problem',
    unit: 'steps',
    default: 1,
    min: 1,
    max: 365,
  } satisfies IntParam,
  horizon: horizonParam(12),
  train: {
    kind: 'number',
    label: 'Train share',
    help: 'The first part of the series, in time order, that the network trains on; the rest is the test period.',
    section: 'problem',
    default: 0.67,
    min: 0.1,
    max: 0.95,
    step: 0.01,
  } satisfies NumberParam,
  scale: {
    kind: 'choice',
    label: 'Scaling',
    help: 'Fitted on the train period only: min-max to [0, 1], or standardise to mean 0 and standard deviation 1.',
    section: 'problem',
    default: 'min-max' as Scaling,
    options: [
      { value: 'min-max', label: 'Min-max to [0, 1]' },
      { value: 'standard', label: 'Standardise' },
    ],
  } satisfies ChoiceParam<Scaling>,
  units: {
    kind: 'int',
    label: 'LSTM units',
    help: 'Memory cells in the LSTM layer.',
    section: 'model',
    default: 4,
    min: 1,
    max: 256,
  } satisfies IntParam,
  epochs: epochsParam(100, 5000),
  bs: {
    kind: 'int',
    label: 'Batch size',
    help: 'Windows per weight update (the reference: 1).',
    section: 'training',
    default: 1,
    min: 1,
    max: 512,
  } satisfies IntParam,
  ...optimizerParams(),
};

export type TimeSeriesValues = ParamValues<typeof params>;

export interface TimeSeriesPreview {
  name: string;
  units: string;
  dates: string[];
  values: number[];
  /** The first index of the test period. */
  trainSize: number;
  /** Predictions in the original units, each at the index of the value it predicts. */
  trainPredictions: [number, number][];
  testPredictions: [number, number][];
  /** Forecasting the test period several steps ahead: open and closed loop from the first test point, errors over many starts. */
  ahead: Omit<TestContinuation, 'overall'>;
}

/**
 * Starts in the test period the live view's error by horizon is averaged over: at most 24, fewer
 * when a long look-back and horizon would make the preview slow (each step re-reads the look-back).
 * The evaluation affords far more: every start of a usual series.
 */
export const PREVIEW_ORIGINS = 24;
const PREVIEW_BUDGET = 20_000;
const EVALUATION_BUDGET = 2_000_000;
/** Values of the train period shown before the forecast, at least. */
const CONTEXT = 24;

function ahead(framed: Extract<FramedSeries, { ok: true }>, values: TimeSeriesValues, predict: Predict, budget: number, most: number): Promise<TestContinuation> {
  const maxOrigins = affordableSeries(budget, values.lookBack, values.horizon, 1, most);
  return testContinuation(framed, framed.series.values, { lookBack: values.lookBack, horizon: values.horizon, maxOrigins, context: Math.max(CONTEXT, values.horizon), predict });
}

const framingOf = (values: TimeSeriesValues): FramedSeries => framedSeries(values);

function ready(values: TimeSeriesValues): Extract<FramedSeries, { ok: true }> {
  const framed = framingOf(values);
  if (!framed.ok) throw new Error(framed.error);
  return framed;
}

/** Predictions for windows, in the original units. */
async function forecast(framed: Extract<FramedSeries, { ok: true }>, windows: readonly Window[], lookBack: number, predict: Predict): Promise<number[]> {
  if (windows.length === 0) return [];
  const batch = encodeWindows(windows, lookBack);
  return framed.scaler.inverse(Array.from(await predict(batch.x, batch.xShape)));
}

function unitsOf(values: TimeSeriesValues): string {
  return values.series === 'custom' ? '' : (bundledSeries(values.series)?.units ?? '');
}

/** The bundled series' title, or the value column's name for the user's own data. */
export function seriesName(values: TimeSeriesValues, columnName: string): string {
  return values.series === 'custom' ? columnName : (bundledSeries(values.series)?.label ?? columnName);
}

export const timeSeriesExperiment: Experiment<typeof params, TimeSeriesPreview> = {
  id: 'timeseries',
  title: 'Forecasting a real series',
  subtitle: 'LSTM on real data vs the naive forecast',
  group: 'Tutorials',
  explainer: {
    problem:
      'A real monthly series — milk production per cow, 1962–1975 — framed as supervised learning: from the last value ' +
      '(look-back 1) predict the next. The first 67% of the months train the network, the rest test it. Values are scaled ' +
      'on the train period and predictions scaled back, so the errors (RMSE) are in pounds.',
    tryThis:
      'Compare the test RMSE with the naive forecast "next month = this month". Raise the look-back to 12 (a year) or 13, ' +
      'add units and epochs, switch to standardising. Try the airline passengers, or upload your own CSV. Set the ' +
      'closed-loop horizon to 24 and see whether the fed-back forecast keeps the seasons.',
    watch:
      'With the defaults the LSTM does not beat the naive forecast on the test period: it mostly learns to repeat the last ' +
      'value, a step late. A look-back that spans the seasonal cycle lets it anticipate the pattern. The dashed curve is the ' +
      'loss on the test period. Forecasting further ahead, the closed loop (its own forecasts fed back) of a model that ' +
      'repeats the last value is a flat line; only a model that learned the pattern bends with the seasons.',
  },
  params,
  predictor: timeSeriesPredictor,
  externalText: { param: 'csv', file: (values) => (values.series === 'custom' ? null : (bundledSeries(values.series)?.file ?? null)) },
  constrain(values) {
    if (values.series === 'custom' && values.csv === '') {
      return { values, notes: ['Your own data: upload or paste a CSV in the Data source panel (your data is never part of a link).'] };
    }
    const framed = framingOf(values);
    if (framed.ok || !values.csv) return { values, notes: [] };
    // The series reads but the look-back does not fit its train period: shorten it.
    const probe = framingOf({ ...values, lookBack: 1 });
    if (!probe.ok) return { values, notes: [framed.error] };
    const lookBack = Math.max(1, probe.split.trainSize - 1);
    return { values: { ...values, lookBack }, notes: [`${framed.error} Using a look-back of ${lookBack}.`] };
  },
  model(values): ModelSpec {
    return {
      inputShape: [values.lookBack, 1],
      layers: [
        { type: 'lstm', units: values.units },
        { type: 'dense', units: 1, activation: 'linear' },
      ],
      loss: 'meanSquaredError',
      metrics: [],
    };
  },
  plan(values) {
    const framed = framingOf(values);
    return {
      optimizer: optimizerOf(values),
      batchSize: values.bs,
      totalSamples: framed.ok ? values.epochs * framed.train.length : 0,
    };
  },
  epochs: (values) => values.epochs,
  *batches(values, streams) {
    const framed = ready(values);
    for (let e = 0; e < values.epochs; e++) {
      // Keras shuffles the windows every epoch (fit's shuffle=True): each is a sample on its own.
      const order = streams.shuffle.shuffle(framed.train.slice());
      for (let from = 0; from < order.length; from += values.bs) {
        yield { ...encodeWindows(order.slice(from, from + values.bs), values.lookBack), epochEnd: from + values.bs >= order.length };
      }
    }
  },
  validation(values) {
    const framed = framingOf(values);
    return framed.ok && framed.test.length > 0 ? encodeWindows(framed.test, values.lookBack) : undefined;
  },
  sampleBatch(values): Batch {
    const framed = framingOf(values);
    return framed.ok ? encodeWindows(framed.train, values.lookBack) : encodeWindows([], values.lookBack);
  },
  evaluationMetrics: [
    { key: 'trainRmse', label: 'Train RMSE', format: 'decimal', note: 'in the series’ units' },
    { key: 'testRmse', label: 'Test RMSE', format: 'decimal', note: 'the number that matters' },
    { key: 'naiveTrain', label: 'Naive forecast, train', format: 'decimal', note: '“next = previous” on the same points' },
    { key: 'naiveTest', label: 'Naive forecast, test', format: 'decimal', note: 'the LSTM must beat this' },
    { key: 'closedTest', label: 'Closed-loop RMSE, test', format: 'decimal', note: 'forecasts fed back for the horizon, from every test point' },
    { key: 'naiveAhead', label: 'Naive forecast over the horizon', format: 'decimal', note: 'the last known value repeated, same starts' },
  ],
  async evaluate(values, predict) {
    const framed = ready(values);
    const original = framed.series.values;
    const score = async (windows: readonly Window[]) => {
      const predicted = await forecast(framed, windows, values.lookBack, predict);
      const indices = windows.map((w) => w.targetIndex);
      return { model: rmse(indices.map((t) => original[t] ?? Number.NaN), predicted), naive: persistenceRmse(original, indices) };
    };
    const train = await score(framed.train);
    const test = await score(framed.test);
    const { overall } = await ahead(framed, values, predict, EVALUATION_BUDGET, Infinity);
    return {
      metrics: {
        trainRmse: train.model,
        testRmse: test.model,
        naiveTrain: train.naive,
        naiveTest: test.naive,
        closedTest: overall.closed,
        naiveAhead: overall.naive,
      },
    };
  },
  async preview(values, predict) {
    const framed = ready(values);
    const pairs = async (windows: readonly Window[]) => {
      const predicted = await forecast(framed, windows, values.lookBack, predict);
      return windows.map((w, i): [number, number] => [w.targetIndex, predicted[i] ?? Number.NaN]);
    };
    return {
      name: seriesName(values, framed.series.name),
      units: unitsOf(values),
      dates: framed.series.dates,
      values: framed.series.values,
      trainSize: framed.split.trainSize,
      trainPredictions: await pairs(framed.train),
      testPredictions: await pairs(framed.test),
      ahead: await ahead(framed, values, predict, PREVIEW_BUDGET, PREVIEW_ORIGINS),
    };
  },
};
