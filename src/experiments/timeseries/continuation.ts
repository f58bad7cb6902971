/**
 * Forecasting the test period several steps ahead. From an origin o (the first value to forecast),
 * the model reads the `lookBack` scaled values before o and forecasts `horizon` values: open loop
 * (each one reading the true past, i.e. the one-step forecasts) and closed loop (reading its own
 * forecasts). Origins run over the test period, each with a whole horizon inside it, so the error
 * at h steps ahead is averaged over many starts; the first origin is the first test point, the
 * one the view draws. Errors are RMSE in the series' units.
 */
import { continuations, errorByHorizon, overallError, type ContinuationView, type HorizonErrors } from '../closedLoop';
import type { Predict } from '../types';
import type { Framed } from './framing';

export interface TestContinuation {
  /** From the first test point: the end of the train period, the truth and both forecasts, in the series' units. */
  view: ContinuationView;
  /** RMSE at each step ahead over the origins. */
  errors: HorizonErrors;
  /** RMSE over every step of every origin. */
  overall: { open: number; closed: number; naive: number };
}

/** The steps ahead that fit in the test period. */
export function effectiveHorizon(split: Framed['split'], horizon: number): number {
  return Math.max(0, Math.min(horizon, split.testSize));
}

/**
 * Origins o = trainSize … length − horizon (every start with a whole horizon in the test period),
 * thinned evenly to at most `max`; the first is always trainSize.
 */
export function testOrigins(split: Framed['split'], horizon: number, max: number): number[] {
  const first = split.trainSize;
  const last = split.trainSize + split.testSize - horizon;
  if (horizon < 1 || last < first) return [];
  const count = last - first + 1;
  const stride = Math.max(1, Math.ceil(count / Math.max(1, max)));
  const origins: number[] = [];
  for (let o = first; o <= last; o += stride) origins.push(o);
  return origins;
}

export async function testContinuation(framed: Framed, original: readonly number[], options: { lookBack: number; horizon: number; maxOrigins: number; context: number; predict: Predict }): Promise<TestContinuation> {
  const { lookBack, predict } = options;
  const horizon = effectiveHorizon(framed.split, options.horizon);
  const origins = testOrigins(framed.split, horizon, options.maxOrigins);
  const windows = origins.map((o) => framed.scaled.slice(o - lookBack, o));
  const scaledTruths = origins.map((o) => framed.scaled.slice(o, o + horizon));
  const loops = await continuations({ predict, steps: 1, windows, truths: scaledTruths, horizon, kind: 'rmse' });
  // Scored in the series' units: the scaling is affine, so inverse-scaled forecasts against the original values.
  const truths = origins.map((o) => original.slice(o, o + horizon));
  const inverse = (rows: number[][]) => rows.map((row) => framed.scaler.inverse(row));
  const open = inverse(loops.open);
  const closed = inverse(loops.closed);
  const naive = inverse(loops.naive);
  const start = framed.split.trainSize;
  const inputStart = Math.max(0, start - Math.max(options.context, lookBack));
  const score = (rows: number[][]) => overallError(truths, rows, horizon, 'rmse');
  const at = (rows: number[][]) => errorByHorizon(truths, rows, horizon, 'rmse');
  return {
    view: {
      inputStart,
      input: original.slice(inputStart, start),
      truth: original.slice(start, start + horizon),
      open: open[0] ?? [],
      closed: closed[0] ?? [],
    },
    errors: { kind: 'rmse', open: at(open), closed: at(closed), naive: at(naive), series: origins.length },
    overall: { open: score(open), closed: score(closed), naive: score(naive) },
  };
}
