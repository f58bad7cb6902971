import { describe, expect, it } from 'vitest';
import { createStreams, type Rng } from '../../engine/random';
import { corners, rectangleBatch } from './data';

/** An Rng whose uniform() returns a fixed sequence (checking the bounds); everything else is off limits. */
function scriptedRng(values: readonly number[]): Rng & { calls: string[] } {
  let i = 0;
  const calls: string[] = [];
  const refuse = (): never => {
    throw new Error('only uniform() is expected');
  };
  return {
    calls,
    uniform(lo: number, hi: number): number {
      calls.push(`${lo}..${hi}`);
      const value = values[i++];
      if (value === undefined) throw new Error('script exhausted');
      if (value < lo || value >= hi) throw new Error(`scripted ${value} outside [${lo}, ${hi})`);
      return value;
    },
    next: refuse,
    int: refuse,
    intBetween: refuse,
    normal: refuse,
    seed: refuse,
    shuffle: refuse,
  };
}

describe('corners', () => {
  it('BL, BR, TR, TL in that order', () => {
    expect(corners({ width: 0.25, height: 0.75 })).toEqual([
      [0, 0],
      [0.25, 0],
      [0.25, 0.75],
      [0, 0.75],
    ]);
  });
});

describe('rectangleBatch on hand-checked cases', () => {
  it('two rectangles: width then height each, 3 pairs each in order, counted as 2 samples', () => {
    const rng = scriptedRng([0.5, 0.25, 0.75, 0.125]);
    const batch = rectangleBatch(rng, 2);
    expect(rng.calls).toEqual(['0..1', '0..1', '0..1', '0..1']);
    expect(batch.rectangles).toEqual([
      { width: 0.5, height: 0.25 },
      { width: 0.75, height: 0.125 },
    ]);
    expect(batch.xShape).toEqual([6, 1, 2]);
    expect(batch.yShape).toEqual([6, 2]);
    expect(batch.samples).toBe(2);
    // prettier-ignore
    expect(Array.from(batch.x)).toEqual([
      0, 0, //       BL of 0.5 × 0.25
      0.5, 0, //     BR
      0.5, 0.25, //  TR
      0, 0, //       BL of 0.75 × 0.125
      0.75, 0, //    BR
      0.75, 0.125, // TR
    ]);
    // prettier-ignore
    expect(Array.from(batch.y)).toEqual([
      0.5, 0, //     → BR
      0.5, 0.25, //  → TR
      0, 0.25, //    → TL
      0.75, 0,
      0.75, 0.125,
      0, 0.125,
    ]);
  });

  it('values are stored as float32', () => {
    const batch = rectangleBatch(scriptedRng([0.3, 0.6]), 1);
    expect(batch.x).toBeInstanceOf(Float32Array);
    expect(batch.y[0]).toBe(Math.fround(0.3));
    expect(batch.y[3]).toBe(Math.fround(0.6));
  });
});

describe('rectangleBatch on seeded streams', () => {
  it('the same seed gives the same rectangles, another seed others', () => {
    const a = rectangleBatch(createStreams(7).data, 10);
    expect(rectangleBatch(createStreams(7).data, 10)).toEqual(a);
    expect(rectangleBatch(createStreams(8).data, 10).rectangles).not.toEqual(a.rectangles);
  });

  it('sizes are uniform in [0, 1) and every pair is one corner to the next', () => {
    const count = 2000;
    const batch = rectangleBatch(createStreams(3).data, count);
    const widths = batch.rectangles.map((r) => r.width);
    const heights = batch.rectangles.map((r) => r.height);
    for (const sizes of [widths, heights]) {
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...sizes)).toBeLessThan(1);
      const mean = sizes.reduce((s, v) => s + v, 0) / count;
      expect(mean).toBeGreaterThan(0.47);
      expect(mean).toBeLessThan(0.53);
    }
    const x = new Float32Array(count * 6);
    const y = new Float32Array(count * 6);
    batch.rectangles.forEach((rectangle, r) => {
      const [bl, br, tr, tl] = corners(rectangle);
      x.set([...bl, ...br, ...tr], r * 6);
      y.set([...br, ...tr, ...tl], r * 6);
    });
    expect(batch.x).toEqual(x);
    expect(batch.y).toEqual(y);
  });
});
