import { describe, expect, it } from 'vitest';
import { createStreams, type Rng } from '../../engine/random';
import { cumsumBatch, cumsumLabels, outputsInTimeOrder, runningSums, threshold } from './data';

/** An Rng whose next() returns a fixed sequence; everything else is off limits. */
function scriptedRng(values: readonly number[]): Rng {
  let i = 0;
  const refuse = (): never => {
    throw new Error('only next() is expected');
  };
  return {
    next(): number {
      const value = values[i++];
      if (value === undefined) throw new Error('script exhausted');
      return value;
    },
    int: refuse,
    intBetween: refuse,
    uniform: refuse,
    normal: refuse,
    seed: refuse,
    shuffle: refuse,
  };
}

describe('labels', () => {
  it('0 while the running sum is below n/4, 1 from the step it reaches n/4', () => {
    expect(threshold(10)).toBe(2.5);
    // n = 4, threshold 1: sums 0.25, 0.75, 1 (reached exactly), 1.75.
    expect(runningSums([0.25, 0.5, 0.25, 0.75])).toEqual([0.25, 0.75, 1, 1.75]);
    expect(cumsumLabels([0.25, 0.5, 0.25, 0.75])).toEqual([0, 0, 1, 1]);
    expect(cumsumLabels([0.125, 0.125, 0.125, 0.5])).toEqual([0, 0, 0, 0]);
    expect(cumsumLabels([1, 0, 0, 0])).toEqual([1, 1, 1, 1]);
    // The tutorial's n = 10: 0.9 + 0.8 + 0.7 = 2.4 < 2.5, then 2.4 + 0.2 = 2.6.
    expect(cumsumLabels([0.9, 0.8, 0.7, 0.2, 0, 0, 0, 0, 0, 0])).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe('cumsumBatch on hand-checked cases', () => {
  it('two sequences of 4 as [rows, 4, 1], targets in time order', () => {
    const batch = cumsumBatch({ length: 4 }, scriptedRng([0.25, 0.5, 0.25, 0.75, 0.5, 0.5, 0, 0]), 2);
    expect(batch.xShape).toEqual([2, 4, 1]);
    expect(batch.yShape).toEqual([2, 4, 1]);
    expect(Array.from(batch.x)).toEqual([0.25, 0.5, 0.25, 0.75, 0.5, 0.5, 0, 0]);
    expect(Array.from(batch.y)).toEqual([0, 0, 1, 1, 0, 1, 1, 1]);
    expect(batch.values).toEqual([
      [0.25, 0.5, 0.25, 0.75],
      [0.5, 0.5, 0, 0],
    ]);
    expect(batch.labels).toEqual([
      [0, 0, 1, 1],
      [0, 1, 1, 1],
    ]);
  });

  it('reversed targets store each row last step first; labels stay in time order', () => {
    const batch = cumsumBatch({ length: 4, reversedTargets: true }, scriptedRng([0.25, 0.5, 0.25, 0.75, 0.5, 0.5, 0, 0]), 2);
    expect(Array.from(batch.x)).toEqual([0.25, 0.5, 0.25, 0.75, 0.5, 0.5, 0, 0]);
    expect(Array.from(batch.y)).toEqual([1, 1, 0, 0, 1, 1, 1, 0]);
    expect(batch.labels).toEqual([
      [0, 0, 1, 1],
      [0, 1, 1, 1],
    ]);
  });

  it('values are rounded to float32 before the labels are computed', () => {
    const batch = cumsumBatch({ length: 2 }, scriptedRng([0.1, 0.7]), 1);
    expect(batch.values[0]).toEqual([Math.fround(0.1), Math.fround(0.7)]);
    expect(batch.values[0]?.[0]).not.toBe(0.1);
  });

  it('outputsInTimeOrder reads a row, reversing it when asked', () => {
    const outputs = [0.1, 0.2, 0.3, 0.7, 0.8, 0.9];
    expect(outputsInTimeOrder(outputs, 1, 3, false)).toEqual([0.7, 0.8, 0.9]);
    expect(outputsInTimeOrder(outputs, 0, 3, true)).toEqual([0.3, 0.2, 0.1]);
  });
});

describe('cumsumBatch on seeded streams', () => {
  it('the same seed gives the same batch, another seed another batch', () => {
    const a = cumsumBatch({ length: 10 }, createStreams(7).data, 16);
    const b = cumsumBatch({ length: 10 }, createStreams(7).data, 16);
    const c = cumsumBatch({ length: 10 }, createStreams(8).data, 16);
    expect(b.x).toEqual(a.x);
    expect(b.y).toEqual(a.y);
    expect(c.values).not.toEqual(a.values);
  });

  it('values in [0, 1); labels switch from 0 to 1 once, where the running sum reaches n/4', () => {
    for (const length of [10, 3, 25]) {
      const batch = cumsumBatch({ length }, createStreams(3).data, 200);
      let crossings = 0;
      batch.values.forEach((values, r) => {
        const labels = batch.labels[r] ?? [];
        expect(values).toHaveLength(length);
        for (const v of values) expect(v >= 0 && v < 1).toBe(true);
        expect(Array.from(batch.y.subarray(r * length, (r + 1) * length))).toEqual(labels);
        expect(labels).toEqual([...labels].sort());
        let sum = 0;
        values.forEach((v, t) => {
          sum += v;
          expect(labels[t]).toBe(sum >= length / 4 ? 1 : 0);
        });
        if (labels.includes(1)) crossings++;
      });
      // Values average ½, so a sum of n/4 is reached in almost every long sequence, and never on step 0 for n ≥ 4.
      if (length >= 10) expect(crossings).toBeGreaterThan(195);
      if (length >= 4) expect(batch.labels.every((labels) => labels[0] === 0)).toBe(true);
    }
  });
});
