/**
 * What the multi-step forecasters (the damped sine, the synthetic signals) share: how many fresh
 * series they are scored on, how much work their live previews may do, and the scores themselves
 * — the next values against the truth and against repeating the last input value, and the open
 * and closed loops over the horizon. Pure.
 */
import { continuations, meanAbsoluteError, overallError } from './closedLoop';
import type { MetricInfo, Predict } from './types';

/** Fresh series the next values are scored on. */
export const EVALUATION_SIZE = 1000;
/** The closed and open loops are scored on the first of the evaluation series only: every block re-reads the input. */
export const EVALUATION_LOOPS = 100;
/**
 * Timesteps the live view's loops may read in all (each block re-reads the whole input): the
 * preview stays a few milliseconds. The error by horizon is averaged over as many fresh series as
 * fit (1 to PREVIEW_SERIES; the first is the one shown).
 */
export const PREVIEW_BUDGET = 1000;
export const PREVIEW_SERIES = 8;

/** The evaluation panel's entries, for series called `noun` ("waves", "signals"). */
export function forecastMetrics(noun: string): MetricInfo[] {
  return [
    { key: 'mae', label: 'Mean absolute error', format: 'decimal', note: `the next values, on ${EVALUATION_SIZE.toLocaleString('en')} fresh ${noun}` },
    { key: 'baseline', label: 'Baseline MAE', format: 'decimal', note: `repeating the last input value, on the same ${noun}` },
    { key: 'openMae', label: 'Open-loop MAE over the horizon', format: 'decimal', note: `each forecast reads the true past; ${EVALUATION_LOOPS} of the ${noun}` },
    { key: 'closedMae', label: 'Closed-loop MAE over the horizon', format: 'decimal', note: `the forecasts fed back as input; the same ${EVALUATION_LOOPS} ${noun}` },
  ];
}

export interface ForecastData {
  /** EVALUATION_SIZE inputs of `length` values, one feature each. */
  x: Float32Array;
  length: number;
  /** The `output` values after each input. */
  targets: Float32Array;
  output: number;
  /** Each input as an array, and the `horizon` true values after it (at least the first EVALUATION_LOOPS). */
  windows: readonly (readonly number[])[];
  truths: readonly (readonly number[])[];
  horizon: number;
}

/** Mean absolute errors of the next values, of repeating the last input, and of the open loop, closed loop and the last value repeated over the horizon. */
export async function scoreForecasts(predict: Predict, data: ForecastData): Promise<Record<'mae' | 'baseline' | 'openMae' | 'closedMae' | 'naiveMae', number>> {
  const { x, length, targets, output, horizon } = data;
  const rows = x.length / length;
  const predicted = await predict(x, [rows, length, 1]);
  const repeated = new Float32Array(targets.length);
  for (let r = 0; r < rows; r++) repeated.fill(x[(r + 1) * length - 1] ?? 0, r * output, (r + 1) * output);
  const some = { windows: data.windows.slice(0, EVALUATION_LOOPS), truths: data.truths.slice(0, EVALUATION_LOOPS) };
  const loops = await continuations({ predict, steps: output, ...some, horizon, kind: 'mae' });
  return {
    mae: meanAbsoluteError(predicted, targets),
    baseline: meanAbsoluteError(repeated, targets),
    openMae: overallError(some.truths, loops.open, horizon, 'mae'),
    closedMae: overallError(some.truths, loops.closed, horizon, 'mae'),
    naiveMae: overallError(some.truths, loops.naive, horizon, 'mae'),
  };
}
