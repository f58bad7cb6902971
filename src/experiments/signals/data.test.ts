import { describe, expect, it } from 'vitest';
import { createStreams } from '../../engine/random';
import { cleanSignal, drawRow, noisySignal, signalBatch, SHAPES, unitSawtooth, unitSinc, unitSquare, type SignalProblem, type SignalRow } from './data';

const row = (patch: Partial<SignalRow> = {}): SignalRow => ({ amplitude: 1, period: 4, shift: 0, period2: 0, shift2: 0, seed: 1, ...patch });
const values = (wave: Float32Array) => Array.from(wave);
const close = (actual: number[], expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 6));
};

const problem = (patch: Partial<SignalProblem> = {}): SignalProblem => ({
  shape: 'sine',
  length: 50,
  output: 5,
  amplitudeMin: 0.5,
  amplitudeMax: 1,
  periodMin: 10,
  periodMax: 20,
  noise: 0,
  ...patch,
});

describe('unit shapes', () => {
  it('square: +1 in the first half of each period, −1 in the second', () => {
    expect([0, 0.25, 0.49, 0.5, 0.75, 1, 1.25, -0.25].map(unitSquare)).toEqual([1, 1, 1, -1, -1, 1, 1, -1]);
  });
  it('sawtooth: rises from −1 to 1 over each period, then drops', () => {
    close([0, 0.25, 0.5, 0.75, 1, 1.5].map(unitSawtooth), [-1, -0.5, 0, 0.5, -1, 0]);
  });
  it('sinc: 1 at the peak, 0 at every half period, 2/(3π) in magnitude at three quarters', () => {
    close([0, 0.5, 1, 1.5, -0.5, 0.75].map(unitSinc), [1, 0, 0, 0, 0, -1 / (1.5 * Math.PI)]);
  });
});

describe('cleanSignal on hand-checked rows', () => {
  it('sine of period 4 and amplitude 2: 0, 2, 0, −2, 0; a shift of 1 step delays it', () => {
    close(values(cleanSignal('sine', row({ amplitude: 2 }), 5)), [0, 2, 0, -2, 0]);
    close(values(cleanSignal('sine', row({ amplitude: 2, shift: 1 }), 5)), [-2, 0, 2, 0, -2]);
  });

  it('square of period 4: two steps up, two down, repeating every 4 steps', () => {
    expect(values(cleanSignal('square', row({ amplitude: 0.5 }), 9))).toEqual([0.5, 0.5, -0.5, -0.5, 0.5, 0.5, -0.5, -0.5, 0.5]);
  });

  it('sawtooth of period 4: −1, −0.5, 0, 0.5, then again', () => {
    expect(values(cleanSignal('sawtooth', row(), 8))).toEqual([-1, -0.5, 0, 0.5, -1, -0.5, 0, 0.5]);
  });

  it('sinc: the peak (the amplitude) at the shift, zeros every half period around it', () => {
    const wave = values(cleanSignal('sinc', row({ amplitude: 3, shift: 4 }), 9));
    close(wave, [0, -3 / (1.5 * Math.PI), 0, 3 / (0.5 * Math.PI), 3, 3 / (0.5 * Math.PI), 0, -3 / (1.5 * Math.PI), 0]);
  });

  it('sum of two sines: the average of both, scaled by the amplitude', () => {
    // Periods 4 and 2 (the second sampled at its zeros), and 4 and 4 shifted by half a period (they cancel).
    close(values(cleanSignal('sines', row({ amplitude: 2, period2: 2 }), 4)), [0, 1, 0, -1]);
    close(values(cleanSignal('sines', row({ period2: 4, shift2: 2 }), 4)), [0, 0, 0, 0]);
  });

  it('random walk: starts at 0, steps of standard deviation amplitude/√period, the same for the same seed', () => {
    const a = values(cleanSignal('walk', row({ amplitude: 2, period: 16, seed: 5 }), 20001));
    expect(a[0]).toBe(0);
    expect(values(cleanSignal('walk', row({ amplitude: 2, period: 16, seed: 5 }), 20001))).toEqual(a);
    expect(values(cleanSignal('walk', row({ amplitude: 2, period: 16, seed: 6 }), 20001))).not.toEqual(a);
    const steps = a.slice(1).map((v, i) => v - (a[i] ?? 0));
    const mean = steps.reduce((s, v) => s + v, 0) / steps.length;
    const sd = Math.sqrt(steps.reduce((s, v) => s + (v - mean) ** 2, 0) / steps.length);
    expect(sd).toBeGreaterThan(0.49);
    expect(sd).toBeLessThan(0.51);
    // A longer walk continues the shorter one exactly.
    expect(values(cleanSignal('walk', row({ amplitude: 2, period: 16, seed: 5 }), 30))).toEqual(a.slice(0, 30));
  });
});

