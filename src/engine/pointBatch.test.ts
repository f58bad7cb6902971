import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastSamplesSeen, packPoints, unpackPoints } from './pointBatch';

const point = fc.record({
  step: fc.integer({ min: 0, max: 1e9 }),
  samplesSeen: fc.integer({ min: 0, max: 1e12 }),
  values: fc.array(fc.double(), { minLength: 3, maxLength: 3 }),
});

describe('point batches', () => {
  it('carry every point through a structured clone unchanged', () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 50 }), (points) => {
        const batch = structuredClone(packPoints(points));
        expect(unpackPoints(batch)).toEqual(points);
        expect(lastSamplesSeen(batch)).toBe(points.at(-1)?.samplesSeen);
      }),
    );
  });

  it('hold one column per metric of the first point, NaN where a later point lacks one', () => {
    const batch = packPoints([
      { step: 1, samplesSeen: 32, values: [0.7, 0.1] },
      { step: 2, samplesSeen: 64, values: [0.6] },
    ]);
    expect(batch.values).toHaveLength(2);
    expect([...(batch.values[1] ?? [])]).toEqual([0.1, Number.NaN]);
    expect([...batch.samples]).toEqual([32, 64]);
  });

  it('may be empty', () => {
    const batch = packPoints([]);
    expect(batch.samples).toHaveLength(0);
    expect(batch.values).toEqual([]);
    expect(lastSamplesSeen(batch)).toBeUndefined();
    expect(unpackPoints(batch)).toEqual([]);
  });
});
