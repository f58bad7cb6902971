/**
 * Curves kept in the run history are thinned to a fixed number of points: a 100,000-step run is
 * stored as small as a 1,000-step one, and its chart looks the same (charts draw 200 points).
 */
import { scoredPoints, type Curves, type PlainCurves } from '../series';

export const MAX_STORED_POINTS = 1000;

/**
 * The indices of at most `maxPoints` of `n` points, evenly spread: the first and the last point
 * are always among them.
 */
export function evenIndices(n: number, maxPoints: number): number[] {
  const count = Math.min(n, Math.floor(maxPoints));
  if (!(count >= 1)) return [];
  if (count === n) return Array.from({ length: n }, (_, i) => i);
  if (count === 1) return [n - 1];
  const indices: number[] = [];
  for (let k = 0; k < count; k++) indices.push(Math.round((k * (n - 1)) / (count - 1)));
  return indices;
}

/**
 * A copy of the series with at most `maxPoints` points per metric, always with the last. Points
 * are picked, not averaged. A column scored now and then (validation, once per epoch; NaN between)
 * keeps its scored points: up to half the budget goes to them, the rest is spread over all steps.
 */
export function compactSeries(series: Curves, maxPoints = MAX_STORED_POINTS): PlainCurves {
  let n = series.samples.length;
  for (const column of series.values) n = Math.min(n, column.length);
  // A million-step run is compacted as it ends, on the page's main thread: a live series knows its
  // scored points without a pass over its columns.
  const scored = scoredPoints(series).filter((i) => i < n);
  const keptScored = evenIndices(scored.length, Math.min(scored.length, Math.floor(maxPoints / 2))).map((k) => scored[k] as number);
  const indices = [...new Set([...keptScored, ...evenIndices(n, maxPoints - keptScored.length)])].sort((a, b) => a - b);
  return {
    metricNames: [...series.metricNames],
    samples: indices.map((i) => series.samples[i] as number),
    values: series.values.map((column) => indices.map((i) => column[i] as number)),
  };
}
