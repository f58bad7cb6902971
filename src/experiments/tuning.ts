/**
 * The tuning knobs of the Keras tuning lesson (§12), shared by every experiment where they mean
 * something: weight initialiser, LSTM activation, stack depth, dropout, weight penalties, a fresh
 * validation set and early stopping. An experiment opts in with one line in the registry
 * (withTuning); its own model() and plan() stay unaware of them.
 */
import type { Activation, Initializer, LayerSpec, LstmLayerSpec, ModelSpec, Regularizer } from '../engine/modelSpec';
import { createRng } from '../engine/random';
import type { BoolParam, ChoiceParam, IntParam, NumberParam, ParamDefs } from './params';
import type { AnyExperiment, AnyParamValues } from './types';

export interface TuningOptions {
  /** Offer a stack-depth knob: the model's first LSTM is repeated, every copy but the last passing its sequence on. */
  layers?: boolean;
  /** Generator experiments: the default size of a fresh validation set scored during training (0 or absent: no knob). */
  validation?: number;
  /** The LSTM activation the experiment's own model uses (tanh when absent): the activation knob's default. */
  activation?: Activation;
}

export type PenaltyKind = 'none' | 'l1' | 'l2' | 'l1l2';
export type PenaltyTarget = 'kernel' | 'recurrent' | 'bias' | 'all';

/** How many times over a run a fresh validation set is scored. */
export const VALIDATION_CHECKS = 40;
export const MAX_LSTM_LAYERS = 4;

const modelKnobs = (activation: Activation) => ({
  init: {
    kind: 'choice',
    label: 'Weight initialiser',
    help: 'How every layer’s input kernel starts (Keras’ kernel_initializer); recurrent kernels stay orthogonal.',
    section: 'model',
    default: 'glorotUniform' as Initializer,
    options: [
      { value: 'glorotUniform', label: 'Glorot uniform (Keras’ default)' },
      { value: 'glorotNormal', label: 'Glorot normal' },
      { value: 'randomUniform', label: 'Random uniform (±0.05)' },
      { value: 'randomNormal', label: 'Random normal (sd 0.05)' },
    ],
  } satisfies ChoiceParam<Initializer>,
  act: {
    kind: 'choice',
    label: 'LSTM activation',
    help: 'The activation of the cell input and output (the gates stay sigmoid): tanh is the standard; relu can blow up.',
    section: 'model',
    default: activation,
    options: [
      { value: 'tanh', label: 'tanh' },
      { value: 'sigmoid', label: 'sigmoid' },
      { value: 'relu', label: 'relu' },
    ],
  } satisfies ChoiceParam<Activation>,
});

const layersKnob: IntParam = {
  kind: 'int',
  label: 'LSTM layers',
  help: 'Stacked LSTM layers of the same size; each passes its whole output sequence to the next.',
  section: 'model',
  default: 1,
  min: 1,
  max: MAX_LSTM_LAYERS,
};

/** A share of values dropped while training, 0–0.9. */
const dropoutKnob = (label: string, help: string) =>
  ({ kind: 'number', label, help, section: 'regularisation', default: 0, min: 0, max: 0.9, step: 0.05 }) satisfies NumberParam;

