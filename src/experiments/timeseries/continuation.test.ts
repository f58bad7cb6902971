import { describe, expect, it } from 'vitest';
import type { Predict } from '../types';
import { effectiveHorizon, testContinuation, testOrigins } from './continuation';
import { frameForecast, type Framed } from './framing';

/** Echoes the last scaled value of each window: the naive forecast, as a model. */
const previous: Predict = async (x, [rows = 0, length = 0] = []) => Float32Array.from({ length: rows }, (_, r) => x[(r + 1) * length - 1] ?? 0);

function framed(values: number[], lookBack: number, trainFraction: number): Framed {
  const result = frameForecast(values, { lookBack, trainFraction });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('test-period origins', () => {
  it('every start with a whole horizon inside the test period, thinned evenly, the first test point first', () => {
    const split = { trainSize: 10, testSize: 6 };
    expect(testOrigins(split, 3, 100)).toEqual([10, 11, 12, 13]);
    expect(testOrigins(split, 6, 100)).toEqual([10]);
    expect(testOrigins(split, 7, 100)).toEqual([]);
    expect(testOrigins(split, 1, 3)).toEqual([10, 12, 14]);
    expect(effectiveHorizon(split, 12)).toBe(6);
    expect(effectiveHorizon(split, 4)).toBe(4);
  });
});

describe('forecasting the test period ahead', () => {
  // 0, 10, 20, … 190: a straight line. Train on the first half, min-max scaled to [0, 1].
  const line = Array.from({ length: 20 }, (_, i) => 10 * i);

  it('a model that repeats the last value: the closed loop is the naive forecast, the open loop the one-step one', async () => {
    const f = framed(line, 2, 0.5);
    const result = await testContinuation(f, line, { lookBack: 2, horizon: 4, maxOrigins: 100, context: 3, predict: previous });
    // From index 10 (100): flat at 90 closed; 90, 100, 110, 120 open (each reads the true value before it).
    expect(result.view).toMatchObject({ inputStart: 7, input: [70, 80, 90], truth: [100, 110, 120, 130] });
    result.view.closed.forEach((v) => expect(v).toBeCloseTo(90, 4));
    [90, 100, 110, 120].forEach((v, i) => expect(result.view.open[i]).toBeCloseTo(v, 4));
    // Origins 10 … 16: the naive error at h steps ahead is 10·h, the open loop's always 10.
    expect(result.errors.series).toBe(7);
    [10, 20, 30, 40].forEach((v, i) => {
      expect(result.errors.closed[i]).toBeCloseTo(v, 3);
      expect(result.errors.naive[i]).toBeCloseTo(v, 3);
      expect(result.errors.open[i]).toBeCloseTo(10, 3);
    });
    expect(result.overall.closed).toBeCloseTo(result.overall.naive, 6);
    expect(result.overall.naive).toBeCloseTo(Math.sqrt((100 + 400 + 900 + 1600) / 4), 3);
  });

  it('a model that knows the slope continues the line exactly, open and closed', async () => {
    const f = framed(line, 2, 0.5);
    // Scaled on 0 … 90: the step is 1/9. "last + (last − previous)" extrapolates the line.
    const slope: Predict = async (x, [rows = 0, length = 0] = []) =>
      Float32Array.from({ length: rows }, (_, r) => 2 * (x[(r + 1) * length - 1] ?? 0) - (x[(r + 1) * length - 2] ?? 0));
    const result = await testContinuation(f, line, { lookBack: 2, horizon: 10, maxOrigins: 2, context: 0, predict: slope });
    expect(result.errors.series).toBe(1);
    expect(result.view.inputStart).toBe(8);
    // Exact up to float32 rounding, which the extrapolation accumulates over the steps.
    [100, 110, 120, 130, 140, 150, 160, 170, 180, 190].forEach((v, i) => expect(result.view.closed[i]).toBeCloseTo(v, 1));
    expect(result.overall.closed).toBeLessThan(0.05);
    expect(result.overall.open).toBeLessThan(0.05);
    expect(result.overall.naive).toBeGreaterThan(50);
  });
});
