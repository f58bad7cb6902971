/**
 * The learning-curve presets of §12: one tiny data set, five configurations that each show a shape
 * of the training and validation curves. A knob left at "the preset's" takes the preset's setting.
 */
import type { DiagnosisLabel } from '../../engine/diagnosis';
import type { Loss, OptimizerName } from '../../engine/modelSpec';
import { TRAIN_PAIRS } from './data';

export type PresetId = 'more-training' | 'capacity' | 'good' | 'overfit' | 'repeats';
export type LossChoice = 'preset' | 'mse' | 'mae';
export type OptimizerChoice = 'preset' | OptimizerName;

export interface Preset {
  id: PresetId;
  label: string;
  units: number;
  loss: Exclude<LossChoice, 'preset'>;
  optimizer: OptimizerName;
  epochs: number;
  /** The curve shape the preset is meant to show (engine/diagnosis); null when it is about something else. */
  expected: DiagnosisLabel | null;
  /** Runs to train over seeds, for the preset about the spread between runs. */
  repeats?: number;
}

export const PRESETS: Record<PresetId, Preset> = {
  'more-training': { id: 'more-training', label: 'Underfit: more training needed', units: 10, loss: 'mse', optimizer: 'adam', epochs: 100, expected: 'improving' },
  capacity: { id: 'capacity', label: 'Underfit: too little capacity', units: 1, loss: 'mae', optimizer: 'sgd', epochs: 300, expected: 'underfit' },
  good: { id: 'good', label: 'Good fit', units: 10, loss: 'mse', optimizer: 'adam', epochs: 800, expected: 'good' },
  overfit: { id: 'overfit', label: 'Overfit', units: 10, loss: 'mse', optimizer: 'adam', epochs: 1200, expected: 'overfit' },
  repeats: { id: 'repeats', label: 'Multiple runs (5 × 300 epochs)', units: 10, loss: 'mse', optimizer: 'adam', epochs: 300, expected: null, repeats: 5 },
};

export const LOSSES: Record<Exclude<LossChoice, 'preset'>, Loss> = { mse: 'meanSquaredError', mae: 'meanAbsoluteError' };

/** Keras 2's default learning rate of each optimizer (the tutorial never set one). */
export const KERAS_LEARNING_RATES: Record<OptimizerName, number> = { adam: 0.001, rmsprop: 0.001, adagrad: 0.01, sgd: 0.01 };

/** Keras' default batch size: larger than the 5 training pairs, so one batch per epoch. */
export const KERAS_BATCH_SIZE = 32;

/** The knob values the presets read; 0 and 'preset' mean "the preset's". */
export interface CurvesKnobs {
  preset: PresetId;
  units: number;
  loss: LossChoice;
  opt: OptimizerChoice;
  lr: number;
  mom: number;
  epochs: number;
  bs: number;
  clip: number;
}

/** The settings a run trains with, after the preset fills in what the knobs leave to it. */
export interface CurvesConfig {
  units: number;
  loss: Exclude<LossChoice, 'preset'>;
  optimizer: OptimizerName;
  learningRate: number;
  momentum: number;
  epochs: number;
  batchSize: number;
  /** Keras' clipnorm; 0: off. */
  clipNorm: number;
}

export function configOf(knobs: CurvesKnobs): CurvesConfig {
  const preset = PRESETS[knobs.preset];
  const optimizer = knobs.opt === 'preset' ? preset.optimizer : knobs.opt;
  return {
    units: knobs.units || preset.units,
    loss: knobs.loss === 'preset' ? preset.loss : knobs.loss,
    optimizer,
    learningRate: knobs.lr || KERAS_LEARNING_RATES[optimizer],
    momentum: optimizer === 'sgd' ? knobs.mom : 0,
    epochs: knobs.epochs || preset.epochs,
    batchSize: knobs.bs,
    clipNorm: knobs.clip,
  };
}

const CONFIG_LABELS: Record<keyof CurvesConfig, string> = {
  units: 'LSTM units',
  loss: 'Loss',
  optimizer: 'Optimizer',
  learningRate: 'Learning rate',
  momentum: 'Momentum',
  epochs: 'Epochs',
  batchSize: 'Batch size',
  clipNorm: 'Gradient clipping',
};

/** The settings that differ from the preset's own (labels), e.g. ["Epochs"] after 400 epochs of "good fit". */
export function changedFromPreset(knobs: CurvesKnobs): string[] {
  const own = configOf({ preset: knobs.preset, units: 0, loss: 'preset', opt: 'preset', lr: 0, mom: 0, epochs: 0, bs: KERAS_BATCH_SIZE, clip: 0 });
  const mine = configOf(knobs);
  // Every batch size from the number of training pairs up trains one batch per epoch: the same run.
  const batches = (c: CurvesConfig) => Math.min(c.batchSize, TRAIN_PAIRS.length);
  return (Object.keys(CONFIG_LABELS) as (keyof CurvesConfig)[])
    .filter((key) => (key === 'batchSize' ? batches(own) !== batches(mine) : own[key] !== mine[key]))
    .map((key) => CONFIG_LABELS[key]);
}