const regularisationKnobs = {
  drop: dropoutKnob('Input dropout', 'Share of each LSTM input dropped while training (Keras’ dropout), a fresh mask per sequence. Trains on TF.js.'),
  rdrop: dropoutKnob('Recurrent dropout', 'Share of the carried output h dropped at each step while training (Keras’ recurrent_dropout). Trains on TF.js.'),
  reg: {
    kind: 'choice',
    label: 'Weight penalty',
    help: 'Adds the size of the LSTM weights to the training loss, which keeps them small. Trains on TF.js.',
    section: 'regularisation',
    default: 'none' as PenaltyKind,
    options: [
      { value: 'none', label: 'None' },
      { value: 'l1', label: 'L1 (sum of |w|)' },
      { value: 'l2', label: 'L2 (sum of w²)' },
      { value: 'l1l2', label: 'L1 and L2' },
    ],
  } satisfies ChoiceParam<PenaltyKind>,
  rega: {
    kind: 'number',
    label: 'Penalty strength',
    help: 'The factor of the penalty (Keras’ l1 / l2 argument).',
    section: 'regularisation',
    relevant: (values) => values.reg !== undefined && values.reg !== 'none',
    default: 0.01,
    min: 0,
    max: 10,
    step: 0.001,
  } satisfies NumberParam,
  regw: {
    kind: 'choice',
    label: 'Penalised weights',
    help: 'Which LSTM weights the penalty applies to: the input kernel, the recurrent kernel, the bias, or all three.',
    section: 'regularisation',
    relevant: (values) => values.reg !== undefined && values.reg !== 'none',
    default: 'kernel' as PenaltyTarget,
    options: [
      { value: 'kernel', label: 'Input kernel' },
      { value: 'recurrent', label: 'Recurrent kernel' },
      { value: 'bias', label: 'Bias' },
      { value: 'all', label: 'All three' },
    ],
  } satisfies ChoiceParam<PenaltyTarget>,
};

function validationKnob(defaultRows: number): IntParam {
  return {
    kind: 'int',
    label: 'Validation examples',
    help: `Fresh examples never trained on, scored ${VALIDATION_CHECKS} times over the run: the dashed curves. 0: none.`,
    section: 'training',
    default: defaultRows,
    min: 0,
    max: 5000,
    step: 10,
  };
}

function earlyStoppingKnobs(hasValidation: (values: Readonly<Record<string, number | string | boolean>>) => boolean) {
  return {
    es: {
      kind: 'bool',
      label: 'Early stopping',
      help: 'Stop when the validation loss has not reached a new low for a while (Keras’ EarlyStopping on val_loss).',
      section: 'regularisation',
      relevant: hasValidation,
      default: false,
    } satisfies BoolParam,
    pat: {
      kind: 'int',
      label: 'Patience',
      help: 'Validation checks (epochs, on a fixed data set) without a new low before training stops.',
      section: 'regularisation',
      relevant: (values) => values.es === true && hasValidation(values),
      default: 5,
      min: 1,
      max: 10_000,
    } satisfies IntParam,
  };
}

/** The tuning knobs an experiment gets; `hasValidation` says when its settings include validation data. */
export function tuningParams(options: TuningOptions, hasValidation: (values: Readonly<Record<string, number | string | boolean>>) => boolean): ParamDefs {
  return {
    ...(options.layers ? { layers: layersKnob } : {}),
    ...modelKnobs(options.activation ?? 'tanh'),
    ...regularisationKnobs,
    ...(options.validation ? { vals: validationKnob(options.validation) } : {}),
    ...earlyStoppingKnobs(hasValidation),
  };
}

