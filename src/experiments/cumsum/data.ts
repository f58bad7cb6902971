import type { Rng } from '../../engine/random';
import type { Batch } from '../types';

export interface CumsumProblem {
  /** Values per sequence, n. */
  length: number;
  /**
   * Whether the targets are stored last step first, to line up with a layer that
   * reads the sequence backwards and returns its outputs in that order (TF.js and
   * Keras do so for go_backwards with return_sequences).
   */
  reversedTargets?: boolean;
}

/** The running sum a label switches on at: n/4. */
export function threshold(length: number): number {
  return length / 4;
}

/** The running sum after each value. */
export function runningSums(values: readonly number[]): number[] {
  let sum = 0;
  return values.map((value) => (sum += value));
}

/** 0 while the running sum is below n/4, 1 from the step it reaches n/4 on. */
export function cumsumLabels(values: readonly number[]): number[] {
  const limit = threshold(values.length);
  return runningSums(values).map((sum) => (sum < limit ? 0 : 1));
}

export interface CumsumBatch extends Batch {
  /** The values of each sequence, as the network sees them (float32). */
  values: number[][];
  /** The labels of each sequence, in time order whatever the target order. */
  labels: number[][];
}

/**
 * `rows` sequences of `length` values uniform in [0, 1), as [rows, length, 1];
 * the label of each step as [rows, length, 1] (last step first with reversedTargets).
 */
export function cumsumBatch(problem: CumsumProblem, rng: Rng, rows: number): CumsumBatch {
  const { length } = problem;
  const x = new Float32Array(rows * length);
  const y = new Float32Array(rows * length);
  const values: number[][] = [];
  const labels: number[][] = [];
  for (let r = 0; r < rows; r++) {
    // Rounded to float32 first, so the labels follow from exactly what the network reads.
    const sequence = Array.from({ length }, () => Math.fround(rng.next()));
    const sequenceLabels = cumsumLabels(sequence);
    x.set(sequence, r * length);
    y.set(problem.reversedTargets ? [...sequenceLabels].reverse() : sequenceLabels, r * length);
    values.push(sequence);
    labels.push(sequenceLabels);
  }
  return { x, xShape: [rows, length, 1], y, yShape: [rows, length, 1], values, labels };
}

/** Row `row` of per-step outputs laid out as [rows, length], in time order. */
export function outputsInTimeOrder(outputs: ArrayLike<number>, row: number, length: number, reversed: boolean): number[] {
  const steps = Array.from({ length }, (_, t) => outputs[row * length + t] ?? Number.NaN);
  return reversed ? steps.reverse() : steps;
}
