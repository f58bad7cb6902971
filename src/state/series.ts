/**
 * Training curves as columns (one array per metric), appended in place as
 * progress arrives, and the small views the charts draw from them.
 */
import type { StepPoint } from '../engine/train';

export interface Series {
  metricNames: readonly string[];
  samples: number[];
  /** values[m][i]: metric m after step i. */
  values: number[][];
}

export function emptySeries(metricNames: readonly string[]): Series {
  return { metricNames, samples: [], values: metricNames.map(() => []) };
}

export function appendPoints(series: Series, points: readonly StepPoint[]): void {
  for (const point of points) {
    series.samples.push(point.samplesSeen);
    series.values.forEach((column, m) => column.push(point.values[m] ?? Number.NaN));
  }
}

/** Exponential moving average with Keras/TensorBoard-style debiasing; weight 0 returns the input. */
export function smooth(values: readonly number[], weight: number): number[] {
  if (weight <= 0) return [...values];
  const out: number[] = [];
  let last = 0;
  let debias = 1;
  for (const value of values) {
    if (!Number.isFinite(value)) {
      out.push(value);
      continue;
    }
    last = last * weight + (1 - weight) * value;
    debias *= weight;
    out.push(last / (1 - debias));
  }
  return out;
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
