import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile, summarize } from './stats';

describe('summary statistics', () => {
  it('matches hand-computed values', () => {
    // 1..8: mean 4.5; sample variance 42/7 = 6; R type-7 quartiles 2.75, 4.5, 6.25.
    const s = summarize([8, 1, 7, 2, 6, 3, 5, 4]);
    expect(s).toMatchObject({ count: 8, mean: 4.5, min: 1, q1: 2.75, median: 4.5, q3: 6.25, max: 8 });
    expect(s?.std).toBeCloseTo(Math.sqrt(6), 12);
    expect(summarize([0.25, 0.75, 0.5, 1])).toMatchObject({ mean: 0.625, q1: 0.4375, median: 0.625, q3: 0.8125 });
  });

  it('one value: zero spread; no finite values: null; NaN and infinities are left out', () => {
    expect(summarize([3])).toEqual({ count: 1, mean: 3, std: 0, min: 3, q1: 3, median: 3, q3: 3, max: 3 });
    expect(summarize([])).toBeNull();
    expect(summarize([Number.NaN, Infinity])).toBeNull();
    expect(summarize([1, Number.NaN, 3])?.count).toBe(2);
  });

  it('property: min ≤ q1 ≤ median ≤ q3 ≤ max, the mean in [min, max], quantiles of a constant are the constant', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (values) => {
        const s = summarize(values);
        if (!s) return false;
        const eps = 1e-9 * Math.max(1, Math.abs(s.max), Math.abs(s.min));
        return s.min <= s.q1 + eps && s.q1 <= s.median + eps && s.median <= s.q3 + eps && s.q3 <= s.max + eps && s.mean >= s.min - eps && s.mean <= s.max + eps;
      }),
    );
    expect(quantile([2, 2, 2], 0.3)).toBe(2);
  });
});
