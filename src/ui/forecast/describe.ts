/** Chart rows and text alternatives for the closed-loop views. Pure. */
import type { ContinuationView, HorizonErrors } from '../../experiments/closedLoop';
import type { ChartPoint } from '../../state/series';

export interface ContinuationLines {
  input: ChartPoint[];
  truth: ChartPoint[];
  open: ChartPoint[];
  closed: ChartPoint[];
  /** The noiseless signal, when the view has one. */
  clean?: ChartPoint[];
}

/**
 * The points of each line: the input tail, then the truth and both forecasts at their steps.
 * The truth and the forecasts start at the last input value, so they read as the series going on.
 */
export function continuationLines(view: ContinuationView): ContinuationLines {
  const input = view.input.map((y, i) => ({ x: view.inputStart + i, y }));
  const start = view.inputStart + view.input.length;
  const joined = (values: readonly number[]) => {
    const points = values.map((y, h) => ({ x: start + h, y }));
    const last = input.at(-1);
    return last ? [{ ...last }, ...points] : points;
  };
  const lines: ContinuationLines = { input, truth: joined(view.truth), open: joined(view.open), closed: joined(view.closed) };
  if (view.clean) lines.clean = view.clean.map((y, h) => ({ x: start + h, y }));
  return lines;
}

/** The steps a horizon table shows: 1, the quarters and the horizon itself, without repeats. */
export function horizonSteps(horizon: number): number[] {
  if (horizon < 1) return [];
  const steps = [1, Math.round(horizon / 4), Math.round(horizon / 2), Math.round((3 * horizon) / 4), horizon];
  return [...new Set(steps.filter((h) => h >= 1 && h <= horizon))].sort((a, b) => a - b);
}

const listed = (values: readonly number[], format: (v: number) => string, max = 12) => {
  const shown = values.slice(0, max).map(format).join(', ');
  return values.length > max ? `${shown}, … (${values.length} in all)` : shown;
};

/** The continuation in words: where it starts and the first values of the truth and both forecasts. */
export function describeContinuation(view: ContinuationView, format: (v: number) => string, stepName: (t: number) => string = String): string {
  const start = view.inputStart + view.input.length;
  const end = start + view.truth.length - 1;
  return (
    `Continuation after the input, ${stepName(start)} to ${stepName(end)}. True: ${listed(view.truth, format)}. ` +
    `Open loop (reading the true past): ${listed(view.open, format)}. Closed loop (reading its own forecasts): ${listed(view.closed, format)}.`
  );
}

/** The error by horizon in words, at the steps of the table. */
export function describeErrors(errors: HorizonErrors, format: (v: number) => string): string {
  const steps = horizonSteps(errors.open.length);
  const at = (values: readonly number[]) => steps.map((h) => `${format(values[h - 1] ?? Number.NaN)} at step ${h}`).join(', ');
  const name = errors.kind === 'mae' ? 'Mean absolute error' : 'Root mean squared error';
  const over = errors.series === 1 ? 'on one series' : `over ${errors.series} series`;
  return `${name} by steps after the input, ${over}. Open loop: ${at(errors.open)}. Closed loop: ${at(errors.closed)}. Repeating the last value: ${at(errors.naive)}.`;
}
