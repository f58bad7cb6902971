/**
 * Turning a univariate series into supervised pairs for a one-step forecast, and the numbers to
 * judge the forecast by. Pure: no TF.js, no DOM.
 *
 * How the pairs are framed and split (the choice, and how it differs from the reference):
 * - The series is split in time order: the first `trainSize = floor(n · trainFraction)` points
 *   are the train period, the rest the test period (the reference: int(len(dataset) * 0.67)).
 * - The scaler is fitted on the train period only, then applied to the whole series, so nothing
 *   about the test period (its range, its mean) reaches the model. Test values may therefore
 *   fall outside [0, 1] after min-max scaling (the milk series peaks in the test period).
 * - Windows are framed ONCE over the whole series: for every t from lookBack to n − 1 the input
 *   is values[t − lookBack .. t − 1] and the target values[t]; all n − lookBack pairs, none
 *   dropped. Each window keeps `targetIndex` = t, its position in the original series, so a
 *   prediction can be drawn at the date of its target.
 * - A window belongs to the train set when its target is in the train period
 *   (targetIndex < trainSize) and to the test set otherwise. So the first test windows take
 *   their inputs from the last lookBack train values. That is not leakage: those values are
 *   observed before the forecast is made and the model trained on them anyway; the test
 *   targets themselves are never used for fitting or scaling. In return every point of the
 *   test period gets a prediction and the test-period curve starts right where the train
 *   period ends.
 * The reference instead framed the train and test parts separately, each with an off-by-one
 *   that dropped its last pair: its train targets were 1 … trainSize − 2 and its test targets
 *   trainSize + lookBack … n − 2, so it lost the pair across the boundary, the first lookBack
 *   test points and the last point of each part. With the milk data (n = 168, lookBack 1) that
 *   is 110 train and 54 test pairs, against 111 and 56 here.
 */

/** Scaling fitted on the train values, with its inverse. `transform(x) = (x − offset) / scale`. */
export interface Scaler {
  readonly kind: 'min-max' | 'standard';
  readonly offset: number;
  /** Never 0: a constant train series gets scale 1 (it then maps to 0, as scikit-learn does). */
  readonly scale: number;
  transform(values: readonly number[]): number[];
  inverse(values: readonly number[]): number[];
}

export interface MinMaxScaler extends Scaler {
  readonly kind: 'min-max';
  readonly min: number;
  readonly max: number;
}

export interface StandardScaler extends Scaler {
  readonly kind: 'standard';
  readonly mean: number;
  /** The population standard deviation (divides by n, like scikit-learn's StandardScaler). */
  readonly std: number;
}

/** Min-max scaling to [0, 1] fitted on `trainValues` (pass the train period only). */
export function minMaxScaler(trainValues: readonly number[]): MinMaxScaler {
  requireValues(trainValues, 'minMaxScaler');
  let min = Infinity;
  let max = -Infinity;
  for (const value of trainValues) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { kind: 'min-max', min, max, ...affine(min, max - min) };
}

/** Standardisation to mean 0 and standard deviation 1 fitted on `trainValues` (the train period only). */
export function standardScaler(trainValues: readonly number[]): StandardScaler {
  requireValues(trainValues, 'standardScaler');
  const mean = trainValues.reduce((sum, value) => sum + value, 0) / trainValues.length;
  const variance = trainValues.reduce((sum, value) => sum + (value - mean) ** 2, 0) / trainValues.length;
  const std = Math.sqrt(variance);
  return { kind: 'standard', mean, std, ...affine(mean, std) };
}

function affine(offset: number, spread: number): Pick<Scaler, 'offset' | 'scale' | 'transform' | 'inverse'> {
  // A spread below float resolution (at unit scale or the offset's) is a constant series: dividing
  // by it would overflow to infinity (e.g. a spread of 5e-324), so it is left unscaled.
  const resolution = Number.EPSILON * Math.max(1, Math.abs(offset));
  const scale = spread > resolution && Number.isFinite(spread) ? spread : 1;
  return {
    offset,
    scale,
    transform: (values) => values.map((value) => (value - offset) / scale),
    inverse: (values) => values.map((value) => value * scale + offset),
  };
}

function requireValues(values: readonly number[], name: string): void {
  if (values.length === 0) throw new RangeError(`${name}: needs at least one value to fit`);
  if (!values.every(Number.isFinite)) throw new RangeError(`${name}: every value must be a finite number`);
}

export interface Split {
  /** The train period is indices 0 … trainSize − 1. */
  trainSize: number;
  /** The test period is indices trainSize … length − 1. */
  testSize: number;
}

/** The default share of the series used for training, as in the reference. */
export const DEFAULT_TRAIN_FRACTION = 0.67;

/** Splits `length` points in time order: the first floor(length · trainFraction) are the train period. */
export function splitTrainTest(length: number, trainFraction = DEFAULT_TRAIN_FRACTION): Split {
  if (!Number.isInteger(length) || length < 0) throw new RangeError(`splitTrainTest: length ${length} is not a count`);
  if (!(trainFraction >= 0 && trainFraction <= 1)) {
    throw new RangeError(`splitTrainTest: trainFraction ${trainFraction} is not between 0 and 1`);
  }
  const trainSize = Math.floor(length * trainFraction);
  return { trainSize, testSize: length - trainSize };
}

