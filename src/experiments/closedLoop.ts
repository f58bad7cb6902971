/**
 * Continuing a series past the model's input window, two ways. Pure: the model is only a Predict.
 *
 * - Open loop (teacher forcing): every prediction reads the TRUE past. Block b (steps b·k …
 *   b·k + k − 1, where k values come out of one call) reads the last `length` values of
 *   window ++ truth[0 … b·k). Its error stays about as small as the one-step error, whatever the
 *   horizon: the model is corrected by the truth at every block.
 * - Closed loop: every prediction reads the model's OWN earlier outputs. Block b reads the last
 *   `length` values of window ++ closed[0 … b·k). This is how the model would forecast the
 *   future for real; its errors feed back and grow with the horizon.
 * - Naive (persistence): the last window value repeated, the baseline every forecast must beat.
 *
 * A model that outputs k values at once (the damped sine's Dense(5)) appends all k and predicts
 * again; a one-step model appends one value per call. Windows are of one feature: each call's
 * input has the shape [rows, length, 1] and its output [rows, k].
 */
import type { Predict } from './types';

export interface LoopInput {
  predict: Predict;
  /** Values one call of the model returns per row: the forecast length it was trained on. */
  steps: number;
  /** One input window per series, oldest value first, all of the same length. */
  windows: readonly (readonly number[])[];
  /** How many values to forecast after each window. */
  horizon: number;
}

export interface OpenLoopInput extends LoopInput {
  /** The true values after each window (at least `horizon` of them). */
  truths: readonly (readonly number[])[];
}

function check({ steps, windows, horizon }: LoopInput): number {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`closed loop: steps ${steps} must be a whole number ≥ 1`);
  if (!Number.isInteger(horizon) || horizon < 0) throw new RangeError(`closed loop: horizon ${horizon} must be a whole number ≥ 0`);
  const length = windows[0]?.length ?? 0;
  if (windows.some((w) => w.length !== length)) throw new RangeError('closed loop: every window must have the same length');
  if (windows.length > 0 && length < 1) throw new RangeError('closed loop: a window needs at least one value');
  return length;
}

/** Calls the model on rows of `length` values each; returns its outputs, `steps` per row. */
async function callModel(predict: Predict, rows: readonly (readonly number[])[], length: number, steps: number): Promise<Float32Array> {
  const x = new Float32Array(rows.length * length);
  rows.forEach((row, r) => x.set(row, r * length));
  const output = await predict(x, [rows.length, length, 1]);
  if (output.length !== rows.length * steps) {
    throw new RangeError(`closed loop: the model returned ${output.length} values for ${rows.length} rows of ${steps}`);
  }
  return output;
}

/** The last `length` values of `window` followed by `after`. */
function lastValues(window: readonly number[], after: readonly number[], length: number): number[] {
  const joined = after.length === 0 ? window : [...window, ...after];
  return joined.slice(joined.length - length);
}

/**
 * Closed loop: `horizon` values after each window, the model reading its own outputs. ceil(horizon /
 * steps) calls, fewer when `known` gives each window's first forecasts already made (e.g. the
 * open loop's first block, which reads the same window).
 */
export async function closedLoop(input: LoopInput & { known?: readonly (readonly number[])[] }): Promise<number[][]> {
  const length = check(input);
  const { predict, steps, windows, horizon, known } = input;
  const forecasts: number[][] = windows.map((_, r) => (known?.[r] ?? []).slice(0, horizon));
  if (windows.length === 0) return forecasts;
  const start = forecasts[0]?.length ?? 0;
  if (forecasts.some((f) => f.length !== start)) throw new RangeError('closed loop: every series needs as many known forecasts');
  for (let done = start; done < horizon; done += steps) {
    const rows = windows.map((window, r) => lastValues(window, forecasts[r] ?? [], length));
    const output = await callModel(predict, rows, length, steps);
    const take = Math.min(steps, horizon - done);
    forecasts.forEach((forecast, r) => {
      for (let j = 0; j < take; j++) forecast.push(output[r * steps + j] ?? Number.NaN);
    });
  }
  return forecasts;
}

/** Open loop: `horizon` values after each window, every block reading the true past. One call. */
export async function openLoop(input: OpenLoopInput): Promise<number[][]> {
  const length = check(input);
  const { predict, steps, windows, horizon, truths } = input;
  if (truths.length !== windows.length) throw new RangeError(`open loop: ${truths.length} truths for ${windows.length} windows`);
  if (truths.some((t) => t.length < horizon)) throw new RangeError(`open loop: every truth needs at least ${horizon} values`);
  const blocks = Math.ceil(horizon / steps);
  if (windows.length === 0 || blocks === 0) return windows.map(() => []);
  const rows: number[][] = [];
  windows.forEach((window, r) => {
    for (let b = 0; b < blocks; b++) rows.push(lastValues(window, (truths[r] ?? []).slice(0, b * steps), length));
  });
  const output = await callModel(predict, rows, length, steps);
  return windows.map((_, r) => Array.from(output.subarray(r * blocks * steps, r * blocks * steps + horizon)));
}

