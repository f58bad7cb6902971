/**
 * A robust summary of one loss curve, for the diagnosis (diagnosis.ts): its levels (medians of
 * consecutive buckets, so a spike moves nothing), how far it fell over the last quarter of the run
 * (from a robust slope), and how noisy it is around its trend.
 */

/** Levels a curve is judged on (start, end, lowest…). */
export const LEVEL_BUCKETS = 10;
/** Finer buckets, for the slope and the noise. */
const FINE_BUCKETS = 40;
/** The start of a curve is the median of its first 2% of points, at most this many. */
const START_POINTS = 10;
/**
 * Levels of a longer curve are the medians of every k-th value of its buckets: the same levels
 * to within noise, at a cost that stops growing (a fast engine logs a point per step, and the
 * page judges the curve while it grows).
 */
export const LEVEL_POINTS = 20_000;

/** Every k-th value (k = ⌈n / max⌉), the last one always included: an even thinning of a long curve. */
export function thinned(values: ArrayLike<number>, max: number): number[] {
  const stride = Math.ceil(values.length / max);
  if (stride <= 1) return Array.from(values);
  const out: number[] = [];
  for (let i = (values.length - 1) % stride; i < values.length; i += stride) out.push(values[i] as number);
  return out;
}

/**
 * Puts the k-th smallest value of a[lo..hi] at a[k], smaller ones before it and larger ones after
 * (Hoare's selection with a median-of-three pivot; a range that keeps resisting is sorted).
 */
function selectKth(a: Float64Array, k: number, lo: number, hi: number): void {
  // Median-of-three handles the sorted and reversed runs a loss curve is made of; this bound
  // (about twice the rounds a fair split needs) keeps an adversarial order from costing n².
  let rounds = 2 * Math.ceil(Math.log2(hi - lo + 2)) + 8;
  while (hi > lo) {
    if (rounds-- === 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const mid = (lo + hi) >> 1;
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i++] = a[j] as number;
        a[j--] = t;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], and everything between equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * The median of finite values, by selection rather than a sort: the diagnosis takes some fifty
 * medians of a long curve's buckets each time it judges a growing run, and sorting them cost
 * 6–7 ms of a 13-ms task in a million-sample run.
 */
export function median(values: ArrayLike<number>): number {
  const a = Float64Array.from(values);
  const n = a.length;
  if (n === 0) return Number.NaN;
  const upper = n >> 1;
  selectKth(a, upper, 0, n - 1);
  const high = a[upper] as number;
  if (n % 2) return high;
  // The lower middle is the largest value below the upper one's place.
  let low = a[0] as number;
  for (let i = 1; i < upper; i++) if ((a[i] as number) > low) low = a[i] as number;
  return (low + high) / 2;
}

/** How many of the values are finite (counting stops at `upTo`), without copying them. */
export function finiteCount(values: ArrayLike<number>, upTo = Number.POSITIVE_INFINITY): number {
  let count = 0;
  for (let i = 0; i < values.length && count < upTo; i++) if (Number.isFinite(values[i])) count++;
  return count;
}

/** The finite values in order, the first `count` of them at most. */
export function finiteValues(values: ArrayLike<number>, count = Number.POSITIVE_INFINITY): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length && out.length < count; i++) {
    const value = values[i] as number;
    if (Number.isFinite(value)) out.push(value);
  }
  return out;
}

/** Medians of consecutive buckets of the finite values, in order. */
export function bucketMedians(values: ArrayLike<number>, buckets = LEVEL_BUCKETS): number[] {
  const finite = Float64Array.from(finiteValues(values));
  const k = Math.min(buckets, finite.length);
  const levels: number[] = [];
  for (let b = 0; b < k; b++) levels.push(median(finite.subarray(Math.floor((b * finite.length) / k), Math.floor(((b + 1) * finite.length) / k))));
  return levels;
}

export interface CurveLevels {
  /** Where the curve began: the median of its first points (a level would miss a fast first fall). */
  start: number;
  /** The last level, the one before it, and the lowest. */
  end: number;
  beforeEnd: number;
  min: number;
  /** How far the curve fell over the last quarter of the run, in log units (0.1 ≈ 10%), from the trend of its last half. */
  quarterDrop: number;
  /** The standard deviation of that estimate. */
  quarterDropNoise: number;
  /** The standard deviation of a level's log around the trend. */
  levelNoise: number;
  /** Added before taking logs: losses may reach 0. */
  eps: number;
}

/** Theil–Sen: the median of the slopes between every pair of points (x = index). */
function robustSlope(ys: readonly number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < ys.length; i++) for (let j = i + 1; j < ys.length; j++) slopes.push(((ys[j] as number) - (ys[i] as number)) / (j - i));
  return slopes.length ? median(slopes) : 0;
}

/**
 * Needs at least one finite value. A long curve is thinned before anything else is done with it:
 * the page judges a curve of a million points while it grows, and every pass over all of it costs.
 */
export function curveLevels(values: ArrayLike<number>): CurveLevels {
  // Its first 2% of points, at most START_POINTS: counting stops where the 2% would exceed that.
  const start = median(finiteValues(values, Math.min(START_POINTS, Math.ceil(finiteCount(values, 50 * START_POINTS) / 50))));
  const finite = finiteValues(thinned(values, LEVEL_POINTS));
  const levels = bucketMedians(finite);
  const eps = Math.max(1e-12, 1e-9 * Math.abs(start));
  const fine = bucketMedians(finite, FINE_BUCKETS).map((v) => Math.log(v + eps));
  const k = fine.length;
  // Second differences cancel a smooth trend and leave the noise: sd(Δ²) = √6 σ, estimated robustly from their median.
  const second = fine.slice(2).map((v, i) => Math.abs(v - 2 * (fine[i + 1] as number) + (fine[i] as number)));
  const fineNoise = second.length ? (1.4826 * median(second)) / Math.sqrt(6) : 0;
  // The trend of the last half, extrapolated over a quarter of the run (k / 4 fine buckets).
  const half = fine.slice(Math.floor(k / 2));
  const m = half.length;
  const spread = Math.sqrt((m * (m * m - 1)) / 12);
  return {
    start,
    end: levels.at(-1) as number,
    beforeEnd: levels.at(-2) ?? (levels.at(-1) as number),
    min: Math.min(...levels),
    quarterDrop: (-robustSlope(half) * k) / 4,
    quarterDropNoise: spread > 0 ? (fineNoise * k) / 4 / spread : Number.POSITIVE_INFINITY,
    // A level holds k / levels fine buckets: its noise is smaller by the square root of that.
    levelNoise: fineNoise * Math.sqrt(levels.length / k),
    eps,
  };
}

/** log(a / b) on a curve's scale: how much higher a is than b. */
export const logChange = (c: CurveLevels, a: number, b: number): number => Math.log((a + c.eps) / (b + c.eps));
