import type { LayerSpec, ModelSpec } from '../../engine/modelSpec';
import type { ChoiceParam, IntParam, NumberParam, ParamValues, TextParam } from '../params';
import { optimizerOf, optimizerParams } from '../trainingParams';
import { horizonParam } from '../horizonParam';
import type { Batch, Experiment, Predict } from '../types';
import { continueSteps, meanAbsoluteError, type StepContinuation } from './continuation';
import {
  featuresOf,
  formatInput,
  outputsOf,
  parseData,
  parseInput,
  PROBLEMS,
  timestepsOf,
  validationSplit,
  type Architecture,
  type ProblemId,
  type RegressionProblem,
} from './problems';
import { regressionPredictor } from './predictor';

const ARCHITECTURE_LABELS: Record<Architecture, string> = {
  simple: 'Simple: one LSTM',
  stacked: 'Stacked LSTMs',
  bidirectional: 'Bidirectional LSTM',
};

const params = {
  problem: {
    kind: 'choice',
    label: 'Problem',
    help: 'Which tiny data set to learn; each has a test input outside the training range.',
    section: 'problem',
    default: 'a' as ProblemId,
    options: Object.values(PROBLEMS).map((p) => ({ value: p.id, label: p.label })),
  } satisfies ChoiceParam<ProblemId>,
  test: {
    kind: 'text',
    label: 'Test input',
    help: 'Timesteps separated by ";", features by ",". Empty: the problem’s own test input.',
    section: 'problem',
    default: '',
    maxLength: 200,
    placeholder: 'the problem’s test input',
    check: (text) => (text === '' || parseInput(text) ? null : 'write numbers, features separated by "," and timesteps by ";"'),
  } satisfies TextParam,
  data: {
    kind: 'text',
    label: 'Data set',
    help: 'The samples, edited in the Data set panel. Empty: the tutorial’s data for the problem.',
    section: 'problem',
    default: '',
    maxLength: 20_000,
    hidden: true,
    check: (text) => (text === '' || /^[\d\s.,;>eE+-]*$/.test(text) ? null : 'only numbers, ",", ">" and ";"'),
  } satisfies TextParam,
  horizon: { ...horizonParam(10, 100), relevant: (values: Readonly<Record<string, number | string | boolean>>) => values.problem === 'e' } satisfies IntParam,
  arch: {
    kind: 'choice',
    label: 'Architecture',
    help: 'The layer stacks the tutorial compares: one LSTM, several stacked, or one read in both directions.',
    section: 'model',
    default: 'simple' as Architecture,
    options: (Object.keys(ARCHITECTURE_LABELS) as Architecture[]).map((value) => ({ value, label: ARCHITECTURE_LABELS[value] })),
  } satisfies ChoiceParam<Architecture>,
  epochs: {
    kind: 'int',
    label: 'Epochs',
    help: 'Passes over the training set. 0 uses the tutorial’s count for the problem (2,000 for a, 1,000 for the others).',
    section: 'training',
    default: 0,
    min: 0,
    max: 20_000,
  } satisfies IntParam,
  bs: {
    kind: 'int',
    label: 'Batch size',
    help: 'Samples per weight update. 0 uses the tutorial’s (5, or 3 for b).',
    section: 'training',
    default: 0,
    min: 0,
    max: 100,
  } satisfies IntParam,
  val: {
    kind: 'number',
    label: 'Validation split',
    help: 'The share of samples, from the end, held out to score the model after every epoch (Keras’ validation_split).',
    section: 'training',
    default: 0.2,
    min: 0,
    max: 0.5,
    step: 0.05,
  } satisfies NumberParam,
  ...optimizerParams(),
};

export type RegressionValues = ParamValues<typeof params>;

export interface RegressionRow {
  x: number[][];
  y: number[];
  predicted: number[];
  validation: boolean;
}

export interface RegressionPreview {
  problem: ProblemId;
  rows: RegressionRow[];
  testInput: number[][];
  /** The test input's answer under the problem's rule. */
  expected: number[];
  predicted: number[];
  /** Problem e: both series continued past the test input, open and closed loop. */
  continuation: StepContinuation | null;
}

