/**
 * Training curves as columns (one per metric), appended in place as progress arrives, and the
 * small views the charts draw from them.
 *
 * A live run's columns are Float64Arrays with room to grow. A column that is full must be copied
 * into a larger one, and a million-point column takes milliseconds to copy (fresh memory faults
 * in page by page): when every column of a run filled up in the same message, the page's main
 * thread spent 25–35 ms in one task growing them. So columns grow ahead of need, one per message.
 */
import type { PointBatch } from '../engine/pointBatch';

/** Curves as columns, as everything that reads them sees them: values[m][i] is metric m after point i. */
export interface Curves {
  readonly metricNames: readonly string[];
  /** Samples seen after each point. */
  readonly samples: ArrayLike<number>;
  readonly values: readonly ArrayLike<number>[];
}

/** Curves as plain arrays: the form the history stores and files hold. */
export interface PlainCurves extends Curves {
  readonly samples: number[];
  readonly values: number[][];
}

/**
 * A live run's curves. Its columns are views of the first points of larger buffers, replaced by
 * appendPoints: read them, do not keep them across appends.
 */
export interface Series extends Curves {
  samples: Float64Array;
  values: Float64Array[];
}

/** The buffers behind a live series: samples first, then one per metric. */
interface Buffers {
  columns: Float64Array[];
  length: number;
  /** One per metric. */
  tallies: Tally[];
}

/**
 * What appendPoints notes about a metric's column as the points arrive, so that keeping a run
 * that has ended needs no pass over its columns (a million points took 15–22 ms in one task).
 */
interface Tally {
  /** Non-finite values so far. */
  nonFinite: number;
  /** Where its finite values are, while there are at most MAX_TALLIED of them; null after. */
  finiteAt: number[] | null;
}

/** A validation metric is scored once per epoch or check: far fewer points than this. */
const MAX_TALLIED = 10_000;

/** The first `length` values of each buffer, as the series' columns. */
function showFirst(series: Series, [samples, ...values]: Float64Array[], length: number): void {
  series.samples = (samples as Float64Array).subarray(0, length);
  series.values = values.map((column) => column.subarray(0, length));
}

/** Keyed by the series (typed by what reads them, so any curves can be looked up). */
const buffersOf = new WeakMap<Curves, Buffers>();

const INITIAL_CAPACITY = 1024;
/** A column past this share of its room is grown ahead of need (a quarter of its room left for the others' turns). */
const GROW_AHEAD = 0.75;

export function emptySeries(metricNames: readonly string[]): Series {
  const columns = Array.from({ length: metricNames.length + 1 }, () => new Float64Array(INITIAL_CAPACITY));
  const series: Series = { metricNames, samples: new Float64Array(0), values: [] };
  showFirst(series, columns, 0);
  buffersOf.set(series, { columns, length: 0, tallies: metricNames.map(() => ({ nonFinite: 0, finiteAt: [] })) });
  return series;
}

/** A copy of the column with room for at least `capacity` values. */
export function grown(column: Float64Array, length: number, capacity: number): Float64Array {
  const larger = new Float64Array(Math.max(capacity, 2 * column.length));
  larger.set(column.subarray(0, length));
  return larger;
}

export function appendPoints(series: Series, points: PointBatch): void {
  const buffers = buffersOf.get(series);
  if (!buffers) throw new Error('appendPoints needs a series made by emptySeries.');
  const { columns, length } = buffers;
  const n = points.samples.length;
  const needed = length + n;
  let grewAhead = false;
  columns.forEach((column, c) => {
    if (column.length < needed) columns[c] = grown(column, length, needed);
    else if (!grewAhead && needed > GROW_AHEAD * column.length) {
      columns[c] = grown(column, length, needed);
      grewAhead = true;
    }
  });
  columns.forEach((column, c) => {
    const source = c === 0 ? points.samples : points.values[c - 1];
    if (source && source.length >= n) column.set(source.subarray(0, n), length);
    else column.fill(Number.NaN, length, needed);
  });
  buffers.tallies.forEach((tally, m) => {
    const source = points.values[m];
    for (let i = 0; i < n; i++) {
      const value = source ? (source[i] as number) : Number.NaN;
      if (!Number.isFinite(value)) tally.nonFinite++;
      else if (tally.finiteAt && tally.finiteAt.push(length + i) > MAX_TALLIED) tally.finiteAt = null;
    }
  });
  buffers.length = needed;
  showFirst(series, columns, needed);
}

