import type { ModelSpec } from '../../engine/modelSpec';
import { argmax } from '../encoding';
import { freshData } from '../generated';
import type { IntParam, ParamValues } from '../params';
import { trainingParams } from '../trainingParams';
import type { Experiment } from '../types';
import { echoBatch } from './data';
import { echoPredictor } from './predictor';

const params = {
  length: {
    kind: 'int',
    label: 'Sequence length',
    help: 'How many random values each input sequence holds.',
    section: 'problem',
    unit: 'steps',
    default: 5,
    min: 1,
    max: 200,
  } satisfies IntParam,
  features: {
    kind: 'int',
    label: 'Distinct values',
    help: 'Values are integers in [0, n), one-hot encoded as n features.',
    section: 'problem',
    default: 10,
    min: 2,
    max: 500,
  } satisfies IntParam,
  outIndex: {
    kind: 'int',
    label: 'Echoed position',
    help: 'Which position (0-based) the network must repeat at the end of the sequence.',
    section: 'problem',
    default: 2,
    min: 0,
    max: 199,
  } satisfies IntParam,
  units: {
    kind: 'int',
    label: 'LSTM units',
    help: 'Memory cells in the LSTM layer: its capacity to hold what it has seen.',
    section: 'model',
    default: 25,
    min: 1,
    max: 512,
  } satisfies IntParam,
  ...trainingParams({ samples: 10_000, batchSize: 1 }),
};

export type EchoValues = ParamValues<typeof params>;

export interface EchoPreview {
  sequence: number[];
  outIndex: number;
  expected: number;
  predicted: number;
  probabilities: number[];
}

const EVALUATION_SIZE = 100;

export const echoExperiment: Experiment<typeof params, EchoPreview> = {
  id: 'echo',
  title: 'Echo sequence',
  subtitle: 'Vanilla LSTM · many-to-one classification',
  group: 'Model types',
  explainer: {
    problem:
      'The network reads a sequence of random integers, one per step, and must then say which value stood at a ' +
      'given position. Nothing in the last input tells it the answer: it has to keep that value in its cell state ' +
      'while the rest of the sequence goes by.',
    tryThis:
      'Move the echoed position away from the end, or lengthen the sequence to 25 with 100 distinct values, and ' +
      'see how many more samples it needs. Shrink the LSTM to 2–5 units. Raise the learning rate tenfold.',
    watch:
      'The loss sits near ln(n) (pure guessing) for a while, then drops sharply once the network finds out which ' +
      'position matters; accuracy jumps at the same moment. The predicted distribution sharpens from flat to one peak.',
  },
  params,
  predictor: echoPredictor,
  constrain(values) {
    if (values.outIndex < values.length) return { values, notes: [] };
    const outIndex = values.length - 1;
    return {
      values: { ...values, outIndex },
      notes: [`Echoed position ${values.outIndex} is outside a sequence of ${values.length}; using ${outIndex}.`],
    };
  },
  model(values): ModelSpec {
    return {
      inputShape: [values.length, values.features],
      layers: [
        { type: 'lstm', units: values.units },
        { type: 'dense', units: values.features, activation: 'softmax' },
      ],
      loss: 'categoricalCrossentropy',
      metrics: ['accuracy'],
    };
  },
  ...freshData((values: EchoValues, rng, rows) => echoBatch(values, rng, rows)),
  contrast(values, x) {
    // Another value at the echoed position, everything else the same: the units whose cell state
    // moves are the ones that hold it.
    const offset = values.outIndex * values.features;
    const value = argmax(x, offset, values.features);
    const other = (value + 1) % values.features;
    const variant = Float32Array.from(x);
    variant.fill(0, offset, offset + values.features);
    variant[offset + other] = 1;
    return { x: variant, label: `position ${values.outIndex} holds ${other} instead of ${value}` };
  },
  evaluationMetrics: [
    { key: 'accuracy', label: 'Accuracy', format: 'percent', note: `on ${EVALUATION_SIZE} fresh sequences` },
  ],
  async evaluate(values, predict, rng) {
    const batch = echoBatch(values, rng, EVALUATION_SIZE);
    const output = await predict(batch.x, batch.xShape);
    let correct = 0;
    batch.sequences.forEach((sequence, row) => {
      if (argmax(output, row * values.features, values.features) === sequence[values.outIndex]) correct++;
    });
    return { metrics: { accuracy: correct / EVALUATION_SIZE } };
  },
  async preview(values, predict, rng) {
    const batch = echoBatch(values, rng, 1);
    const probabilities = Array.from(await predict(batch.x, batch.xShape));
    const sequence = batch.sequences[0] ?? [];
    return {
      sequence,
      outIndex: values.outIndex,
      expected: sequence[values.outIndex] ?? 0,
      predicted: argmax(probabilities),
      probabilities,
    };
  },
};
