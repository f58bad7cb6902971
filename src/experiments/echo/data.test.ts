import { describe, expect, it } from 'vitest';
import { createStreams, type Rng } from '../../engine/random';
import { rowsOf } from '../encoding';
import { echoBatch } from './data';

/** An Rng whose int() returns a fixed sequence (checking the bound); everything else is off limits. */
function scriptedRng(values: readonly number[]): Rng & { calls: number[] } {
  let i = 0;
  const calls: number[] = [];
  const refuse = (): never => {
    throw new Error('only int() is expected');
  };
  return {
    calls,
    int(n: number): number {
      calls.push(n);
      const value = values[i++];
      if (value === undefined) throw new Error('script exhausted');
      if (value < 0 || value >= n) throw new Error(`scripted ${value} outside [0, ${n})`);
      return value;
    },
    next: refuse,
    intBetween: refuse,
    uniform: refuse,
    normal: refuse,
    seed: refuse,
    shuffle: refuse,
  };
}

describe('echoBatch on hand-checked cases', () => {
  it('one-hot encodes two sequences of length 3 over 4 values, target at outIndex 1', () => {
    const rng = scriptedRng([2, 0, 3, 1, 1, 0]);
    const batch = echoBatch({ length: 3, features: 4, outIndex: 1 }, rng, 2);
    expect(rng.calls).toEqual([4, 4, 4, 4, 4, 4]);
    expect(batch.xShape).toEqual([2, 3, 4]);
    expect(batch.yShape).toEqual([2, 4]);
    expect(batch.sequences).toEqual([
      [2, 0, 3],
      [1, 1, 0],
    ]);
    // prettier-ignore
    expect(Array.from(batch.x)).toEqual([
      0, 0, 1, 0, // row 0, t 0: 2
      1, 0, 0, 0, // row 0, t 1: 0
      0, 0, 0, 1, // row 0, t 2: 3
      0, 1, 0, 0, // row 1, t 0: 1
      0, 1, 0, 0, // row 1, t 1: 1
      1, 0, 0, 0, // row 1, t 2: 0
    ]);
    // prettier-ignore
    expect(Array.from(batch.y)).toEqual([
      1, 0, 0, 0, // row 0 echoes position 1: 0
      0, 1, 0, 0, // row 1 echoes position 1: 1
    ]);
  });

  it('echoes the last and the first position', () => {
    const last = echoBatch({ length: 4, features: 5, outIndex: 3 }, scriptedRng([4, 3, 2, 1]), 1);
    expect(Array.from(last.y)).toEqual([0, 1, 0, 0, 0]);
    const first = echoBatch({ length: 4, features: 5, outIndex: 0 }, scriptedRng([4, 3, 2, 1]), 1);
    expect(Array.from(first.y)).toEqual([0, 0, 0, 0, 1]);
    expect(first.x).toBeInstanceOf(Float32Array);
    expect(first.x.length).toBe(20);
  });

  it('a single step of two values', () => {
    const batch = echoBatch({ length: 1, features: 2, outIndex: 0 }, scriptedRng([1, 0, 1]), 3);
    expect(batch.xShape).toEqual([3, 1, 2]);
    expect(Array.from(batch.x)).toEqual([0, 1, 1, 0, 0, 1]);
    expect(Array.from(batch.y)).toEqual([0, 1, 1, 0, 0, 1]);
  });
});

describe('echoBatch on seeded streams', () => {
  const problem = { length: 5, features: 10, outIndex: 2 };

  it('the same seed gives the same batch, another seed another batch', () => {
    const a = echoBatch(problem, createStreams(7).data, 16);
    const b = echoBatch(problem, createStreams(7).data, 16);
    const c = echoBatch(problem, createStreams(8).data, 16);
    expect(b.x).toEqual(a.x);
    expect(b.y).toEqual(a.y);
    expect(b.sequences).toEqual(a.sequences);
    expect(c.sequences).not.toEqual(a.sequences);
  });

  it('the data stream does not depend on the other streams', () => {
    const streams = createStreams(7);
    streams.preview.next();
    streams.init.seed();
    const a = echoBatch(problem, streams.data, 4);
    expect(a.sequences).toEqual(echoBatch(problem, createStreams(7).data, 4).sequences);
  });

  it('every row is one-hot and the target is the input at outIndex', () => {
    const { features, length, outIndex } = { features: 7, length: 9, outIndex: 6 };
    const batch = echoBatch({ features, length, outIndex }, createStreams(3).data, 200);
    const xRows = rowsOf(batch.x, features);
    const yRows = rowsOf(batch.y, features);
    expect(xRows).toHaveLength(200 * length);
    expect(yRows).toHaveLength(200);
    for (const row of [...xRows, ...yRows]) {
      expect(row.filter((v) => v === 1)).toHaveLength(1);
      expect(row.filter((v) => v === 0)).toHaveLength(features - 1);
    }
    const seen = new Set<number>();
    batch.sequences.forEach((sequence, r) => {
      expect(sequence).toHaveLength(length);
      sequence.forEach((value, t) => {
        seen.add(value);
        expect(xRows[r * length + t]?.indexOf(1)).toBe(value);
      });
      expect(yRows[r]).toEqual(xRows[r * length + outIndex]);
      expect(yRows[r]?.indexOf(1)).toBe(sequence[outIndex]);
    });
    // 1,800 draws over 7 values: every value shows up.
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
