import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packPoints } from '../engine/pointBatch';
import type { StepPoint } from '../engine/train';
import { appendPoints, downsample, downsampleAt, emptySeries, finitePointsOf, lastOf, plainCurves, scoredPoints, seriesOf, smooth, smoothGrowing } from './series';

describe('smooth', () => {
  it('weight 0 (or less) returns a copy of the input', () => {
    const values = [3, 1, 4, 1, 5];
    const out = smooth(values, 0);
    expect(out).toEqual(values);
    expect(out).not.toBe(values);
    expect(smooth(values, -1)).toEqual(values);
  });

  it('is a debiased exponential moving average (hand-computed, weight 0.5)', () => {
    // EMA: 0.5·4 = 2 → /(1 − 0.5) = 4; 0.5·2 + 0.5·8 = 5 → /(1 − 0.25) = 6.666…;
    // 0.5·5 + 0.5·2 = 3.5 → /(1 − 0.125) = 4.
    const out = smooth([4, 8, 2], 0.5);
    expect(out).toHaveLength(3);
    expect(out[0]).toBeCloseTo(4, 12);
    expect(out[1]).toBeCloseTo(20 / 3, 12);
    expect(out[2]).toBeCloseTo(4, 12);
  });

  it('starts at the first value and keeps a constant series constant', () => {
    const out = smooth([2.5, 2.5, 2.5, 2.5], 0.9);
    for (const v of out) expect(v).toBeCloseTo(2.5, 12);
    expect(smooth([7, 0], 0.9)[0]).toBeCloseTo(7, 12);
    // weight 0.9 after [10, 0]: (0.9·1 + 0) / (1 − 0.81) · 0.1·10 … = 0.9 / 1.9 · 10
    expect(smooth([10, 0], 0.9)[1]).toBeCloseTo((0.1 * 10 * 0.9) / (1 - 0.81), 12);
  });

  it('passes non-finite values through without spoiling the rest', () => {
    const out = smooth([1, Number.NaN, Number.POSITIVE_INFINITY, 3], 0.5);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBe(Number.POSITIVE_INFINITY);
    // Third finite update sees only 1 and 3: (0.5·0.5 + 0.5·3) / (1 − 0.25).
    expect(out[3]).toBeCloseTo((0.25 + 1.5) / 0.75, 12);
  });
});

describe('downsample', () => {
  it('returns the points as they are when they fit', () => {
    expect(downsample([1, 2, 3], [10, 20, 30], 3)).toEqual([
      { x: 1, y: 10 },
      { x: 2, y: 20 },
      { x: 3, y: 30 },
    ]);
    expect(downsample([1, 2, 3], [10, 20], 5)).toEqual([
      { x: 1, y: 10 },
      { x: 2, y: 20 },
    ]);
    expect(downsample([], [], 5)).toEqual([]);
  });

  it('averages equal buckets and keeps the last x of each', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const ys = [1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
    expect(downsample(xs, ys, 5)).toEqual([
      { x: 2, y: 2 },
      { x: 4, y: 6 },
      { x: 6, y: 10 },
      { x: 8, y: 14 },
      { x: 10, y: 18 },
    ]);
  });

  it('uneven buckets: never more than maxPoints, covering every point, last x kept', () => {
    const n = 1003;
    const xs = Array.from({ length: n }, (_, i) => (i + 1) * 10);
    const ys = Array.from({ length: n }, () => 1);
    for (const max of [1, 2, 7, 100, 1002]) {
      const points = downsample(xs, ys, max);
      expect(points).toHaveLength(max);
      expect(points.at(-1)?.x).toBe(n * 10);
      for (const p of points) expect(p.y).toBe(1);
      const sorted = points.map((p) => p.x);
      expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
    }
    // 7 points into 3 buckets of sizes 2, 2, 3 (floor boundaries 0, 2, 4, 7).
    expect(downsample([1, 2, 3, 4, 5, 6, 7], [0, 2, 4, 6, 8, 10, 12], 3)).toEqual([
      { x: 2, y: 1 },
      { x: 4, y: 5 },
      { x: 7, y: 10 },
    ]);
  });

  it('skips non-finite values in a bucket; an all-NaN bucket gives NaN', () => {
    const points = downsample([1, 2, 3, 4], [Number.NaN, 4, Number.NaN, Number.NaN], 2);
    expect(points[0]).toEqual({ x: 2, y: 4 });
    expect(points[1]?.x).toBe(4);
    expect(points[1]?.y).toBeNaN();
  });
});

