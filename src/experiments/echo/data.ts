import type { Rng } from '../../engine/random';
import { writeOneHot } from '../encoding';
import type { Batch } from '../types';

export interface EchoProblem {
  length: number;
  features: number;
  outIndex: number;
}

export interface EchoBatch extends Batch {
  /** The integer sequences behind the one-hot rows. */
  sequences: number[][];
}

/**
 * `rows` random sequences of `length` integers in [0, features), one-hot
 * encoded as [rows, length, features]; the target of each is the one-hot value
 * at position `outIndex`, as [rows, features].
 */
export function echoBatch(problem: EchoProblem, rng: Rng, rows: number): EchoBatch {
  const { length, features, outIndex } = problem;
  const x = new Float32Array(rows * length * features);
  const y = new Float32Array(rows * features);
  const sequences: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const sequence: number[] = [];
    for (let t = 0; t < length; t++) {
      const value = rng.int(features);
      sequence.push(value);
      writeOneHot(x, (r * length + t) * features, features, value);
    }
    writeOneHot(y, r * features, features, sequence[outIndex] ?? 0);
    sequences.push(sequence);
  }
  return { x, xShape: [rows, length, features], y, yShape: [rows, features], sequences };
}
