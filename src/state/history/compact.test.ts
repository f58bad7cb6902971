import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlainCurves } from '../series';
import { compactSeries, evenIndices } from './compact';

function series(n: number, validationEvery = 0): PlainCurves {
  const samples = Array.from({ length: n }, (_, i) => (i + 1) * 10);
  const loss = samples.map((_, i) => 1 / (i + 1));
  const columns = [loss];
  if (validationEvery > 0) columns.push(samples.map((_, i) => ((i + 1) % validationEvery === 0 ? 2 / (i + 1) : Number.NaN)));
  return { metricNames: validationEvery > 0 ? ['loss', 'val_loss'] : ['loss'], samples, values: columns };
}

describe('evenIndices', () => {
  it('keeps everything when there is room', () => {
    expect(evenIndices(4, 10)).toEqual([0, 1, 2, 3]);
    expect(evenIndices(0, 10)).toEqual([]);
    expect(evenIndices(5, 0)).toEqual([]);
  });

  it('spreads the points evenly, first and last included (hand-computed)', () => {
    // round(k · 9 / 3) for k = 0..3
    expect(evenIndices(10, 4)).toEqual([0, 3, 6, 9]);
    expect(evenIndices(10, 1)).toEqual([9]);
    expect(evenIndices(7, 2)).toEqual([0, 6]);
  });

  it('gives increasing indices in range, as many as asked, always with the last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 1500 }), (n, max) => {
        const indices = evenIndices(n, max);
        expect(indices).toHaveLength(Math.min(n, max));
        expect(indices.at(-1)).toBe(n - 1);
        for (let i = 1; i < indices.length; i++) expect(indices[i]).toBeGreaterThan(indices[i - 1] as number);
        expect(indices[0]).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('compactSeries', () => {
  it('leaves a short series as it is (a copy)', () => {
    const input = series(50);
    const out = compactSeries(input, 1000);
    expect(out).toEqual(input);
    expect(out.samples).not.toBe(input.samples);
  });

  it('thins a long series to the budget, keeping the last point of every metric', () => {
    const input = series(100_000);
    const out = compactSeries(input, 1000);
    expect(out.samples).toHaveLength(1000);
    expect(out.values[0]).toHaveLength(1000);
    expect(out.samples.at(-1)).toBe(1_000_000);
    expect(out.values[0]?.at(-1)).toBe(1 / 100_000);
    expect(out.samples[0]).toBe(10);
  });

  it('keeps the epochs of a validation column that even spacing would miss', () => {
    // 10,000 steps, validation every 200: none of the evenly spread 1000 indices but the last hits an epoch end.
    const input = series(10_000, 200);
    const even = evenIndices(10_000, 1000).filter((i) => (i + 1) % 200 === 0);
    expect(even.length).toBeLessThan(5);
    const out = compactSeries(input, 1000);
    expect(out.samples.length).toBeLessThanOrEqual(1000);
    const scored = out.values[1]?.filter(Number.isFinite) ?? [];
    expect(scored).toHaveLength(50);
    expect(out.samples.at(-1)).toBe(100_000);
  });

  it('thins the validation epochs too when they alone exceed half the budget', () => {
    const input = series(5000, 2);
    const out = compactSeries(input, 100);
    expect(out.samples.length).toBeLessThanOrEqual(100);
    expect(out.values[1]?.filter(Number.isFinite).length).toBeGreaterThanOrEqual(50);
    expect(out.samples.at(-1)).toBe(50_000);
  });
});
