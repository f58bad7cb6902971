import type { DiagnosisLabel } from '../engine/diagnosis';
import type { ModelSpec, OptimizerSpec } from '../engine/modelSpec';
import type { Rng, Streams } from '../engine/random';
import type { AnyParamValues, ParamDefs, ParamValues } from './params';

/** One batch of training data, row-major, with its shapes (batch dimension first). */
export interface Batch {
  x: Float32Array;
  xShape: number[];
  y: Float32Array;
  yShape: number[];
  /**
   * How many samples the batch counts as, for progress, snapshots and the data
   * preview, when that is not its number of rows (e.g. one rectangle = 3 corner
   * pairs, so a batch of its 3 rows counts as 1). Defaults to xShape[0].
   */
  samples?: number;
  /** Stateful models: reset the layers' carried state after training on this batch (end of a sequence). */
  resetStatesAfter?: boolean;
  /** The batch ends an epoch over a fixed data set: the validation data is scored after it. */
  epochEnd?: boolean;
}

/** Runs the current model on a batch of inputs; resolves to the flat outputs. */
export type Predict = (x: Float32Array, xShape: number[]) => Promise<Float32Array>;

/**
 * Zeroes the carried state of a stateful model's layers (no effect on a stateless one). A stateful
 * model's predictions carry state from call to call, like its training batches do.
 */
export type ResetStates = () => void;

export type MetricFormat = 'percent' | 'decimal';

export interface MetricInfo {
  key: string;
  label: string;
  format: MetricFormat;
  /** Text shown under the value, e.g. "on 100 fresh sequences". */
  note?: string;
  /** Whether the metric exists for these settings (e.g. a second output); always when absent. */
  relevant?(values: AnyParamValues): boolean;
}

export interface Evaluation {
  metrics: Record<string, number>;
}

export interface TrainingPlan {
  optimizer: OptimizerSpec;
  batchSize: number;
  /** Total training examples, for progress and ETA, counted as batches count them (Batch.samples). */
  totalSamples: number;
  /**
   * A fresh validation set for experiments that generate their data: `rows` examples drawn with
   * sampleBatch from the validation stream, scored `checks` times evenly over the run (as val_*).
   */
  freshValidation?: { rows: number; checks: number };
  /** Stop when the validation loss has not reached a new low for `patience` checks (epochs). */
  earlyStopping?: { patience: number };
}

/** What a preset of a learning-curve lesson is meant to show (see engine/diagnosis). */
export interface CurveLesson {
  /** The preset's name, e.g. "Overfit". */
  name: string;
  /** The shape its curves should have; null when the preset is about something else (the spread over seeds). */
  expected: DiagnosisLabel | null;
  /** The settings changed from the preset's own (their labels): the expected shape may no longer hold. */
  changed: readonly string[];
  /** Runs over seeds the preset asks for (Repeat over seeds), if any. */
  repeats?: number;
}

/** Text shown beside the experiment: the problem, what to try, what to watch. */
export interface Explainer {
  problem: string;
  tryThis: string;
  watch: string;
}

export type ExperimentGroup = 'Model types' | 'Tutorials' | 'Diagnose & tune';

/** Shapes and a few rows of what the network receives, for the data preview. */
export interface DataPreview {
  xShape: number[];
  yShape: number[];
  /** A small sample batch drawn from its own stream. */
  sample: Batch;
}

/**
 * An experiment: pure TypeScript (no TF.js, no React), so it runs in the
 * worker, in Node (CLI, tests) and on the main thread (summary, data preview).
 */
