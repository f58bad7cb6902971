/**
 * The two sequence-echo experiments of the seed tutorial: echo the whole window (§8, a stateful
 * LSTM with a per-step softmax) and echo its first values (§9, a stateful encoder-decoder).
 * They share the data, the training plan, the evaluation and the view; they differ in the model.
 */
import type { LayerSpec, ModelSpec } from '../../engine/modelSpec';
import type { Rng } from '../../engine/random';
import { argmax } from '../encoding';
import type { BoolParam, IntParam, ParamValues } from '../params';
import { epochsParam, optimizerOf, optimizerParams } from '../trainingParams';
import type { Experiment, Explainer, Predict, ResetStates } from '../types';
import { encodeWindows, epochBatches, largestDivisorUpTo, randomSequence, windowCount, windowsOf, type SeqEchoProblem } from './data';
import { seqEchoPredictor } from './predictor';

interface Defaults {
  units: number;
  epochs: number;
  batchSize: number;
  outLength: number;
  /** The model echoes every value of the window: the number to echo is the window, not a knob. */
  wholeWindow: boolean;
  /** Fresh sequences scored after every epoch (0: none; each costs about a third of an epoch). */
  validationSequences: number;
}

function params(defaults: Defaults) {
  return {
    length: {
      kind: 'int',
      label: 'Sequence length',
      help: 'Random values drawn each epoch; its sliding windows are the training samples.',
      section: 'problem',
      default: 25,
      min: 2,
      max: 500,
    } satisfies IntParam,
    features: {
      kind: 'int',
      label: 'Distinct values',
      help: 'Values are integers in [0, n), one-hot encoded as n features.',
      section: 'problem',
      default: 100,
      min: 2,
      max: 500,
    } satisfies IntParam,
    window: {
      kind: 'int',
      label: 'Window',
      help: 'Timesteps per sample.',
      section: 'problem',
      default: 5,
      min: 1,
      max: 100,
    } satisfies IntParam,
    out: {
      kind: 'int',
      label: 'Values to echo',
      help: 'How many values of each window, from its start, the network must repeat.',
      section: 'problem',
      default: defaults.outLength,
      min: 1,
      max: 100,
      relevant: () => !defaults.wholeWindow,
    } satisfies IntParam,
    units: {
      kind: 'int',
      label: 'LSTM units',
      help: 'Memory cells in each LSTM layer.',
      section: 'model',
      default: defaults.units,
      min: 1,
      max: 512,
    } satisfies IntParam,
    stateful: {
      kind: 'bool',
      label: 'Stateful',
      help: 'Carry the state from one batch to the next within an epoch (reset after it), as the reference does.',
      section: 'model',
      default: true,
    } satisfies BoolParam,
    epochs: epochsParam(defaults.epochs, 100_000),
    bs: {
      kind: 'int',
      label: 'Batch size',
      help: 'Windows per weight update; it must divide the number of windows (a stateful layer needs equal batches).',
      section: 'training',
      default: defaults.batchSize,
      min: 1,
      max: 500,
    } satisfies IntParam,
    vseq: {
      kind: 'int',
      label: 'Validation sequences',
      help: 'Fresh sequences, never trained on, scored after every epoch from zero state: the dashed curves. 0: none.',
      section: 'training',
      default: defaults.validationSequences,
      min: 0,
      max: 20,
    } satisfies IntParam,
    ...optimizerParams(),
  };
}

type SeqEchoParams = ReturnType<typeof params>;
export type SeqEchoValues = ParamValues<SeqEchoParams>;

/** One window of the preview: its values, what should come out, and what did. */
export interface SeqEchoWindow {
  input: number[];
  expected: number[];
  predicted: number[];
}

export interface SeqEchoPreview {
  sequence: number[];
  windows: SeqEchoWindow[];
}

function problemOf(values: SeqEchoValues): SeqEchoProblem {
  return { length: values.length, features: values.features, window: values.window, outLength: values.out };
}

/** A fresh sequence through the model, its windows in the training batches, from zero state. */
async function echoSequence(values: SeqEchoValues, predict: Predict, rng: Rng, resetStates?: ResetStates): Promise<SeqEchoPreview> {
  const problem = problemOf(values);
  const sequence = randomSequence(problem, rng);
  const count = windowCount(problem);
  const windows = windowsOf(sequence, values.window);
  const predicted: number[][] = [];
  resetStates?.();
  for (let from = 0; from < count; from += values.bs) {
    const batch = encodeWindows(problem, sequence, from, Math.min(values.bs, count - from));
    const out = await predict(batch.x, batch.xShape);
    for (let r = 0; r < (batch.xShape[0] ?? 0); r++) {
      predicted.push(Array.from({ length: values.out }, (_, t) => argmax(out, (r * values.out + t) * values.features, values.features)));
    }
  }
  resetStates?.();
  return {
    sequence,
    windows: windows.map((input, w) => ({ input, expected: input.slice(0, values.out), predicted: predicted[w] ?? [] })),
  };
}

const EVALUATION_SEQUENCES = 20;

