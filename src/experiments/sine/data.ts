import type { Rng } from '../../engine/random';
import type { Batch } from '../types';

export interface SineProblem {
  /** Input steps: the first `length` values of the wave. */
  length: number;
  /** Target steps: the `output` values that follow. */
  output: number;
  /** Period range in steps (integers, both ends included). */
  periodMin: number;
  periodMax: number;
  /** Decay range per step (uniform in [decayMin, decayMax)). */
  decayMin: number;
  decayMax: number;
}

export interface SineBatch extends Batch {
  /** The period and decay behind each row. */
  periods: number[];
  decays: number[];
}

/** x_i = 0.5 + 0.5·sin(2π·i/period)·exp(−decay·i) for i = 0 … steps − 1. */
export function dampedSine(steps: number, period: number, decay: number): Float32Array {
  const wave = new Float32Array(steps);
  for (let i = 0; i < steps; i++) wave[i] = 0.5 + 0.5 * Math.sin((2 * Math.PI * i) / period) * Math.exp(-decay * i);
  return wave;
}

/**
 * `rows` damped sine waves, each with its own period (a random integer in
 * [periodMin, periodMax]) and decay (uniform in [decayMin, decayMax)), drawn in
 * that order. Input: the first `length` values as [rows, length, 1]; target:
 * the next `output` values as [rows, output].
 */
export function sineBatch(problem: SineProblem, rng: Rng, rows: number): SineBatch {
  const { length, output } = problem;
  const x = new Float32Array(rows * length);
  const y = new Float32Array(rows * output);
  const periods: number[] = [];
  const decays: number[] = [];
  for (let r = 0; r < rows; r++) {
    const period = rng.intBetween(problem.periodMin, problem.periodMax);
    const decay = rng.uniform(problem.decayMin, problem.decayMax);
    const wave = dampedSine(length + output, period, decay);
    x.set(wave.subarray(0, length), r * length);
    y.set(wave.subarray(length), r * output);
    periods.push(period);
    decays.push(decay);
  }
  return { x, xShape: [rows, length, 1], y, yShape: [rows, output], periods, decays };
}