/** The problem, with the user's edited samples when there are any that fit it. */
function problemOf(values: RegressionValues): RegressionProblem {
  const problem = PROBLEMS[values.problem];
  if (!values.data) return problem;
  const data = parseData(values.data, problem);
  return typeof data === 'string' ? problem : { ...problem, ...data };
}
const epochsOf = (values: RegressionValues) => values.epochs || problemOf(values).epochs;
const batchSizeOf = (values: RegressionValues) => values.bs || problemOf(values).batchSize;

/** The rule behind each problem, to score a custom test input. */
function answerOf(problem: RegressionProblem, input: number[][]): number[] {
  const last = input[input.length - 1] ?? [];
  switch (problem.id) {
    case 'a':
      return [15 * (last[0] ?? 0)];
    case 'b':
      return [(last[0] ?? 0) * (last[1] ?? 0)];
    case 'c':
      return [input.reduce((sum, step) => sum + (step[0] ?? 0), 0)];
    case 'd':
      return [(last[0] ?? 0) + (last[1] ?? 0)];
    case 'e':
      return [(last[0] ?? 0) + 3, (last[1] ?? 0) + 5];
  }
}

function testInputOf(values: RegressionValues): number[][] {
  return (values.test && parseInput(values.test)) || problemOf(values).testInput;
}

function encode(problem: RegressionProblem, rows: readonly number[], extra?: number[][]): Batch {
  const steps = timestepsOf(problem);
  const features = featuresOf(problem);
  const outputs = outputsOf(problem);
  const inputs = rows.map((r) => problem.x[r] ?? []);
  if (extra) inputs.push(extra);
  const x = Float32Array.from(inputs.flatMap((sample) => sample.flat()));
  const y = Float32Array.from(rows.flatMap((r) => problem.y[r] ?? []));
  return { x, xShape: [inputs.length, steps, features], y, yShape: [rows.length, outputs] };
}

async function predictAll(values: RegressionValues, predict: Predict): Promise<RegressionPreview> {
  const problem = problemOf(values);
  const outputs = outputsOf(problem);
  const all = problem.x.map((_, i) => i);
  const testInput = testInputOf(values);
  const batch = encode(problem, all, testInput);
  const out = await predict(batch.x, batch.xShape);
  const { train } = validationSplit(problem.x.length, values.val);
  const row = (i: number) => Array.from(out.subarray(i * outputs, (i + 1) * outputs));
  return {
    problem: problem.id,
    rows: all.map((i) => ({ x: problem.x[i] ?? [], y: problem.y[i] ?? [], predicted: row(i), validation: i >= train })),
    testInput,
    expected: answerOf(problem, testInput),
    predicted: row(all.length),
    continuation: problem.id === 'e' ? await continueSteps(predict, testInput, truthAfter(problem, testInput, values.horizon)) : null,
  };
}

/** The true steps after an input under the problem's rule (problem e: each series goes on by its step). */
function truthAfter(problem: RegressionProblem, input: number[][], horizon: number): number[][] {
  const steps: number[][] = [];
  let last = input;
  for (let h = 0; h < horizon; h++) {
    const next = answerOf(problem, last);
    steps.push(next);
    last = [...last.slice(1), next];
  }
  return steps;
}