/** One supervised pair: the lookBack values before `targetIndex`, and the value at it. */
export interface Window {
  inputs: number[];
  target: number;
  /** The position of the target in the original series. */
  targetIndex: number;
}

/** All supervised pairs of the series: X[t] = values[t − lookBack .. t − 1], y[t] = values[t], t = lookBack … n − 1. */
export function lagWindows(values: readonly number[], lookBack: number): Window[] {
  if (!Number.isInteger(lookBack) || lookBack < 1) throw new RangeError(`lagWindows: lookBack ${lookBack} must be a whole number ≥ 1`);
  const windows: Window[] = [];
  for (let t = lookBack; t < values.length; t++) {
    const target = values[t];
    if (target === undefined) continue;
    windows.push({ inputs: values.slice(t - lookBack, t), target, targetIndex: t });
  }
  return windows;
}

/** Windows whose target is in the train period (targetIndex < trainSize) and the rest, in order. */
export function splitWindows(windows: readonly Window[], trainSize: number): { train: Window[]; test: Window[] } {
  return {
    train: windows.filter((w) => w.targetIndex < trainSize),
    test: windows.filter((w) => w.targetIndex >= trainSize),
  };
}

/** Root mean squared error of `predicted` against `actual` (same length); NaN when both are empty. */
export function rmse(actual: readonly number[], predicted: readonly number[]): number {
  if (actual.length !== predicted.length) {
    throw new RangeError(`rmse: ${actual.length} actual values but ${predicted.length} predictions`);
  }
  let sum = 0;
  for (const [i, value] of actual.entries()) sum += (value - (predicted[i] ?? Number.NaN)) ** 2;
  return Math.sqrt(sum / actual.length);
}

/** The naive forecast "next = previous" for each target index (each must be ≥ 1): values[t − 1]. */
export function persistenceForecast(values: readonly number[], targetIndices: readonly number[]): number[] {
  return targetIndices.map((t) => {
    const previous = Number.isInteger(t) && t < values.length ? values[t - 1] : undefined;
    if (previous === undefined) throw new RangeError(`persistenceForecast: no value before index ${t}`);
    return previous;
  });
}

/**
 * RMSE of the naive forecast "next = previous" over the given target indices, in the units of
 * `values` (pass the original, unscaled series and the targetIndex of the model's windows, so
 * the baseline is scored on exactly the points the model predicts).
 */
export function persistenceRmse(values: readonly number[], targetIndices: readonly number[]): number {
  const actual = targetIndices.map((t) => values[t] ?? Number.NaN);
  return rmse(actual, persistenceForecast(values, targetIndices));
}

export type Scaling = 'min-max' | 'standard';

export interface FramingOptions {
  lookBack: number;
  trainFraction?: number;
  scaling?: Scaling;
}

export interface Framed {
  split: Split;
  /** Fitted on the train period; `scaler.inverse` turns predictions back into the original units. */
  scaler: Scaler;
  /** The whole series, scaled. */
  scaled: number[];
  /** Windows over the scaled series whose targets are in the train period. */
  train: Window[];
  /** Windows over the scaled series whose targets are in the test period (every test point). */
  test: Window[];
}

export type FramingResult = ({ ok: true } & Framed) | { ok: false; error: string };

/**
 * The whole framing as described at the top of this file: split, scale (fitted on the train
 * period), window, assign. Settings that leave no train pair or no test point give a
 * user-facing error instead of an exception.
 */
export function frameForecast(values: readonly number[], options: FramingOptions): FramingResult {
  const { lookBack, trainFraction = DEFAULT_TRAIN_FRACTION, scaling = 'min-max' } = options;
  if (!Number.isInteger(lookBack) || lookBack < 1) {
    return { ok: false, error: `The look-back must be a whole number of at least 1 (it is ${lookBack}).` };
  }
  if (!(trainFraction > 0 && trainFraction < 1)) {
    return { ok: false, error: `The train share must be between 0 and 1 (it is ${trainFraction}).` };
  }
  if (!values.every(Number.isFinite)) return { ok: false, error: 'Every value of the series must be a finite number.' };
  const split = splitTrainTest(values.length, trainFraction);
  if (split.trainSize < lookBack + 1) {
    return {
      ok: false,
      error: `The train period has ${split.trainSize} value${split.trainSize === 1 ? '' : 's'}, but a look-back of ${lookBack} needs at least ${lookBack + 1} to make one training pair. Lower the look-back, raise the train share or use a longer series.`,
    };
  }
  // trainFraction < 1, so the test period always has at least one point.
  const trainValues = values.slice(0, split.trainSize);
  const scaler = scaling === 'standard' ? standardScaler(trainValues) : minMaxScaler(trainValues);
  const scaled = scaler.transform(values);
  const { train, test } = splitWindows(lagWindows(scaled, lookBack), split.trainSize);
  return { ok: true, split, scaler, scaled, train, test };
}
