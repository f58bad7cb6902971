import type { ModelSpec } from '../../engine/modelSpec';
import { freshData } from '../generated';
import type { IntParam, ParamValues } from '../params';
import { trainingParams } from '../trainingParams';
import type { Experiment } from '../types';
import { additionBatch, decodeText, inputLength, outputLength, SYMBOLS, type AdditionProblem } from './data';
import { scoreAnswers } from './score';
import { additionPredictor } from './predictor';

const params = {
  terms: {
    kind: 'int',
    label: 'Numbers to add',
    help: 'How many random numbers each question adds; the input is padded to terms × digits + (terms − 1) characters.',
    section: 'problem',
    default: 3,
    min: 2,
    max: 10,
  } satisfies IntParam,
  largest: {
    kind: 'int',
    label: 'Largest number',
    help: 'Each number is drawn from 1 to this; the answer is padded to the digits of terms × (largest + 1) − 1.',
    section: 'problem',
    default: 10,
    min: 2,
    max: 9999,
  } satisfies IntParam,
  enc: {
    kind: 'int',
    label: 'Encoder units',
    help: 'Cells of the LSTM that reads the question and sums it up in one vector.',
    section: 'model',
    default: 75,
    min: 1,
    max: 512,
  } satisfies IntParam,
  dec: {
    kind: 'int',
    label: 'Decoder units',
    help: 'Cells of the LSTM that writes the answer, one character per step, from that vector.',
    section: 'model',
    default: 50,
    min: 1,
    max: 512,
  } satisfies IntParam,
  // Gradient clipping at 5 by default: without it, some seeds' loss jumps back up in the last steps of the one pass (measured below).
  ...trainingParams({ samples: 75_000, batchSize: 32, clipNorm: 5 }),
};

export type AdditionValues = ParamValues<typeof params>;

export interface AdditionRow {
  /** The question without its padding, e.g. "9+10+9". */
  question: string;
  /** The true sum, e.g. "28". */
  expected: string;
  /** The network's answer as decoded, padding included (it may hold stray spaces or '+'). */
  predicted: string;
  correct: boolean;
}

export interface AdditionPreview {
  terms: number;
  largest: number;
  inLength: number;
  outLength: number;
  rows: AdditionRow[];
}

const EVALUATION_SIZE = 100;
const PREVIEW_ROWS = 8;

function problemOf(values: AdditionValues): AdditionProblem {
  return { terms: values.terms, largest: values.largest };
}

export const additionExperiment: Experiment<typeof params, AdditionPreview> = {
  id: 'addition',
  title: 'Addition',
  subtitle: 'Encoder-decoder LSTM · sequence to sequence',
  group: 'Model types',
  explainer: {
    problem:
      'The network reads a sum such as "  9+10+9" one character at a time (each one-hot over 0–9, "+" and space) and ' +
      'must write the answer, "28", character by character. The encoder LSTM squeezes the whole question into one ' +
      'vector; RepeatVector hands that vector to the decoder once per answer character. Nobody tells it what "+" or ' +
      'carrying means: it learns both from examples.',
    tryThis:
      'Add a fourth number, or raise the largest number to 100: the padded lengths grow and the network needs more ' +
      'samples. Shrink the encoder to 10 units and see whether the question still fits in its summary. Train on ' +
      '20,000 samples instead of 75,000.',
    watch:
      'The loss falls in stages: first the length and the tens digit of the answer, later the units digit, which ' +
      'depends on every number. Late in training, wrong answers are mostly off by one or two in the last digit. ' +
      'Whole-answer accuracy trails per-character accuracy: an answer counts only when every character is right. ' +
      'Gradient clipping is on (at 5): set it to 0 and seed 2 shows why. Its loss, down to 0.14, jumps back up in ' +
      'the last few hundred samples, an exploding gradient, and the evaluation falls to about 66% where clipped ' +
      'runs end near 98%. With one pass at a fixed learning rate, the last steps decide where the model ends up.',
  },
  params,
  predictor: additionPredictor,
  model(values): ModelSpec {
    const problem = problemOf(values);
    return {
      inputShape: [inputLength(problem), SYMBOLS],
      layers: [
        { type: 'lstm', units: values.enc },
        { type: 'repeatVector', n: outputLength(problem) },
        { type: 'lstm', units: values.dec, returnSequences: true },
        { type: 'timeDistributedDense', units: SYMBOLS, activation: 'softmax' },
      ],
      loss: 'categoricalCrossentropy',
      metrics: ['accuracy'],
    };
  },
  ...freshData((values: AdditionValues, rng, rows) => additionBatch(problemOf(values), rng, rows)),
  evaluationMetrics: [
    { key: 'accuracy', label: 'Accuracy per character', format: 'percent', note: `on ${EVALUATION_SIZE} fresh sums` },
    { key: 'answers', label: 'Whole answers right', format: 'percent', note: 'every character of the sum right' },
    { key: 'loss', label: 'Loss', format: 'decimal', note: 'categorical cross-entropy per character' },
  ],
  async evaluate(values, predict, rng) {
    const batch = additionBatch(problemOf(values), rng, EVALUATION_SIZE);
    const output = await predict(batch.x, batch.xShape);
    return { metrics: { ...scoreAnswers(batch.y, output, outputLength(problemOf(values))) } };
  },
  async preview(values, predict, rng) {
    const problem = problemOf(values);
    const outLength = outputLength(problem);
    const batch = additionBatch(problem, rng, PREVIEW_ROWS);
    const output = await predict(batch.x, batch.xShape);
    const rows = batch.numbers.map((numbers, r) => {
      const expected = batch.answers[r] ?? '';
      const predicted = decodeText(output, r * outLength * SYMBOLS, outLength);
      return { question: numbers.join('+'), expected: expected.trim(), predicted, correct: predicted === expected };
    });
    return { terms: problem.terms, largest: problem.largest, inLength: inputLength(problem), outLength, rows };
  },
};
