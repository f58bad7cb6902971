/**
 * Sequence echo (the seed tutorial's whole- and partial-sequence echo): one random sequence of
 * integers, one-hot, framed as sliding windows; the target of each window is the window itself,
 * or its first few values.
 */
import type { Rng } from '../../engine/random';
import { writeOneHot } from '../encoding';
import type { Batch } from '../types';

export interface SeqEchoProblem {
  /** Values in the random sequence. */
  length: number;
  /** Values are integers in [0, features). */
  features: number;
  /** Timesteps per window. */
  window: number;
  /** Values of each window to echo: all of them (window) or the first few. */
  outLength: number;
}

/** How many sliding windows a sequence gives. */
export function windowCount(problem: Pick<SeqEchoProblem, 'length' | 'window'>): number {
  return Math.max(0, problem.length - problem.window + 1);
}

/** A random sequence of integers in [0, features). */
export function randomSequence(problem: SeqEchoProblem, rng: Rng): number[] {
  return Array.from({ length: problem.length }, () => rng.int(problem.features));
}

/** The windows of a sequence: window w is sequence[w … w + window − 1]. */
export function windowsOf(sequence: readonly number[], window: number): number[][] {
  const windows: number[][] = [];
  for (let w = 0; w + window <= sequence.length; w++) windows.push(sequence.slice(w, w + window));
  return windows;
}

/** Windows [from, from + rows) of a sequence, one-hot: X [rows, window, features], y [rows, outLength, features]. */
export function encodeWindows(problem: SeqEchoProblem, sequence: readonly number[], from: number, rows: number): Batch {
  const { features, window, outLength } = problem;
  const x = new Float32Array(rows * window * features);
  const y = new Float32Array(rows * outLength * features);
  for (let r = 0; r < rows; r++) {
    for (let t = 0; t < window; t++) writeOneHot(x, (r * window + t) * features, features, sequence[from + r + t] ?? 0);
    for (let t = 0; t < outLength; t++) writeOneHot(y, (r * outLength + t) * features, features, sequence[from + r + t] ?? 0);
  }
  return { x, xShape: [rows, window, features], y, yShape: [rows, outLength, features] };
}

/**
 * One epoch: a fresh sequence, its windows in order in batches of `batchSize` (which divides the
 * window count: a stateful layer needs every batch the same size), the state reset after the last.
 */
export function epochBatches(problem: SeqEchoProblem, batchSize: number, rng: Rng): Batch[] {
  const sequence = randomSequence(problem, rng);
  const count = windowCount(problem);
  const batches: Batch[] = [];
  for (let from = 0; from < count; from += batchSize) {
    const last = from + batchSize >= count;
    batches.push({ ...encodeWindows(problem, sequence, from, Math.min(batchSize, count - from)), resetStatesAfter: last, epochEnd: last });
  }
  return batches;
}

/** The largest divisor of n that is at most `at`. */
export function largestDivisorUpTo(n: number, at: number): number {
  for (let d = Math.min(n, Math.max(1, at)); d > 1; d--) if (n % d === 0) return d;
  return 1;
}