export const regressionExperiment: Experiment<typeof params, RegressionPreview> = {
  id: 'regression',
  title: 'Small regression problems',
  subtitle: 'Simple vs stacked vs bidirectional LSTM',
  group: 'Tutorials',
  explainer: {
    problem:
      'Five tiny data sets of 15–25 samples with a simple rule — y = 15·x, a product, a sum over 3 steps — and a test input ' +
      'beyond anything in training. LSTMs with relu activations learn the rule by regression (mean squared error) on raw, ' +
      'unscaled numbers; the last 20% of the samples are held out for validation.',
    tryThis:
      'Press "Compare architectures" to train the simple, stacked and bidirectional models on the same problem and seed, and ' +
      'compare their test predictions. Type your own test input. Repeat a run over seeds: how much does the answer move?',
    watch:
      'The test input lies outside the training range, so the answer is an extrapolation: close, rarely exact, and different ' +
      'from seed to seed. The validation loss (dashed) is scored on the largest inputs — it stays above the training loss.',
  },
  params,
  predictor: regressionPredictor(problemOf, answerOf),
  constrain(raw) {
    let values = raw;
    const notes: string[] = [];
    if (values.data) {
      const data = parseData(values.data, PROBLEMS[values.problem]);
      if (typeof data === 'string') {
        notes.push(`${data} Using the tutorial’s data for problem ${values.problem}.`);
        values = { ...values, data: '' };
      }
    }
    if (!values.test) return { values, notes };
    const problem = problemOf(values);
    const input = parseInput(values.test);
    const fits = input !== null && input.length === timestepsOf(problem) && input.every((step) => step.length === featuresOf(problem));
    if (fits) return { values, notes };
    return {
      values: { ...values, test: '' },
      notes: [
        ...notes,
        `Problem ${problem.id} takes ${timestepsOf(problem)} timestep(s) of ${featuresOf(problem)} feature(s) (like "${formatInput(problem.testInput)}"); ` +
          `using its own test input.`,
      ],
    };
  },
  model(values): ModelSpec {
    const problem = problemOf(values);
    const layers: LayerSpec[] = [...problem.layers[values.arch], { type: 'dense', units: outputsOf(problem), activation: 'linear' }];
    return { inputShape: [timestepsOf(problem), featuresOf(problem)], layers, loss: 'meanSquaredError', metrics: [] };
  },
  plan(values) {
    const { train } = validationSplit(problemOf(values).x.length, values.val);
    return {
      optimizer: optimizerOf(values),
      batchSize: batchSizeOf(values),
      totalSamples: epochsOf(values) * train,
    };
  },
  epochs: epochsOf,
  *batches(values, streams) {
    const problem = problemOf(values);
    const { train } = validationSplit(problem.x.length, values.val);
    const bs = batchSizeOf(values);
    const indices = Array.from({ length: train }, (_, i) => i);
    for (let e = 0; e < epochsOf(values); e++) {
      // Keras shuffles the training samples every epoch (fit's shuffle=True).
      const order = streams.shuffle.shuffle(indices.slice());
      for (let from = 0; from < train; from += bs) {
        yield { ...encode(problem, order.slice(from, from + bs)), epochEnd: from + bs >= train };
      }
    }
  },
  validation(values) {
    const problem = problemOf(values);
    const { train, validation } = validationSplit(problem.x.length, values.val);
    return validation > 0 ? encode(problem, Array.from({ length: validation }, (_, i) => train + i)) : undefined;
  },
  sampleBatch(values) {
    const problem = problemOf(values);
    return encode(problem, problem.x.map((_, i) => i));
  },
  compare: { param: 'arch', label: 'Compare architectures' },
  evaluationMetrics: [
    { key: 'prediction', label: 'Prediction for the test input', format: 'decimal' },
    { key: 'prediction2', label: 'Second output', format: 'decimal', relevant: (values) => values.problem === 'e' },
    { key: 'error', label: 'Error', format: 'decimal', note: 'mean |prediction − expected| over the outputs' },
    { key: 'openError', label: 'Open-loop error', format: 'decimal', note: 'over the horizon, each step read from the true past', relevant: (values) => values.problem === 'e' },
    { key: 'closedError', label: 'Closed-loop error', format: 'decimal', note: 'over the horizon, the model’s own steps fed back', relevant: (values) => values.problem === 'e' },
  ],
  async evaluate(values, predict) {
    const result = await predictAll(values, predict);
    const errors = result.expected.map((v, i) => Math.abs((result.predicted[i] ?? Number.NaN) - v));
    const metrics: Record<string, number> = {
      prediction: result.predicted[0] ?? Number.NaN,
      error: errors.reduce((a, b) => a + b, 0) / errors.length,
    };
    if (result.predicted.length > 1) metrics.prediction2 = result.predicted[1] ?? Number.NaN;
    if (result.continuation) {
      metrics.openError = meanAbsoluteError(result.continuation.truth, result.continuation.open);
      metrics.closedError = meanAbsoluteError(result.continuation.truth, result.continuation.closed);
    }
    return { metrics };
  },
  preview: (values, predict) => predictAll(values, predict),
};
