/**
 * Training curves as columns (one array per metric), appended in place as
 * progress arrives, and the small views the charts draw from them.
 */
import type { PointBatch } from '../engine/pointBatch';

export interface Series {
  metricNames: readonly string[];
  samples: number[];
  /** values[m][i]: metric m after step i. */
  values: number[][];
}

export function emptySeries(metricNames: readonly string[]): Series {
  return { metricNames, samples: [], values: metricNames.map(() => []) };
}

export function appendPoints(series: Series, points: PointBatch): void {
  const n = points.samples.length;
  for (let i = 0; i < n; i++) series.samples.push(points.samples[i] as number);
  series.values.forEach((column, m) => {
    const source = points.values[m];
    for (let i = 0; i < n; i++) column.push(source ? (source[i] as number) : Number.NaN);
  });
}

/** A moving average part-way through a column: its output so far and the state to go on from. */
interface Smoothing {
  weight: number;
  last: number;
  debias: number;
  out: number[];
}

/** Smooths values[out.length…] onto `state.out`. */
function extend(state: Smoothing, values: readonly number[]): void {
  const { weight, out } = state;
  for (let i = out.length; i < values.length; i++) {
    const value = values[i] as number;
    if (!Number.isFinite(value)) {
      out.push(value);
      continue;
    }
    state.last = state.last * weight + (1 - weight) * value;
    state.debias *= weight;
    out.push(state.last / (1 - state.debias));
  }
}

/** Exponential moving average with Keras/TensorBoard-style debiasing; weight 0 returns the input. */
export function smooth(values: readonly number[], weight: number): number[] {
  if (weight <= 0) return [...values];
  const state = { weight, last: 0, debias: 1, out: [] };
  extend(state, values);
  return state.out;
}

const growing = new WeakMap<readonly number[], Smoothing>();

/**
 * smooth() of a column that only grows (a live run's curve): each call smooths only the values
 * appended since the last call with the same weight, so redrawing a long run's curve 20 times a
 * second does not smooth it all again. The result is shared: read it, do not keep or change it.
 */
export function smoothGrowing(column: readonly number[], weight: number): readonly number[] {
  if (weight <= 0) return column;
  let state = growing.get(column);
  if (!state || state.weight !== weight || state.out.length > column.length) {
    state = { weight, last: 0, debias: 1, out: [] };
    growing.set(column, state);
  }
  extend(state, column);
  return state.out;
}

export interface ChartPoint {
  x: number;
  y: number;
}

/**
 * At most `maxPoints` points: consecutive steps are averaged in equal buckets,
 * so a 100,000-step run draws as fast as a 100-step one.
 */
export function downsample(xs: readonly number[], ys: readonly number[], maxPoints: number): ChartPoint[] {
  const n = Math.min(xs.length, ys.length);
  if (n <= maxPoints) {
    const points: ChartPoint[] = [];
    for (let i = 0; i < n; i++) points.push({ x: xs[i] as number, y: ys[i] as number });
    return points;
  }
  const points: ChartPoint[] = [];
  for (let b = 0; b < maxPoints; b++) {
    // Multiply before dividing: (b + 1) * (n / maxPoints) can round below n for the last bucket.
    const start = Math.floor((b * n) / maxPoints);
    const end = Math.floor(((b + 1) * n) / maxPoints);
    let sum = 0;
    let count = 0;
    for (let i = start; i < end; i++) {
      const y = ys[i] as number;
      if (Number.isFinite(y)) {
        sum += y;
        count++;
      }
    }
    points.push({ x: xs[end - 1] as number, y: count ? sum / count : Number.NaN });
  }
  return points;
}
