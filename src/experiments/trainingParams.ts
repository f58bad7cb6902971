import type { ChoiceParam, IntParam, NumberParam } from './params';
import type { OptimizerName, OptimizerSpec } from '../engine/modelSpec';

/** The knobs every generator-driven experiment shares, with per-experiment defaults. */
export function trainingParams(defaults: { samples: number; batchSize: number; learningRate?: number; maxSamples?: number; clipNorm?: number }) {
  return {
    samples: {
      kind: 'int',
      label: 'Training samples',
      help: 'How many freshly generated examples the network sees in total.',
      section: 'training',
      default: defaults.samples,
      min: 1,
      max: defaults.maxSamples ?? 1_000_000,
      step: 100,
    } satisfies IntParam,
    bs: {
      kind: 'int',
      label: 'Batch size',
      help: 'Examples per weight update; 1 updates after every example.',
      section: 'training',
      default: defaults.batchSize,
      min: 1,
      max: 1024,
    } satisfies IntParam,
    ...optimizerParams(defaults.learningRate, defaults.clipNorm),
  };
}

/** Optimizer, learning rate, momentum and gradient clipping: the knobs of every experiment's training section. */
export function optimizerParams(learningRate = 0.001, clipNorm = 0) {
  return {
    opt: {
      kind: 'choice',
      label: 'Optimizer',
      help: 'The rule that turns gradients into weight updates.',
      section: 'training',
      default: 'adam' as OptimizerName,
      options: [
        { value: 'adam', label: 'Adam' },
        { value: 'rmsprop', label: 'RMSprop' },
        { value: 'adagrad', label: 'Adagrad' },
        { value: 'sgd', label: 'SGD (with momentum)' },
      ],
    } satisfies ChoiceParam<OptimizerName>,
    lr: {
      kind: 'number',
      label: 'Learning rate',
      help: 'Step size of each update; too high diverges, too low crawls.',
      section: 'training',
      default: learningRate,
      min: 1e-6,
      max: 10,
      step: 0.0001,
    } satisfies NumberParam,
    mom: {
      kind: 'number',
      label: 'Momentum',
      help: 'SGD only: how much of the previous update carries into the next.',
      section: 'training',
      relevant: (values) => values.opt === 'sgd',
      default: 0,
      min: 0,
      max: 0.999,
      step: 0.1,
    } satisfies NumberParam,
    clip: {
      kind: 'number',
      label: 'Gradient clipping',
      help: 'Keras’ clipnorm: before each update every gradient array is scaled down to at most this norm, which tames exploding gradients. 0: off.',
      section: 'training',
      default: clipNorm,
      min: 0,
      max: 1000,
      step: 0.1,
    } satisfies NumberParam,
  };
}

/** The optimizer the shared knobs describe. */
export function optimizerOf(values: { opt: OptimizerName; lr: number; mom: number; clip: number }): OptimizerSpec {
  return {
    name: values.opt,
    learningRate: values.lr,
    ...(values.opt === 'sgd' ? { momentum: values.mom } : {}),
    ...(values.clip > 0 ? { clipNorm: values.clip } : {}),
  };
}

/** Passes over a fixed data set, for the experiments that train on one. */
export function epochsParam(defaultEpochs: number, max = 100_000): IntParam {
  return {
    kind: 'int',
    label: 'Epochs',
    help: 'Passes over the whole training set.',
    section: 'training',
    default: defaultEpochs,
    min: 1,
    max,
  };
}
