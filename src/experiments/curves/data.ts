/**
 * The tiny data set of the learning-curve lesson (§12): a sequence 0.0, 0.1, … 1.0 framed as
 * "next value" pairs, one timestep of one feature each; the first five pairs train, the last five
 * validate (all beyond the training range: the model has to extrapolate).
 */
import type { Batch } from '../types';

export interface Pair {
  x: number;
  y: number;
}

/** Tenths without float drift: 0.3, not 0.30000000000000004. */
const tenth = (i: number) => Number((i / 10).toFixed(1));
const pairs = (from: number): Pair[] => Array.from({ length: 5 }, (_, i) => ({ x: tenth(from + i), y: tenth(from + i + 1) }));

export const TRAIN_PAIRS: readonly Pair[] = pairs(0);
export const VALIDATION_PAIRS: readonly Pair[] = pairs(5);

/** Pairs as a batch of shape [n, 1, 1] → [n, 1]. */
export function encodePairs(list: readonly Pair[]): Batch {
  return {
    x: Float32Array.from(list, (p) => p.x),
    xShape: [list.length, 1, 1],
    y: Float32Array.from(list, (p) => p.y),
    yShape: [list.length, 1],
  };
}
