import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/random';
import { argmax } from '../encoding';
import { encodeWindows, epochBatches, largestDivisorUpTo, windowCount, windowsOf } from './data';

const problem = { length: 25, features: 100, window: 5, outLength: 2 };

describe('sequence echo data', () => {
  it('a sequence of 25 gives 21 sliding windows of 5', () => {
    expect(windowCount(problem)).toBe(21);
    expect(windowsOf([1, 2, 3, 4, 5, 6], 5)).toEqual([
      [1, 2, 3, 4, 5],
      [2, 3, 4, 5, 6],
    ]);
    expect(windowCount({ length: 3, window: 5 })).toBe(0);
  });

  it('encodes windows one-hot, the target being the first outLength values of each', () => {
    const sequence = [7, 3, 9, 1, 4, 8];
    const batch = encodeWindows({ ...problem, length: 6, features: 10 }, sequence, 0, 2);
    expect(batch.xShape).toEqual([2, 5, 10]);
    expect(batch.yShape).toEqual([2, 2, 10]);
    const xs = Array.from({ length: 10 }, (_, i) => argmax(batch.x, i * 10, 10));
    expect(xs).toEqual([7, 3, 9, 1, 4, 3, 9, 1, 4, 8]);
    const ys = Array.from({ length: 4 }, (_, i) => argmax(batch.y, i * 10, 10));
    expect(ys).toEqual([7, 3, 3, 9]);
  });

  it('one epoch: a fresh sequence in equal batches, in order, the state reset and the epoch ended after the last', () => {
    const batches = epochBatches(problem, 7, createRng('epoch'));
    expect(batches.map((b) => b.xShape[0])).toEqual([7, 7, 7]);
    expect(batches.map((b) => [b.resetStatesAfter, b.epochEnd])).toEqual([
      [false, false],
      [false, false],
      [true, true],
    ]);
    // Window 7 (first of batch 2) starts where window 6 (last of batch 1) starts, one step later.
    const first = batches[0];
    const second = batches[1];
    expect(argmax(second?.x ?? [], 0, 100)).toBe(argmax(first?.x ?? [], (6 * 5 + 1) * 100, 100));
    // Another epoch draws another sequence.
    const rng = createRng('two');
    expect(epochBatches(problem, 21, rng)[0]?.x).not.toEqual(epochBatches(problem, 21, rng)[0]?.x);
  });

  it('the largest divisor of the window count up to the batch size', () => {
    expect(largestDivisorUpTo(21, 10)).toBe(7);
    expect(largestDivisorUpTo(21, 21)).toBe(21);
    expect(largestDivisorUpTo(21, 50)).toBe(21);
    expect(largestDivisorUpTo(13, 5)).toBe(1);
  });
});