describe('downsampleAt', () => {
  it('draws exactly the scored points where they fit', () => {
    const xs = [10, 20, 30, 40, 50, 60];
    const ys = [Number.NaN, 0.5, Number.NaN, Number.NaN, 0.25, Number.NaN];
    expect(downsampleAt(xs, ys, [1, 4], 200)).toEqual([
      { x: 20, y: 0.5 },
      { x: 50, y: 0.25 },
    ]);
    // Indices past the shorter column are left out (a column read mid-append).
    expect(downsampleAt(xs, ys.slice(0, 3), [1, 4], 200)).toEqual([{ x: 20, y: 0.5 }]);
    expect(downsampleAt(xs, ys, [], 5)).toEqual([]);
  });

  it('is downsample of the scored sub-series, and equals the whole-column pass where every point fits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: -10, max: 10, noNaN: true }), { nil: undefined, freq: 3 }), { maxLength: 400 }),
        fc.integer({ min: 1, max: 60 }),
        (cells, maxPoints) => {
          const xs = cells.map((_, i) => (i + 1) * 5);
          const ys = cells.map((v) => (v === undefined ? Number.NaN : v));
          const at = ys.flatMap((y, i) => (Number.isFinite(y) ? [i] : []));
          const scored = downsample(at.map((i) => xs[i] as number), at.map((i) => ys[i] as number), maxPoints);
          expect(downsampleAt(xs, ys, at, maxPoints)).toEqual(scored);
          if (ys.length <= maxPoints) expect(downsampleAt(xs, ys, at, maxPoints)).toEqual(downsample(xs, ys, maxPoints).filter((p) => Number.isFinite(p.y)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a live series at the points its tally noted', () => {
    const series = emptySeries(['loss', 'val_loss']);
    const points: StepPoint[] = Array.from({ length: 5000 }, (_, i) => ({ step: i + 1, samplesSeen: (i + 1) * 4, values: [1, (i + 1) % 500 === 0 ? 2 + i : Number.NaN] }));
    appendPoints(series, packPoints(points));
    const at = finitePointsOf(series, 1);
    expect(at).toHaveLength(10);
    expect(downsampleAt(series.samples, series.values[1] ?? [], at ?? [], 200)).toEqual(Array.from({ length: 10 }, (_, k) => ({ x: (k + 1) * 2000, y: 2 + (k + 1) * 500 - 1 })));
  });
});

describe('appendPoints', () => {
  it('appends columns in metric order, NaN for a missing metric', () => {
    const series = emptySeries(['loss', 'acc']);
    appendPoints(
      series,
      packPoints([
        { step: 1, samplesSeen: 2, values: [2.3, 0.5] },
        { step: 2, samplesSeen: 4, values: [2.1] },
      ]),
    );
    appendPoints(series, packPoints([{ step: 3, samplesSeen: 6, values: [1.9, 1] }]));
    appendPoints(series, packPoints([]));
    expect(Array.from(series.samples)).toEqual([2, 4, 6]);
    expect(Array.from(series.values[0] ?? [])).toEqual([2.3, 2.1, 1.9]);
    expect(Array.from(series.values[1] ?? [])).toEqual([0.5, Number.NaN, 1]);
  });

  it('holds every point appended, in order, whatever the sizes of the batches', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 12 }), (sizes) => {
        const series = emptySeries(['loss', 'val_loss']);
        const all: StepPoint[] = [];
        for (const size of sizes) {
          const batch = Array.from({ length: size }, (_, i) => {
            const step = all.length + i + 1;
            return { step, samplesSeen: step * 4, values: [1 / step, step % 7 === 0 ? step : Number.NaN] };
          });
          all.push(...batch);
          appendPoints(series, packPoints(batch));
        }
        expect(Array.from(series.samples)).toEqual(all.map((p) => p.samplesSeen));
        expect(Array.from(series.values[0] ?? [])).toEqual(all.map((p) => p.values[0]));
        expect(Array.from(series.values[1] ?? [])).toEqual(all.map((p) => p.values[1]));
      }),
      { numRuns: 200 },
    );
  });

  it('grows its columns ahead of need, one per append: never all of them in the same message', () => {
    const series = emptySeries(['loss', 'acc', 'val_loss', 'val_acc']);
    const buffers = () => [series.samples, ...series.values].map((column) => column.buffer);
    let before = buffers();
    let grownAhead = 0;
    for (let step = 0; step < 400; step++) {
      const length = series.samples.length;
      appendPoints(series, packPoints(Array.from({ length: 500 }, (_, i) => ({ step: length + i + 1, samplesSeen: length + i + 1, values: [1, 2, 3, 4] }))));
      const after = buffers();
      const changed = after.filter((buffer, c) => buffer !== before[c]).length;
      // Small columns outgrow their room in a message or two (and cost nothing to copy); large ones grow one at a time.
      if (length >= 20_000) expect(changed).toBeLessThanOrEqual(1);
      grownAhead += changed;
      before = after;
    }
    expect(series.samples.length).toBe(200_000);
    expect(grownAhead).toBeGreaterThan(5 * 6);
  });
});