/**
 * Where metric `m` of a live series has finite values, in order, as appendPoints noted them; null
 * when it did not (curves it did not build, or a metric with values at more than MAX_TALLIED
 * points). Do not change the array.
 */
export function finitePointsOf(curves: Curves, m: number): readonly number[] | null {
  return buffersOf.get(curves)?.tallies[m]?.finiteAt ?? null;
}

/**
 * The points where a metric scored now and then (a validation metric: NaN between its checks) has
 * a value, in order; none when every metric has a value at every point. From appendPoints' tallies
 * when they suffice, else from one pass over the columns.
 */
export function scoredPoints(curves: Curves): number[] {
  const tallies = buffersOf.get(curves)?.tallies;
  if (tallies) {
    const sparse = tallies.filter((tally) => tally.nonFinite > 0);
    if (sparse.every((tally) => tally.finiteAt !== null)) {
      return [...new Set(sparse.flatMap((tally) => tally.finiteAt ?? []))].sort((a, b) => a - b);
    }
  }
  let n = curves.samples.length;
  for (const column of curves.values) n = Math.min(n, column.length);
  const sparse = curves.values.filter((column) => {
    for (let i = 0; i < n; i++) if (!Number.isFinite(column[i] as number)) return true;
    return false;
  });
  const scored: number[] = [];
  for (let i = 0; i < n && sparse.length > 0; i++) {
    for (let c = 0; c < sparse.length; c++) {
      if (Number.isFinite((sparse[c] as ArrayLike<number>)[i] as number)) {
        scored.push(i);
        break;
      }
    }
  }
  return scored;
}

/** A live series holding these curves (for tools and tests). */
export function seriesOf(curves: Curves): Series {
  const series = emptySeries(curves.metricNames);
  const n = curves.samples.length;
  appendPoints(series, {
    steps: Float64Array.from({ length: n }, (_, i) => i + 1),
    samples: Float64Array.from(curves.samples),
    values: curves.values.map((column) => Float64Array.from(column)),
  });
  return series;
}

/** The last value of a column (undefined when it is empty). */
export const lastOf = (column: ArrayLike<number> | undefined): number | undefined => (column && column.length ? column[column.length - 1] : undefined);

/** The curves as plain arrays, every point, NaN kept (for tests: the history stores compactSeries' thinned copy, files write their own rows). */
export function plainCurves(curves: Curves): PlainCurves {
  return { metricNames: [...curves.metricNames], samples: Array.from(curves.samples), values: curves.values.map((column) => Array.from(column)) };
}

/** A moving average part-way through a column: its output so far and the state to go on from. */
interface Smoothing {
  weight: number;
  last: number;
  debias: number;
  /** The first `length` values are the output; the rest is room to grow. */
  out: Float64Array;
  length: number;
}

const startSmoothing = (weight: number, capacity: number): Smoothing => ({ weight, last: 0, debias: 1, out: new Float64Array(capacity), length: 0 });

/** Smooths values[length…] onto `state.out`. */
function extend(state: Smoothing, values: ArrayLike<number>): void {
  const { weight } = state;
  if (state.out.length < values.length) state.out = grown(state.out, state.length, values.length);
  const { out } = state;
  for (let i = state.length; i < values.length; i++) {
    const value = values[i] as number;
    if (!Number.isFinite(value)) {
      out[i] = value;
      continue;
    }
    state.last = state.last * weight + (1 - weight) * value;
    state.debias *= weight;
    out[i] = state.last / (1 - state.debias);
  }
  state.length = values.length;
}

