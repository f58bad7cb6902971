import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packPoints } from '../engine/pointBatch';
import { downsampleGrowing } from './downsampleGrowing';
import { appendPoints, downsample, emptySeries, smooth, type ChartPoint } from './series';

/** Same buckets (x exactly), means equal but for the order of additions. */
function expectSameCurve(got: ChartPoint[], want: ChartPoint[]): void {
  expect(got.map((p) => p.x)).toEqual(want.map((p) => p.x));
  got.forEach((p, i) => {
    const y = want[i]?.y as number;
    if (Number.isNaN(y)) expect(p.y).toBeNaN();
    else expect(Math.abs(p.y - y)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(y)));
  });
}

describe('downsampleGrowing', () => {
  it('is downsample of the smoothed column after every append, whatever the batches, gaps and weight', () => {
    const value = fc.oneof({ weight: 6, arbitrary: fc.double({ min: -100, max: 100, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(Number.NaN) });
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { maxLength: 400, size: 'max' }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(0, 0.6, 0.95),
        // Few points for many values: buckets span whole blocks and end mid-block.
        fc.integer({ min: 1, max: 12 }),
        (batches, weight, maxPoints) => {
          const series = emptySeries(['loss']);
          const all: number[] = [];
          for (const batch of batches) {
            appendPoints(series, packPoints(batch.map((y, i) => ({ step: all.length + i + 1, samplesSeen: (all.length + i + 1) * 3, values: [y] }))));
            all.push(...batch);
            expectSameCurve(downsampleGrowing(series, 0, weight, maxPoints), downsample(series.samples, smooth(all, weight), maxPoints));
          }
        },
      ),
      // A failure's counterexample is shrunk for at most 10 s: thousands of values shrink slowly.
      { numRuns: 150, interruptAfterTimeLimit: 10_000 },
    );
  });

  it('starts again when the weight changes', () => {
    const series = emptySeries(['loss']);
    const ys = Array.from({ length: 5000 }, (_, i) => Math.sin(i / 50) + 2);
    appendPoints(series, packPoints(ys.map((y, i) => ({ step: i + 1, samplesSeen: i + 1, values: [y] }))));
    // Buckets of 250 points: read mostly by their blocks' sums.
    expectSameCurve(downsampleGrowing(series, 0, 0.9, 20), downsample(series.samples, smooth(ys, 0.9), 20));
    expectSameCurve(downsampleGrowing(series, 0, 0, 20), downsample(series.samples, ys, 20));
    expectSameCurve(downsampleGrowing(series, 0, 0.5, 20), downsample(series.samples, smooth(ys, 0.5), 20));
  });

  it('keeps a huge value to its own bucket: the rest of the curve is exact', () => {
    const series = emptySeries(['loss']);
    const ys = Array.from({ length: 20_000 }, (_, i) => (i === 1234 ? 1e300 : 0.1 + (i % 7) / 100));
    appendPoints(series, packPoints(ys.map((y, i) => ({ step: i + 1, samplesSeen: i + 1, values: [y] }))));
    const points = downsampleGrowing(series, 0, 0, 200);
    const spiked = Math.floor(1234 / 100);
    expect(points[spiked]?.y).toBeGreaterThan(1e297);
    // Every other bucket as downsample has it: a running total would have lost them to the 1e300.
    expectSameCurve(
      points.filter((_, b) => b !== spiked),
      downsample(series.samples, ys, 200).filter((_, b) => b !== spiked),
    );
  });
});