/**
 * How many series a comparison of both loops can afford when the model may read at most `budget`
 * timesteps in all: each series costs `length` steps per block, for the open and the closed loop.
 * At least 1, at most `max`.
 */
export function affordableSeries(budget: number, length: number, horizon: number, steps: number, max: number): number {
  const perSeries = Math.max(1, length * 2 * Math.ceil(horizon / Math.max(1, steps)));
  return Math.max(1, Math.min(max, Math.floor(budget / perSeries)));
}

/** The naive forecast: each window's last value, `horizon` times. */
export function persistence(windows: readonly (readonly number[])[], horizon: number): number[][] {
  return windows.map((window) => new Array<number>(horizon).fill(window[window.length - 1] ?? Number.NaN));
}

/** How errors are averaged over series: mean absolute error, or root mean squared error. */
export type ErrorKind = 'mae' | 'rmse';

/**
 * The error at each step h = 1 … horizon (index h − 1), over every series that has both a true
 * and a forecast value at that step.
 */
export function errorByHorizon(truths: readonly (readonly number[])[], forecasts: readonly (readonly number[])[], horizon: number, kind: ErrorKind): number[] {
  const errors: number[] = [];
  for (let h = 0; h < horizon; h++) {
    let sum = 0;
    let count = 0;
    truths.forEach((truth, r) => {
      const actual = truth[h];
      const forecast = forecasts[r]?.[h];
      if (actual === undefined || forecast === undefined) return;
      const diff = forecast - actual;
      sum += kind === 'mae' ? Math.abs(diff) : diff * diff;
      count++;
    });
    errors.push(count === 0 ? Number.NaN : kind === 'mae' ? sum / count : Math.sqrt(sum / count));
  }
  return errors;
}

/** The error over every step 1 … horizon of every series at once. */
export function overallError(truths: readonly (readonly number[])[], forecasts: readonly (readonly number[])[], horizon: number, kind: ErrorKind): number {
  let sum = 0;
  let count = 0;
  truths.forEach((truth, r) => {
    for (let h = 0; h < Math.min(horizon, truth.length); h++) {
      const actual = truth[h];
      const forecast = forecasts[r]?.[h];
      if (actual === undefined || forecast === undefined) continue;
      const diff = forecast - actual;
      sum += kind === 'mae' ? Math.abs(diff) : diff * diff;
      count++;
    }
  });
  if (count === 0) return Number.NaN;
  return kind === 'mae' ? sum / count : Math.sqrt(sum / count);
}

/** The three forecasts of every series and their error at each step, for a live view. */
export interface Continuations {
  open: number[][];
  closed: number[][];
  naive: number[][];
  /** Error at steps 1 … horizon over all series (index h − 1). */
  errors: HorizonErrors;
}

export interface HorizonErrors {
  kind: ErrorKind;
  open: number[];
  closed: number[];
  naive: number[];
  /** Over how many series each step's error is averaged. */
  series: number;
}

/**
 * Open loop, closed loop and the naive forecast for every window, scored against its truth. The
 * closed loop's first block reads the window itself, like the open loop's: it is computed once.
 */
export async function continuations(input: OpenLoopInput & { kind: ErrorKind }): Promise<Continuations> {
  const open = await openLoop(input);
  const closed = await closedLoop({ ...input, known: open.map((row) => row.slice(0, input.steps)) });
  const naive = persistence(input.windows, input.horizon);
  const score = (forecasts: number[][]) => errorByHorizon(input.truths, forecasts, input.horizon, input.kind);
  return {
    open,
    closed,
    naive,
    errors: { kind: input.kind, open: score(open), closed: score(closed), naive: score(naive), series: input.windows.length },
  };
}

/** Rows of a flat row-major array of `width` columns, from column `from` on, `take` columns each. */
export function rowSlices(values: ArrayLike<number>, width: number, rows: number, from: number, take: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: number[] = [];
    for (let c = from; c < Math.min(width, from + take); c++) row.push(values[r * width + c] ?? Number.NaN);
    out.push(row);
  }
  return out;
}

/** One series' continuation as a live view draws it: the end of its input, then the truth and the forecasts. */
export interface ContinuationView {
  /** Step index of input[0] (the series' first input step is 0). */
  inputStart: number;
  /** The last input values the view shows. */
  input: number[];
  /** The true values after the input, steps length … length + horizon − 1. */
  truth: number[];
  open: number[];
  closed: number[];
  /** The noiseless continuation, when the truth is noisy. */
  clean?: number[];
}

/** The view of series `r`: its last `tail` input values and its continuations. */
export function continuationView(windows: readonly (readonly number[])[], truths: readonly (readonly number[])[], result: Continuations, tail: number, r = 0): ContinuationView {
  const window = windows[r] ?? [];
  const inputStart = Math.max(0, window.length - tail);
  return {
    inputStart,
    input: window.slice(inputStart),
    truth: (truths[r] ?? []).slice(0, result.open[r]?.length ?? 0),
    open: result.open[r] ?? [],
    closed: result.closed[r] ?? [],
  };
}

/** Mean of |a − b| over two equally long arrays. */
export function meanAbsoluteError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return a.length ? sum / a.length : 0;
}