describe('noise', () => {
  it('noise 0 leaves the exact waveform; the same seed gives the same noise, another seed other noise', () => {
    const clean = cleanSignal('square', row(), 4000);
    expect(noisySignal(clean, row(), 0)).toEqual(clean);
    const a = noisySignal(clean, row({ seed: 9 }), 0.3);
    expect(noisySignal(clean, row({ seed: 9 }), 0.3)).toEqual(a);
    expect(noisySignal(clean, row({ seed: 10 }), 0.3)).not.toEqual(a);
    const residual = values(a).map((v, i) => v - (clean[i] ?? 0));
    const sd = Math.sqrt(residual.reduce((s, v) => s + v * v, 0) / residual.length);
    expect(sd).toBeGreaterThan(0.28);
    expect(sd).toBeLessThan(0.32);
    // Twice the level, the same draws: exactly twice the residual (to float32 rounding).
    const doubled = noisySignal(clean, row({ seed: 9 }), 0.6);
    values(doubled).forEach((v, i) => expect(v - (clean[i] ?? 0)).toBeCloseTo(2 * (residual[i] ?? 0), 5));
  });
});

describe('signalBatch on seeded streams', () => {
  it('draws amplitude, period and shift per row in their ranges; input the first `length` values, target the next `output`', () => {
    const batch = signalBatch(problem(), createStreams(3).data, 400);
    expect(batch.xShape).toEqual([400, 50, 1]);
    expect(batch.yShape).toEqual([400, 5]);
    expect(new Set(batch.rows.map((r) => r.period))).toEqual(new Set([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]));
    for (const r of batch.rows) {
      expect(r.amplitude).toBeGreaterThanOrEqual(0.5);
      expect(r.amplitude).toBeLessThan(1);
      expect(r.shift).toBeGreaterThanOrEqual(0);
      expect(r.shift).toBeLessThan(r.period);
    }
    for (let r = 0; r < 400; r++) {
      const wave = cleanSignal('sine', batch.rows[r] ?? row(), 55);
      expect(batch.x.subarray(r * 50, (r + 1) * 50)).toEqual(wave.subarray(0, 50));
      expect(batch.y.subarray(r * 5, (r + 1) * 5)).toEqual(wave.subarray(50));
    }
  });

  it('the same seed gives the same batch for every shape; a longer batch continues the same signals', () => {
    for (const shape of SHAPES) {
      const p = problem({ shape, noise: 0.2 });
      const a = signalBatch(p, createStreams(7).data, 6);
      const b = signalBatch(p, createStreams(7).data, 6);
      expect(b.x).toEqual(a.x);
      expect(b.y).toEqual(a.y);
      const long = signalBatch(p, createStreams(7).data, 6, 80);
      expect(long.x).toEqual(a.x);
      for (let r = 0; r < 6; r++) expect(long.noisy.subarray(r * 80, r * 80 + 55)).toEqual(a.noisy.subarray(r * 55, (r + 1) * 55));
    }
  });

  it('the noise level never changes which signals are drawn, only the noise on them', () => {
    const quiet = signalBatch(problem({ shape: 'sawtooth' }), createStreams(2).data, 20);
    const noisy = signalBatch(problem({ shape: 'sawtooth', noise: 0.5 }), createStreams(2).data, 20);
    expect(noisy.rows).toEqual(quiet.rows);
    expect(noisy.clean).toEqual(quiet.clean);
    expect(quiet.noisy).toEqual(quiet.clean);
    expect(noisy.x).not.toEqual(quiet.x);
  });

  it('sinc peaks inside the input window; the sum of sines draws a second period; the walk starts at 0', () => {
    const sinc = signalBatch(problem({ shape: 'sinc', length: 30 }), createStreams(4).data, 200);
    for (const r of sinc.rows) {
      expect(r.shift).toBeGreaterThanOrEqual(0);
      expect(r.shift).toBeLessThan(30);
    }
    const sines = signalBatch(problem({ shape: 'sines' }), createStreams(4).data, 50);
    expect(sines.rows.every((r) => r.period2 >= 10 && r.period2 <= 20 && r.shift2 < r.period2)).toBe(true);
    expect(new Set(sines.rows.map((r) => r.period2)).size).toBeGreaterThan(5);
    const walk = signalBatch(problem({ shape: 'walk' }), createStreams(4).data, 10);
    for (let r = 0; r < 10; r++) expect(walk.x[r * 50]).toBe(0);
  });

  it('draws from the stream in the documented order: amplitude, period, shift, seed', () => {
    const rng = createStreams(11).data;
    const copy = createStreams(11).data;
    const drawn = drawRow(problem({ shape: 'square' }), rng);
    const amplitude = copy.uniform(0.5, 1);
    const period = copy.intBetween(10, 20);
    expect(drawn).toEqual({ amplitude, period, shift: copy.uniform(0, period), period2: 0, shift2: 0, seed: copy.seed() });
  });
});