export interface Experiment<D extends ParamDefs = ParamDefs, P = unknown> {
  id: string;
  title: string;
  subtitle: string;
  group: ExperimentGroup;
  explainer: Explainer;
  params: D;
  /** Fixes combinations of valid values that do not fit together; returns notes for the user. */
  constrain?(values: ParamValues<D>): { values: ParamValues<D>; notes: string[] };
  model(values: ParamValues<D>): ModelSpec;
  plan(values: ParamValues<D>): TrainingPlan;
  /** The training batches, in order; drawn from the data and shuffle streams. */
  batches(values: ParamValues<D>, streams: Streams): Iterable<Batch>;
  /**
   * Experiments that train on a fixed data set: the number of passes over it. sampleBatch then
   * returns the whole set (for the data preview's shapes).
   */
  epochs?(values: ParamValues<D>): number;
  /** A few fresh examples for the data preview. */
  sampleBatch(values: ParamValues<D>, rng: Rng, rows: number): Batch;
  evaluationMetrics: readonly MetricInfo[];
  /**
   * A text knob filled from a file of the site (public/), e.g. a bundled data series: the page
   * fetches it, the CLI reads it. `file` returns null when the user supplies the text.
   */
  externalText?: { param: string; file(values: ParamValues<D>): string | null };
  /**
   * A variant of a probe example that differs only in what the network must remember (echo: another
   * value at the echoed position), so the page can show which units hold it. Null when there is none.
   */
  contrast?(values: ParamValues<D>, x: Float32Array): { x: Float32Array; label: string } | null;
  /** A choice knob worth comparing option by option (e.g. the architecture): the page offers to train each. */
  compare?: { param: string; label: string };
  /** A lesson in reading learning curves: the shape these settings are meant to show, for the diagnosis panel. */
  curveLesson?(values: ParamValues<D>): CurveLesson | null;
  /** What counts as a successful run, for the success rate of repeats (e.g. "all 8 steps right"). */
  success?: { label: string; test(metrics: Readonly<Record<string, number>>): boolean };
  /**
   * Held-out data scored after every batch marked epochEnd (Keras' validation_split): its loss and
   * metrics are reported as val_loss, val_acc…
   */
  validation?(values: ParamValues<D>): Batch | undefined;
  /**
   * Held-out sequences for a stateful model, drawn fresh from the run's validation stream `rng`:
   * scored in order after every epoch, weighted by their rows, with the state zeroed before, after
   * each batch marked resetStatesAfter, and after. Empty: none.
   */
  validationSequences?(values: ParamValues<D>, rng: Rng): readonly Batch[];
  /** A stateful model starts with zero state; `resetStates` zeroes it again (e.g. between sequences). */
  evaluate(values: ParamValues<D>, predict: Predict, rng: Rng, resetStates?: ResetStates): Promise<Evaluation>;
  /**
   * A fresh example with the model's answer, for the live view. A stateful model is previewed only
   * between sequences (after a batch marked resetStatesAfter), starting from zero state.
   */
  preview(values: ParamValues<D>, predict: Predict, rng: Rng, resetStates?: ResetStates): Promise<P>;
  /** Samples seen after which a preview is kept as a snapshot (e.g. 100, 500, 1,000), in increasing order. */
  snapshotsAt?(values: ParamValues<D>): readonly number[];
  /** Predictions on typed input (the model panel). */
  predictor?: Predictor<ParamValues<D>>;
}

/** An input for the model, encoded as a batch of rows. */
export interface PredictorInput {
  x: Float32Array;
  xShape: number[];
}

/** The model's answer to a typed input, decoded for people. */
export interface PredictionAnswer {
  /** One sentence, e.g. "Echoed value: 7 (92.3%)". */
  summary: string;
  /** Details as label/value rows (e.g. each step, each probability). */
  rows?: readonly { label: string; value: string }[];
  /** Points in the unit square to draw as a closed shape (a generated rectangle). */
  polygon?: readonly { x: number; y: number }[];
  /** A picture of the input (e.g. a video's last frame), row-major, with its text alternative. */
  image?: { values: Float32Array; rows: number; columns: number; label: string };
}

/**
 * Predictions on input the user types: parse checks and encodes the text (pure, on the page, so bad
 * input never reaches the model); answer runs the model (once, or feeding its output back) and decodes.
 */
export interface Predictor<V> {
  /** The input field's label. */
  label: string;
  /** What to type, in one line. */
  help(values: V): string;
  /** An input to start from. */
  example(values: V): string;
  /** The encoded input, or what is wrong with the text. Never throws. */
  parse(text: string, values: V): PredictorInput | { error: string };
  answer(input: PredictorInput, values: V, predict: Predict, resetStates: ResetStates): Promise<PredictionAnswer>;
}

/** An experiment with its types erased, as registries hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds experiments of different schemas; each is checked where it is defined.
export type AnyExperiment = Experiment<any, any>;

export type { AnyParamValues };
