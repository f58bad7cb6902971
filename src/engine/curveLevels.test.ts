import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from './random';
import { bucketMedians, curveLevels, finiteCount, LEVEL_POINTS, median, thinned } from './curveLevels';

/** The oracle: the middle of the sorted values, or the mean of the two middle ones. */
function sortedMedian(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  const m = sorted.length / 2;
  return sorted.length % 2 ? (sorted[Math.floor(m)] as number) : ((sorted[m - 1] as number) + (sorted[m] as number)) / 2;
}

/** median(values) is the oracle's value; 0 and -0 are the same median (`+ 0` turns -0 into 0). */
const expectSortedMedian = (values: readonly number[]) => expect(median(values) + 0).toBe(sortedMedian(values) + 0);

describe('median and finiteCount', () => {
  it('the middle value, or the mean of the two middle ones, of any order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([-1e-9, -2, 5e3])).toBe(-1e-9);
    expect(median([])).toBeNaN();
    for (const values of [[-0, 1, 0], [0, -0], [-0, -0, 0, 1]]) expectSortedMedian(values);
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 60 }), (values) => {
        expectSortedMedian(values);
      }),
    );
  });

  it('equals the sorted middle on long, sorted, reversed, flat and repetitive inputs', () => {
    const shapes = fc.oneof(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 3000 }),
      fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 3000 }),
      fc.integer({ min: 1, max: 5000 }).map((n) => Array.from({ length: n }, (_, i) => 1 / (i + 1))),
      fc.integer({ min: 1, max: 5000 }).map((n) => Array.from({ length: n }, (_, i) => i % 7)),
      fc.integer({ min: 1, max: 5000 }).map((n) => Array.from({ length: n }, () => 0.5)),
    );
    fc.assert(
      fc.property(shapes, (values) => {
        expectSortedMedian(values);
      }),
    );
  });

  it('counts finite values, stopping at the bound', () => {
    const values = [1, Number.NaN, 2, Number.POSITIVE_INFINITY, 3, -4];
    expect(finiteCount(values)).toBe(4);
    expect(finiteCount(values, 2)).toBe(2);
    expect(finiteCount([])).toBe(0);
  });

  it('a curve with gaps has the levels of the same curve without them', () => {
    const rng = createRng('gaps');
    const curve = Array.from({ length: 3000 }, (_, i) => Math.exp(-i / 500) + 0.05 * rng.uniform(0, 1));
    const gapped = curve.flatMap((v, i) => (i % 7 === 3 ? [v, Number.NaN] : [v]));
    const levels = curveLevels(curve);
    expect(levels.end).toBeGreaterThan(0);
    expect(levels.start).toBeGreaterThan(levels.end);
    expect(curveLevels(gapped)).toEqual(levels);
  });
});

describe('thinned', () => {
  it('every k-th value, ending with the last, at most max of them', () => {
    expect(thinned([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(thinned([0, 1, 2, 3, 4, 5, 6], 3)).toEqual([0, 3, 6]);
    expect(thinned([0, 1, 2, 3, 4, 5, 6, 7], 3)).toEqual([1, 4, 7]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 700 }), (n, max) => {
        const values = Array.from({ length: n }, (_, i) => i);
        const out = thinned(values, max);
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 0));
        if (n > 0) expect(out.at(-1)).toBe(n - 1);
        const stride = Math.ceil(n / max);
        if (stride > 1) out.slice(1).forEach((v, i) => expect(v - (out[i] as number)).toBe(stride));
      }),
    );
  });
});

describe('curveLevels of a long curve', () => {
  it('judges a thinned copy: the same levels to within noise as the whole curve’s', () => {
    const rng = createRng('long-curve');
    const n = 10 * LEVEL_POINTS;
    const loss = Array.from({ length: n }, (_, i) => 0.1 + 2 * Math.exp(-i / (n / 5)) + rng.uniform(-0.05, 0.05));
    const long = curveLevels(loss);
    // The whole curve's own levels: its buckets' medians over every point.
    const levels = bucketMedians(loss);
    expect(long.end).toBeCloseTo(levels.at(-1) ?? Number.NaN, 2);
    expect(long.beforeEnd).toBeCloseTo(levels.at(-2) ?? Number.NaN, 2);
    expect(long.min).toBeCloseTo(Math.min(...levels), 2);
    // The start is still the first points' own median, not a thinned one.
    expect(long.start).toBeGreaterThan(2.0);
  });
});
