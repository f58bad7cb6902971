import type { ModelSpec, OptimizerName } from '../../engine/modelSpec';
import type { ChoiceParam, IntParam, NumberParam, ParamValues } from '../params';
import { optimizerParams } from '../trainingParams';
import type { Experiment, Predict } from '../types';
import { encodePairs, TRAIN_PAIRS, VALIDATION_PAIRS, type Pair } from './data';
import { changedFromPreset, configOf, KERAS_BATCH_SIZE, LOSSES, PRESETS, type LossChoice, type OptimizerChoice, type PresetId } from './presets';
import { curvesPredictor } from './predictor';

const OPTIMIZER_LABELS: Record<OptimizerName, string> = { adam: 'Adam', rmsprop: 'RMSprop', adagrad: 'Adagrad', sgd: 'SGD (with momentum)' };

const params = {
  preset: {
    kind: 'choice',
    label: 'Preset',
    help: 'A configuration of the lesson that shows one shape of learning curves; the knobs below left at “the preset’s” follow it.',
    section: 'problem',
    default: 'more-training' as PresetId,
    options: Object.values(PRESETS).map((p) => ({ value: p.id, label: p.label })),
  } satisfies ChoiceParam<PresetId>,
  units: {
    kind: 'int',
    label: 'LSTM units',
    help: 'Memory cells in the LSTM layer. 0: the preset’s (10; 1 for “too little capacity”).',
    section: 'model',
    default: 0,
    min: 0,
    max: 256,
  } satisfies IntParam,
  loss: {
    kind: 'choice',
    label: 'Loss',
    help: 'What training minimises (the validation loss is the same measure on the validation pairs).',
    section: 'training',
    default: 'preset' as LossChoice,
    options: [
      { value: 'preset', label: 'The preset’s (MSE; MAE for too little capacity)' },
      { value: 'mse', label: 'Mean squared error' },
      { value: 'mae', label: 'Mean absolute error' },
    ],
  } satisfies ChoiceParam<LossChoice>,
  epochs: {
    kind: 'int',
    label: 'Epochs',
    help: 'Passes over the 5 training pairs. 0: the preset’s (100, 300, 800 or 1,200).',
    section: 'training',
    default: 0,
    min: 0,
    max: 20_000,
  } satisfies IntParam,
  bs: {
    kind: 'int',
    label: 'Batch size',
    help: 'Pairs per weight update. Keras’ default 32 puts all 5 training pairs in one batch: one update per epoch.',
    section: 'training',
    default: KERAS_BATCH_SIZE,
    min: 1,
    max: KERAS_BATCH_SIZE,
  } satisfies IntParam,
  opt: {
    kind: 'choice',
    label: 'Optimizer',
    help: 'The rule that turns gradients into weight updates.',
    section: 'training',
    default: 'preset' as OptimizerChoice,
    options: [
      { value: 'preset', label: 'The preset’s (Adam; SGD for too little capacity)' },
      ...(Object.keys(OPTIMIZER_LABELS) as OptimizerName[]).map((value) => ({ value, label: OPTIMIZER_LABELS[value] })),
    ],
  } satisfies ChoiceParam<OptimizerChoice>,
  lr: {
    kind: 'number',
    label: 'Learning rate',
    help: 'Step size of each update. 0: the optimizer’s Keras default (0.001 for Adam and RMSprop, 0.01 for SGD and Adagrad).',
    section: 'training',
    default: 0,
    min: 0,
    max: 10,
    step: 0.0001,
  } satisfies NumberParam,
  mom: {
    kind: 'number',
    label: 'Momentum',
    help: 'SGD only: how much of the previous update carries into the next.',
    section: 'training',
    relevant: (values) => values.opt === 'sgd' || (values.opt === 'preset' && PRESETS[values.preset as PresetId]?.optimizer === 'sgd'),
    default: 0,
    min: 0,
    max: 0.999,
    step: 0.1,
  } satisfies NumberParam,
  clip: optimizerParams().clip,
};

export type CurvesValues = ParamValues<typeof params>;

export interface CurvesRow extends Pair {
  predicted: number;
  validation: boolean;
}

export interface CurvesPreview {
  rows: CurvesRow[];
  trainMse: number;
  validationMse: number;
}

const ALL_PAIRS: readonly Pair[] = [...TRAIN_PAIRS, ...VALIDATION_PAIRS];

