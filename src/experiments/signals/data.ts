/**
 * Synthetic signals to continue: periodic shapes, a sinc pulse, a sum of two sines and a random
 * walk, each with its own amplitude, period and position, plus Gaussian noise. Pure.
 *
 * Per row the data stream draws, in order: the amplitude (uniform), the period (a whole number of
 * steps), the shift (a real number of steps), for the sum of sines a second period and shift, and
 * one seed. That seed starts the row's own streams for the random walk's steps and for the noise,
 * so a row is the same prefix however many steps are generated (a longer preview wave continues
 * the training-length one exactly), and the noise level never changes which waves are drawn.
 */
import { createRng, type Rng } from '../../engine/random';
import type { Batch } from '../types';

export const SHAPES = ['sine', 'square', 'sawtooth', 'sinc', 'sines', 'walk'] as const;
export type Shape = (typeof SHAPES)[number];

export const SHAPE_LABELS: Record<Shape, string> = {
  sine: 'Sine',
  square: 'Square',
  sawtooth: 'Sawtooth',
  sinc: 'Sinc pulse',
  sines: 'Sum of two sines',
  walk: 'Random walk',
};

export interface SignalProblem {
  shape: Shape;
  /** Input steps: the first `length` values. */
  length: number;
  /** Target steps: the `output` values that follow. */
  output: number;
  /** Amplitude range (uniform in [amplitudeMin, amplitudeMax)). */
  amplitudeMin: number;
  amplitudeMax: number;
  /** Period range in steps (whole numbers, both ends included). */
  periodMin: number;
  periodMax: number;
  /** Standard deviation of the Gaussian noise added to every value. */
  noise: number;
}

/** What was drawn for one row. */
export interface SignalRow {
  amplitude: number;
  period: number;
  /**
   * Periodic shapes: a time shift in [0, period); the sinc pulse: the step of its peak, in
   * [0, length); the random walk: unused.
   */
  shift: number;
  /** The sum of sines' second sine (0 for the other shapes). */
  period2: number;
  shift2: number;
  /** Seeds the row's random-walk steps and noise. */
  seed: number;
}

/** The fractional part, in [0, 1). */
const frac = (u: number) => u - Math.floor(u);

/** The unit shapes at phase u (in periods): one cycle spans u ∈ [0, 1), values in [−1, 1]. */
export function unitSine(u: number): number {
  return Math.sin(2 * Math.PI * u);
}
export function unitSquare(u: number): number {
  return frac(u) < 0.5 ? 1 : -1;
}
export function unitSawtooth(u: number): number {
  return 2 * frac(u) - 1;
}
/** sin(2πu)/(2πu): 1 at u = 0, zero at every half period. */
export function unitSinc(u: number): number {
  return u === 0 ? 1 : Math.sin(2 * Math.PI * u) / (2 * Math.PI * u);
}

/**
 * The noiseless signal of a row over `steps` steps:
 * - sine, square, sawtooth: amplitude · shape((t − shift) / period);
 * - sinc: amplitude · sinc((t − shift) / period), a pulse peaking at step `shift`;
 * - sines: amplitude · (sin(2π(t − shift)/period) + sin(2π(t − shift2)/period2)) / 2;
 * - walk: starts at 0 and adds a normal step of standard deviation amplitude/√period each step
 *   (so it wanders by about the amplitude over one period).
 */
export function cleanSignal(shape: Shape, row: SignalRow, steps: number): Float32Array {
  const wave = new Float32Array(steps);
  const { amplitude: a, period, shift } = row;
  if (shape === 'walk') {
    const walk = createRng(`signals/walk/${row.seed}`);
    const size = a / Math.sqrt(period);
    let value = 0;
    for (let t = 1; t < steps; t++) {
      value += size * walk.normal();
      wave[t] = value;
    }
    return wave;
  }
  for (let t = 0; t < steps; t++) {
    const u = (t - shift) / period;
    switch (shape) {
      case 'sine':
        wave[t] = a * unitSine(u);
        break;
      case 'square':
        wave[t] = a * unitSquare(u);
        break;
      case 'sawtooth':
        wave[t] = a * unitSawtooth(u);
        break;
      case 'sinc':
        wave[t] = a * unitSinc(u);
        break;
      case 'sines':
        wave[t] = (a * (unitSine(u) + unitSine((t - row.shift2) / row.period2))) / 2;
        break;
    }
  }
  return wave;
}

/** The signal plus Gaussian noise of standard deviation `noise`, drawn from the row's own noise stream. */
export function noisySignal(clean: Float32Array, row: SignalRow, noise: number): Float32Array {
  if (noise === 0) return clean.slice();
  const rng = createRng(`signals/noise/${row.seed}`);
  return clean.map((value) => value + noise * rng.normal());
}

/** Draws one row's parameters from the data stream (see the top of the file for the order). */
export function drawRow(problem: SignalProblem, rng: Rng): SignalRow {
  const amplitude = rng.uniform(problem.amplitudeMin, problem.amplitudeMax);
  const period = rng.intBetween(problem.periodMin, problem.periodMax);
  const shift = problem.shape === 'sinc' ? rng.uniform(0, problem.length) : rng.uniform(0, period);
  let period2 = 0;
  let shift2 = 0;
  if (problem.shape === 'sines') {
    period2 = rng.intBetween(problem.periodMin, problem.periodMax);
    shift2 = rng.uniform(0, period2);
  }
  return { amplitude, period, shift, period2, shift2, seed: rng.seed() };
}

export interface SignalBatch extends Batch {
  rows: SignalRow[];
  /** The noiseless signal of each row over all its steps, row-major [rows, steps]. */
  clean: Float32Array;
  /** The noisy values of each row over all its steps (inputs, then targets, then any more), [rows, steps]. */
  noisy: Float32Array;
  /** Steps generated per row: at least length + output. */
  steps: number;
}

/**
 * `rows` signals of `steps` values (length + output by default; more for a closed-loop
 * continuation, the first length + output unchanged). Input: the first `length` noisy values as
 * [rows, length, 1]; target: the next `output` noisy values as [rows, output].
 */
export function signalBatch(problem: SignalProblem, rng: Rng, rows: number, steps = problem.length + problem.output): SignalBatch {
  const { length, output } = problem;
  const total = Math.max(steps, length + output);
  const x = new Float32Array(rows * length);
  const y = new Float32Array(rows * output);
  const clean = new Float32Array(rows * total);
  const noisy = new Float32Array(rows * total);
  const drawn: SignalRow[] = [];
  for (let r = 0; r < rows; r++) {
    const row = drawRow(problem, rng);
    const wave = cleanSignal(problem.shape, row, total);
    const values = noisySignal(wave, row, problem.noise);
    clean.set(wave, r * total);
    noisy.set(values, r * total);
    x.set(values.subarray(0, length), r * length);
    y.set(values.subarray(length, length + output), r * output);
    drawn.push(row);
  }
  return { x, xShape: [rows, length, 1], y, yShape: [rows, output], rows: drawn, clean, noisy, steps: total };
}