/** Exponential moving average with Keras/TensorBoard-style debiasing; weight 0 returns a copy of the input. */
export function smooth(values: ArrayLike<number>, weight: number): number[] {
  if (weight <= 0) return Array.from(values);
  const state = startSmoothing(weight, values.length);
  extend(state, values);
  return Array.from(state.out);
}

const growing = new WeakMap<Curves, Map<number, Smoothing>>();

/**
 * smooth() of metric m's column of curves that only grow (a live run's): each call smooths only
 * the values appended since the last call with the same weight, so redrawing a long run's curve 20
 * times a second does not smooth it all again. The result is shared: read it, do not keep or change it.
 */
export function smoothGrowing(curves: Curves, m: number, weight: number): ArrayLike<number> {
  const column = curves.values[m] ?? [];
  if (weight <= 0) return column;
  let byMetric = growing.get(curves);
  if (!byMetric) growing.set(curves, (byMetric = new Map()));
  let state = byMetric.get(m);
  if (!state || state.weight !== weight || state.length > column.length) {
    state = startSmoothing(weight, column.length);
    byMetric.set(m, state);
  }
  extend(state, column);
  return state.out.subarray(0, state.length);
}

export interface ChartPoint {
  x: number;
  y: number;
}

/**
 * The points of (xs, ys) at the indices `at` alone (in order; e.g. where a validation metric was
 * scored, from finitePointsOf), downsampled as `downsample` does the whole series. A million-step
 * run scored once per epoch has a thousand such points: reading those, not a million mostly-NaN
 * values, keeps a redraw of its validation curve as cheap as a short run's.
 */
export function downsampleAt(xs: ArrayLike<number>, ys: ArrayLike<number>, at: readonly number[], maxPoints: number): ChartPoint[] {
  const n = Math.min(xs.length, ys.length);
  let count = 0;
  while (count < at.length && (at[count] as number) < n) count++;
  const pickedX = new Float64Array(count);
  const pickedY = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const i = at[k] as number;
    pickedX[k] = xs[i] as number;
    pickedY[k] = ys[i] as number;
  }
  return downsample(pickedX, pickedY, maxPoints);
}

/** Adds the finite values among ys[start…end) to `into`: their sum to into[0], their count to into[1]. */
export function addFinite(ys: ArrayLike<number>, start: number, end: number, into: Float64Array): void {
  let sum = 0;
  let count = 0;
  for (let i = start; i < end; i++) {
    const y = ys[i] as number;
    if (Number.isFinite(y)) {
      sum += y;
      count++;
    }
  }
  into[0] = (into[0] as number) + sum;
  into[1] = (into[1] as number) + count;
}

/**
 * `maxPoints` equal buckets over the first n points (n > maxPoints): each bucket's last x and the
 * mean of its finite values (NaN when it has none), as `total` adds them up for [start, end).
 */
export function bucketMeans(xs: ArrayLike<number>, n: number, maxPoints: number, total: (start: number, end: number, into: Float64Array) => void): ChartPoint[] {
  const points: ChartPoint[] = [];
  const into = new Float64Array(2);
  for (let b = 0; b < maxPoints; b++) {
    // Multiply before dividing: (b + 1) * (n / maxPoints) can round below n for the last bucket.
    const start = Math.floor((b * n) / maxPoints);
    const end = Math.floor(((b + 1) * n) / maxPoints);
    into.fill(0);
    total(start, end, into);
    const [sum = 0, count = 0] = into;
    points.push({ x: xs[end - 1] as number, y: count ? sum / count : Number.NaN });
  }
  return points;
}

/**
 * At most `maxPoints` points: consecutive steps are averaged in equal buckets,
 * so a 100,000-step run draws as fast as a 100-step one.
 */
export function downsample(xs: ArrayLike<number>, ys: ArrayLike<number>, maxPoints: number): ChartPoint[] {
  const n = Math.min(xs.length, ys.length);
  if (n <= maxPoints) {
    const points: ChartPoint[] = [];
    for (let i = 0; i < n; i++) points.push({ x: xs[i] as number, y: ys[i] as number });
    return points;
  }
  return bucketMeans(xs, n, maxPoints, (start, end, into) => addFinite(ys, start, end, into));
}