describe('scoredPoints', () => {
  // Not scored at that point.
  const gap = Number.NaN;

  it('where a metric scored now and then has a value; none when every metric always has one', () => {
    const curves = { metricNames: ['loss', 'val_loss', 'val_acc'], samples: [1, 2, 3, 4, 5], values: [[5, 4, 3, 2, 1], [gap, 3, gap, gap, 1], [gap, gap, gap, 0.5, gap]] };
    expect(scoredPoints(curves)).toEqual([1, 3, 4]);
    expect(scoredPoints(seriesOf(curves))).toEqual([1, 3, 4]);
    const dense = { metricNames: ['loss'], samples: [1, 2], values: [[2, 1]] };
    expect(scoredPoints(dense)).toEqual([]);
    expect(scoredPoints(seriesOf(dense))).toEqual([]);
  });

  it('a live series gives what a pass over its columns gives, however its points arrived', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 9 })), { maxLength: 40 }), { maxLength: 8 }),
        (batches) => {
          const series = emptySeries(['loss', 'val_loss']);
          let step = 0;
          for (const batch of batches) {
            // Every tenth-ish point scored; now and then a NaN loss too.
            appendPoints(series, packPoints(batch.map(([nanLoss, k]) => ({ step: ++step, samplesSeen: step, values: [nanLoss && k === 0 ? gap : 1 / step, k === 9 ? step : gap] }))));
          }
          expect(scoredPoints(series)).toEqual(scoredPoints(plainCurves(series)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a column with more values than it tallies is read in a pass', () => {
    const n = 25_000;
    const series = seriesOf({
      metricNames: ['loss', 'val_loss'],
      samples: Array.from({ length: n }, (_, i) => i + 1),
      values: [Array.from({ length: n }, (_, i) => (i === n - 1 ? gap : 1)), Array.from({ length: n }, (_, i) => (i % 2 ? 1 : NaN))],
    });
    const scored = scoredPoints(series);
    // The loss everywhere but the last point, the validation loss at every other point, the last included.
    expect(scored).toHaveLength(n);
    expect(scored).toEqual(scoredPoints(plainCurves(series)));
  });
});

describe('finitePointsOf', () => {
  it('where each metric of a live series has values, as a pass finds them; null where not noted', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 40 }), { maxLength: 8 }), (batches) => {
        const series = emptySeries(['loss', 'val_loss']);
        let step = 0;
        for (const batch of batches) appendPoints(series, packPoints(batch.map((k) => ({ step: ++step, samplesSeen: step, values: [k === 0 ? Number.NaN : k, k > 6 ? step : Number.NaN] }))));
        series.values.forEach((column, m) => {
          const pass = Array.from(column, (v, i) => (Number.isFinite(v) ? i : -1)).filter((i) => i >= 0);
          expect(finitePointsOf(series, m)).toEqual(pass);
        });
      }),
      { numRuns: 200 },
    );
    expect(finitePointsOf({ metricNames: ['loss'], samples: [1], values: [[1]] }, 0)).toBeNull();
  });
});

describe('seriesOf and lastOf', () => {
  it('a live series from plain curves; the last value of a column', () => {
    const series = seriesOf({ metricNames: ['loss'], samples: [1, 2], values: [[0.5, 0.25]] });
    expect(Array.from(series.samples)).toEqual([1, 2]);
    expect(lastOf(series.values[0])).toBe(0.25);
    expect(lastOf(new Float64Array(0))).toBeUndefined();
    expect(lastOf(undefined)).toBeUndefined();
  });
});

describe('downsample properties', () => {
  it('at most maxPoints points, the last x always kept, y within the range of the data', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 500 }), fc.integer(), (n, maxPoints, seed) => {
        const xs = Array.from({ length: n }, (_, i) => i * 3 + 1);
        const ys = Array.from({ length: n }, (_, i) => Math.sin(i + seed));
        const points = downsample(xs, ys, maxPoints);
        if (points.length !== Math.min(n, maxPoints)) return false;
        if (points.at(-1)?.x !== xs[n - 1]) return false;
        return points.every((p, i) => p.y >= -1 && p.y <= 1 && (i === 0 || p.x > (points[i - 1]?.x ?? Infinity)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('smoothGrowing', () => {
  it('equals smooth() of the column as it grows, also after the weight changes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constant(Number.NaN)), { maxLength: 20 }), { maxLength: 6 }), (chunks) => {
        const series = emptySeries(['loss']);
        let step = 0;
        chunks.forEach((chunk, i) => {
          appendPoints(series, packPoints(chunk.map((value) => ({ step: ++step, samplesSeen: step, values: [value] }))));
          const weight = i % 3 === 2 ? 0.6 : 0.9;
          expect(Array.from(smoothGrowing(series, 0, weight))).toEqual(smooth(series.values[0] ?? [], weight));
        });
      }),
    );
  });

  it('weight 0 returns the column itself; a column that shrank is smoothed afresh; each metric apart', () => {
    const curves = { metricNames: ['loss', 'acc'], samples: [1, 2, 3], values: [[1, 2, 3], [0, 0.5, 1]] };
    expect(smoothGrowing(curves, 0, 0)).toBe(curves.values[0]);
    expect(Array.from(smoothGrowing(curves, 0, 0.5))).toEqual(smooth([1, 2, 3], 0.5));
    expect(Array.from(smoothGrowing(curves, 1, 0.5))).toEqual(smooth([0, 0.5, 1], 0.5));
    curves.values[0]?.splice(1, 2, 9);
    expect(Array.from(smoothGrowing(curves, 0, 0.5))).toEqual(smooth([1, 9], 0.5));
    expect(smoothGrowing(curves, 2, 0.5)).toHaveLength(0);
  });
});