const mse = (rows: readonly CurvesRow[]) => rows.reduce((sum, r) => sum + (r.predicted - r.y) ** 2, 0) / rows.length;

/** The model's answer for every pair, and the mean squared error on each set. */
export async function predictPairs(predict: Predict): Promise<CurvesPreview> {
  const batch = encodePairs(ALL_PAIRS);
  const out = await predict(batch.x, batch.xShape);
  const rows = ALL_PAIRS.map((pair, i) => ({ ...pair, predicted: out[i] ?? Number.NaN, validation: i >= TRAIN_PAIRS.length }));
  return { rows, trainMse: mse(rows.filter((r) => !r.validation)), validationMse: mse(rows.filter((r) => r.validation)) };
}

export const curvesExperiment: Experiment<typeof params, CurvesPreview> = {
  id: 'curves',
  title: 'Learning curves: diagnose the fit',
  subtitle: 'Underfit, good fit, overfit on a tiny data set',
  group: 'Diagnose & tune',
  explainer: {
    problem:
      'The sequence 0.0, 0.1, … 1.0 as "next value" pairs: 0.0→0.1 … 0.4→0.5 train an LSTM(10) → Dense(1), and the pairs ' +
      '0.5→0.6 … 0.9→1.0 — beyond anything it trained on — are scored after every epoch as the validation loss (dashed). ' +
      'Each preset is a configuration of the lesson whose curves have a typical shape; the Diagnosis panel names the shape it sees.',
    tryThis:
      'Train each preset and compare the diagnosis with what the preset is meant to show. Then fix one: give "more training ' +
      'needed" 800 epochs, give "too little capacity" 10 units or Adam. Pick "multiple runs" and repeat it over 5 seeds.',
    watch:
      'Underfit curves are still falling, or flat but high. A good fit levels off low on both curves. An overfit model keeps ' +
      'lowering its training loss while the validation loss turns up after its minimum: that epoch is where to stop. The ' +
      'upturn is small next to the first fall: switch on Log scale to see it.',
  },
  params,
  predictor: curvesPredictor,
  model(values): ModelSpec {
    const config = configOf(values);
    return {
      inputShape: [1, 1],
      layers: [
        { type: 'lstm', units: config.units },
        { type: 'dense', units: 1, activation: 'linear' },
      ],
      loss: LOSSES[config.loss],
      metrics: [],
    };
  },
  plan(values) {
    const config = configOf(values);
    return {
      optimizer: {
        name: config.optimizer,
        learningRate: config.learningRate,
        ...(config.optimizer === 'sgd' ? { momentum: config.momentum } : {}),
        ...(config.clipNorm > 0 ? { clipNorm: config.clipNorm } : {}),
      },
      batchSize: config.batchSize,
      totalSamples: config.epochs * TRAIN_PAIRS.length,
    };
  },
  epochs: (values) => configOf(values).epochs,
  *batches(values) {
    const { epochs, batchSize } = configOf(values);
    const n = TRAIN_PAIRS.length;
    // The lesson trains with shuffle=False: the pairs in order, every epoch.
    for (let e = 0; e < epochs; e++) {
      for (let from = 0; from < n; from += batchSize) {
        yield { ...encodePairs(TRAIN_PAIRS.slice(from, from + batchSize)), epochEnd: from + batchSize >= n };
      }
    }
  },
  validation: () => encodePairs(VALIDATION_PAIRS),
  sampleBatch: () => encodePairs(TRAIN_PAIRS),
  compare: { param: 'preset', label: 'Compare presets' },
  curveLesson(values) {
    // The page may ask with another experiment's values for a moment: no lesson then.
    if (!Object.hasOwn(PRESETS, values.preset)) return null;
    const preset = PRESETS[values.preset];
    return { name: preset.label, expected: preset.expected, changed: changedFromPreset(values), ...(preset.repeats ? { repeats: preset.repeats } : {}) };
  },
  evaluationMetrics: [
    { key: 'validationMse', label: 'Validation MSE', format: 'decimal', note: 'on the 5 validation pairs 0.5→0.6 … 0.9→1.0' },
    { key: 'trainMse', label: 'Training MSE', format: 'decimal', note: 'on the 5 training pairs' },
  ],
  async evaluate(_values, predict) {
    const { trainMse, validationMse } = await predictPairs(predict);
    return { metrics: { validationMse, trainMse } };
  },
  preview: (_values, predict) => predictPairs(predict),
};