function seqEchoExperiment(options: {
  id: string;
  title: string;
  subtitle: string;
  explainer: Explainer;
  defaults: Defaults;
  layers(values: SeqEchoValues): LayerSpec[];
}): Experiment<SeqEchoParams, SeqEchoPreview> {
  return {
    id: options.id,
    title: options.title,
    subtitle: options.subtitle,
    group: 'Tutorials',
    explainer: options.explainer,
    params: params(options.defaults),
    predictor: seqEchoPredictor,
    constrain(values) {
      const notes: string[] = [];
      let next = values;
      if (next.window > next.length) {
        notes.push(`A window of ${next.window} does not fit a sequence of ${next.length}; using ${next.length}.`);
        next = { ...next, window: next.length };
      }
      if (options.defaults.wholeWindow && next.out !== next.window) {
        next = { ...next, out: next.window };
      } else if (next.out > next.window) {
        notes.push(`Only ${next.window} values are in a window; echoing ${next.window}.`);
        next = { ...next, out: next.window };
      }
      const count = windowCount(next);
      if (next.stateful && count % next.bs !== 0) {
        const bs = largestDivisorUpTo(count, next.bs);
        notes.push(`A stateful layer needs equal batches: batch size ${next.bs} does not divide the ${count} windows; using ${bs}.`);
        next = { ...next, bs };
      }
      return { values: next, notes };
    },
    model(values): ModelSpec {
      return {
        inputShape: [values.window, values.features],
        ...(values.stateful ? { batchSize: values.bs } : {}),
        layers: options.layers(values),
        loss: 'categoricalCrossentropy',
        metrics: ['accuracy'],
      };
    },
    plan(values) {
      return {
        optimizer: optimizerOf(values),
        batchSize: values.bs,
        totalSamples: values.epochs * windowCount(values),
      };
    },
    *batches(values, streams) {
      for (let e = 0; e < values.epochs; e++) yield* epochBatches(problemOf(values), values.bs, streams.data);
    },
    epochs: (values) => values.epochs,
    validationSequences(values, rng) {
      return Array.from({ length: values.vseq }, () => epochBatches(problemOf(values), values.bs, rng)).flat();
    },
    sampleBatch(values, rng) {
      const problem = problemOf(values);
      return encodeWindows(problem, randomSequence(problem, rng), 0, windowCount(problem));
    },
    evaluationMetrics: [
      { key: 'accuracy', label: 'Values right', format: 'percent', note: `every echoed value of ${EVALUATION_SEQUENCES} fresh sequences` },
      { key: 'windows', label: 'Windows right', format: 'percent', note: 'windows with every value right' },
    ],
    success: { label: 'every value of every window right', test: (metrics) => metrics.accuracy === 1 },
    async evaluate(values, predict, rng, resetStates) {
      let values_ = 0;
      let valuesRight = 0;
      let windows = 0;
      let windowsRight = 0;
      for (let s = 0; s < EVALUATION_SEQUENCES; s++) {
        const result = await echoSequence(values, predict, rng, resetStates);
        for (const window of result.windows) {
          const right = window.expected.filter((v, t) => window.predicted[t] === v).length;
          values_ += window.expected.length;
          valuesRight += right;
          windows += 1;
          if (right === window.expected.length) windowsRight += 1;
        }
      }
      return { metrics: { accuracy: valuesRight / values_, windows: windowsRight / windows } };
    },
    preview: (values, predict, rng, resetStates) => echoSequence(values, predict, rng, resetStates),
  };
}

export const echoWholeExperiment = seqEchoExperiment({
  id: 'echowhole',
  title: 'Echo whole sequence',
  subtitle: 'Stateful LSTM · sequence-to-sequence',
  explainer: {
    problem:
      'Each epoch draws a fresh sequence of 25 random values and cuts it into 21 overlapping windows of 5. The network reads a ' +
      'window and must output the same window, value by value: at every step its softmax names the value it is reading.',
    tryThis:
      'Shrink the LSTM to 5 units, or widen the vocabulary to 500 values. Turn Stateful off. Try a batch size that does not ' +
      'divide the 21 windows and read the note.',
    watch:
      'Accuracy climbs step by step as the network learns each value’s one-hot code; echoing what it reads right now needs ' +
      'hardly any memory, so it reaches 100%. The state carried between batches here is more noise than help.',
  },
  defaults: { units: 20, epochs: 500, batchSize: 7, outLength: 5, wholeWindow: true, validationSequences: 1 },
  layers: (values) => [
    { type: 'lstm', units: values.units, returnSequences: true, stateful: values.stateful },
    { type: 'timeDistributedDense', units: values.features, activation: 'softmax' },
  ],
});

export const echoPartialExperiment = seqEchoExperiment({
  id: 'echopartial',
  title: 'Echo partial sequence',
  subtitle: 'Stateful encoder-decoder LSTM',
  explainer: {
    problem:
      'As the whole-sequence echo, but the network must output only the first 2 values of each window of 5 — after reading ' +
      'all 5. An encoder LSTM reads the window into one vector, RepeatVector hands it to a decoder LSTM, which writes the 2 values.',
    tryThis:
      'Ask for more values to echo (3, 4, 5), or shrink the LSTMs from 150 units. Move the window to 10 steps: the first ' +
      'values lie further back.',
    watch:
      'Unlike the whole echo, the answer is no longer the current input: the encoder must keep the first values in its state ' +
      'while 3 more go by, so it takes far more epochs, and a big encoder, before the windows come out right.',
  },
  defaults: { units: 150, epochs: 5000, batchSize: 21, outLength: 2, wholeWindow: false, validationSequences: 0 },
  layers: (values) => [
    { type: 'lstm', units: values.units, stateful: values.stateful },
    { type: 'repeatVector', n: values.out },
    { type: 'lstm', units: values.units, returnSequences: true, stateful: values.stateful },
    { type: 'timeDistributedDense', units: values.features, activation: 'softmax' },
  ],
});
