/** Summary statistics of repeated runs' scores (robust evaluation, grid search). */

export interface Summary {
  count: number;
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  std: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/**
 * The q-quantile of sorted values by linear interpolation between closest ranks
 * (NumPy's default, R type 7).
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (position - below);
}

/** Count, mean, standard deviation and the five-number summary of the finite values; null when there are none. */
export function summarize(values: readonly number[]): Summary | null {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  const count = finite.length;
  if (count === 0) return null;
  const mean = finite.reduce((sum, v) => sum + v, 0) / count;
  const variance = count > 1 ? finite.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (count - 1) : 0;
  return {
    count,
    mean,
    std: Math.sqrt(variance),
    min: finite[0] as number,
    q1: quantile(finite, 0.25),
    median: quantile(finite, 0.5),
    q3: quantile(finite, 0.75),
    max: finite[count - 1] as number,
  };
}
