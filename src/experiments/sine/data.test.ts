import { describe, expect, it } from 'vitest';
import { createStreams, type Rng } from '../../engine/random';
import { dampedSine, sineBatch, type SineProblem } from './data';

/** An Rng that answers intBetween() and uniform() from scripts (checking the bounds); everything else is off limits. */
function scriptedRng(ints: readonly number[], floats: readonly number[]): Rng & { calls: string[] } {
  let i = 0;
  let f = 0;
  const calls: string[] = [];
  const refuse = (): never => {
    throw new Error('only intBetween() and uniform() are expected');
  };
  return {
    calls,
    intBetween(lo: number, hi: number): number {
      calls.push(`int ${lo}..${hi}`);
      const value = ints[i++];
      if (value === undefined) throw new Error('int script exhausted');
      if (value < lo || value > hi) throw new Error(`scripted ${value} outside [${lo}, ${hi}]`);
      return value;
    },
    uniform(lo: number, hi: number): number {
      calls.push(`uniform ${lo}..${hi}`);
      const value = floats[f++];
      if (value === undefined) throw new Error('float script exhausted');
      if (value < lo || value > hi) throw new Error(`scripted ${value} outside [${lo}, ${hi}]`);
      return value;
    },
    next: refuse,
    int: refuse,
    normal: refuse,
    seed: refuse,
    shuffle: refuse,
  };
}

const wide: SineProblem = { length: 3, output: 2, periodMin: 2, periodMax: 20, decayMin: 0, decayMax: 1 };

describe('dampedSine', () => {
  it('period 4 without decay: 0.5, 1, 0.5, 0, 0.5', () => {
    const wave = Array.from(dampedSine(5, 4, 0));
    [0.5, 1, 0.5, 0, 0.5].forEach((v, i) => expect(wave[i]).toBeCloseTo(v, 6));
  });

  it('decay ln 2 halves the swing every step', () => {
    const wave = Array.from(dampedSine(5, 4, Math.LN2));
    // i = 1: 0.5 + 0.5·1·½; i = 3: 0.5 − 0.5·⅛.
    [0.5, 0.75, 0.5, 0.4375, 0.5].forEach((v, i) => expect(wave[i]).toBeCloseTo(v, 6));
  });
});

describe('sineBatch on hand-checked cases', () => {
  it('draws period then decay per row; input the first `length` values, target the next `output`', () => {
    const rng = scriptedRng([4, 2], [Math.LN2, 0]);
    const batch = sineBatch(wide, rng, 2);
    expect(rng.calls).toEqual(['int 2..20', 'uniform 0..1', 'int 2..20', 'uniform 0..1']);
    expect(batch.xShape).toEqual([2, 3, 1]);
    expect(batch.yShape).toEqual([2, 2]);
    expect(batch.periods).toEqual([4, 2]);
    expect(batch.decays).toEqual([Math.LN2, 0]);
    expect(batch.x).toBeInstanceOf(Float32Array);
    // Row 0: 0.5, 0.75, 0.5 | 0.4375, 0.5. Row 1 (period 2 samples the sine at its zeros): all 0.5.
    [0.5, 0.75, 0.5, 0.5, 0.5, 0.5].forEach((v, i) => expect(batch.x[i]).toBeCloseTo(v, 6));
    [0.4375, 0.5, 0.5, 0.5].forEach((v, i) => expect(batch.y[i]).toBeCloseTo(v, 6));
  });

  it('one input step and a long forecast', () => {
    const batch = sineBatch({ ...wide, length: 1, output: 4 }, scriptedRng([4], [0]), 1);
    expect(Array.from(batch.x)).toEqual([0.5]);
    [1, 0.5, 0, 0.5].forEach((v, i) => expect(batch.y[i]).toBeCloseTo(v, 6));
  });
});

describe('sineBatch on seeded streams', () => {
  const problem: SineProblem = { length: 50, output: 5, periodMin: 10, periodMax: 20, decayMin: 0.01, decayMax: 0.1 };

  it('the same seed gives the same batch, another seed another batch', () => {
    const a = sineBatch(problem, createStreams(7).data, 8);
    const b = sineBatch(problem, createStreams(7).data, 8);
    const c = sineBatch(problem, createStreams(8).data, 8);
    expect(b.x).toEqual(a.x);
    expect(b.y).toEqual(a.y);
    expect(c.periods).not.toEqual(a.periods);
  });

  it('periods cover [10, 20], decays stay in [0.01, 0.1), and each row is the wave of its period and decay', () => {
    const rows = 500;
    const batch = sineBatch(problem, createStreams(3).data, rows);
    expect(new Set(batch.periods)).toEqual(new Set([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]));
    for (const d of batch.decays) {
      expect(d).toBeGreaterThanOrEqual(0.01);
      expect(d).toBeLessThan(0.1);
    }
    const mean = batch.decays.reduce((s, d) => s + d, 0) / rows;
    expect(mean).toBeGreaterThan(0.05);
    expect(mean).toBeLessThan(0.06);
    const x = new Float32Array(rows * 50);
    const y = new Float32Array(rows * 5);
    for (let r = 0; r < rows; r++) {
      const wave = dampedSine(55, batch.periods[r] ?? 0, batch.decays[r] ?? 0);
      x.set(wave.subarray(0, 50), r * 50);
      y.set(wave.subarray(50), r * 5);
    }
    expect(batch.x).toEqual(x);
    expect(batch.y).toEqual(y);
    const all = [...batch.x, ...batch.y];
    expect(Math.min(...all)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...all)).toBeLessThanOrEqual(1);
  });
});