const num = (values: AnyParamValues, key: string, fallback: number): number => {
  const value = values[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
};
const str = (values: AnyParamValues, key: string, fallback: string): string => {
  const value = values[key];
  return typeof value === 'string' ? value : fallback;
};

function penaltyOf(values: AnyParamValues): Regularizer | null {
  const kind = str(values, 'reg', 'none');
  const amount = num(values, 'rega', 0);
  if (kind === 'none' || amount <= 0) return null;
  return { l1: kind === 'l1' || kind === 'l1l2' ? amount : 0, l2: kind === 'l2' || kind === 'l1l2' ? amount : 0 };
}

/** An LSTM layer with the tuning knobs' activation, dropout and penalties. */
function tuneLstm(layer: LstmLayerSpec, values: AnyParamValues): LstmLayerSpec {
  const tuned: LstmLayerSpec = { ...layer };
  const activation = str(values, 'act', layer.activation ?? 'tanh') as Activation;
  if (activation !== (layer.activation ?? 'tanh')) tuned.activation = activation;
  const dropout = num(values, 'drop', 0);
  const recurrentDropout = num(values, 'rdrop', 0);
  if (dropout > 0) tuned.dropout = dropout;
  if (recurrentDropout > 0) tuned.recurrentDropout = recurrentDropout;
  const penalty = penaltyOf(values);
  if (penalty) {
    const target = str(values, 'regw', 'kernel');
    if (target === 'kernel' || target === 'all') tuned.kernelRegularizer = penalty;
    if (target === 'recurrent' || target === 'all') tuned.recurrentRegularizer = penalty;
    if (target === 'bias' || target === 'all') tuned.biasRegularizer = penalty;
  }
  return tuned;
}

function tuneLayer(layer: LayerSpec, values: AnyParamValues): LayerSpec {
  const init = str(values, 'init', 'glorotUniform') as Initializer;
  // Only a changed initialiser is written into the description, which keeps it (and exported code) as short as the default.
  const withInit = <L extends { kernelInitializer?: Initializer }>(spec: L): L => (init === (spec.kernelInitializer ?? 'glorotUniform') ? spec : { ...spec, kernelInitializer: init });
  switch (layer.type) {
    case 'lstm':
      return withInit(tuneLstm(layer, values));
    case 'bidirectional':
      return { ...layer, layer: withInit(tuneLstm(layer.layer, values)) };
    case 'dense':
    case 'timeDistributedDense':
    case 'conv2d':
      return withInit(layer);
    case 'timeDistributed':
      return layer.layer.type === 'conv2d' ? { ...layer, layer: withInit(layer.layer) } : layer;
    case 'repeatVector':
    case 'maxPooling2d':
    case 'flatten':
      return layer;
  }
}

/** Repeats the first LSTM layer `depth` times; every copy but the last returns its sequence. */
function stackFirstLstm(layers: readonly LayerSpec[], depth: number): LayerSpec[] {
  const index = layers.findIndex((layer) => layer.type === 'lstm');
  const first = layers[index];
  if (depth <= 1 || !first || first.type !== 'lstm') return [...layers];
  const copies: LayerSpec[] = Array.from({ length: depth }, (_, i) => (i < depth - 1 ? { ...first, returnSequences: true } : first));
  return [...layers.slice(0, index), ...copies, ...layers.slice(index + 1)];
}

/** The experiment's model with the tuning knobs applied (the stack depth only where the knob was added: an experiment may have a `layers` of its own). */
export function applyTuning(spec: ModelSpec, values: AnyParamValues, options: Pick<TuningOptions, 'layers'> = {}): ModelSpec {
  const stacked = options.layers ? stackFirstLstm(spec.layers, Math.round(num(values, 'layers', 1))) : [...spec.layers];
  return { ...spec, layers: stacked.map((layer) => tuneLayer(layer, values)) };
}

/** The experiment with the tuning knobs in its form, its model and its training plan. */
export function withTuning(experiment: AnyExperiment, options: TuningOptions = {}): AnyExperiment {
  // Whether the settings include held-out data (drawn here from a stand-in stream: only its presence matters).
  const fixedValidation = (values: AnyParamValues): boolean =>
    experiment.validation?.(values) !== undefined || (experiment.validationSequences?.(values, createRng('tuning/has-validation')).length ?? 0) > 0;
  const hasValidation = (values: Readonly<Record<string, number | string | boolean>>): boolean =>
    options.validation ? num(values, 'vals', 0) > 0 : fixedValidation(values as AnyParamValues);
  const extra = tuningParams(options, hasValidation);
  const clash = Object.keys(extra).find((key) => key in experiment.params);
  if (clash) throw new Error(`${experiment.id}: the tuning knob "${clash}" clashes with a knob of the experiment`);
  return {
    ...experiment,
    params: { ...experiment.params, ...extra },
    model: (values: AnyParamValues) => applyTuning(experiment.model(values), values, options),
    plan: (values: AnyParamValues) => {
      const plan = experiment.plan(values);
      const rows = options.validation ? Math.round(num(values, 'vals', 0)) : 0;
      return {
        ...plan,
        ...(rows > 0 ? { freshValidation: { rows, checks: VALIDATION_CHECKS } } : {}),
        ...(values.es === true && hasValidation(values) ? { earlyStopping: { patience: Math.round(num(values, 'pat', 5)) } } : {}),
      };
    },
  };
}
