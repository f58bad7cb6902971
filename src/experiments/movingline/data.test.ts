import { describe, expect, it } from 'vitest';
import { createRng, createStreams, type Rng } from '../../engine/random';
import { columnAt, linePath, movingLineBatch, writeVideo, type LinePath } from './data';

/**
 * An Rng that answers int, next and intBetween from a script, in order, and
 * records each call with its bounds; anything else is off limits.
 */
function scriptedRng(values: readonly number[]): Rng & { calls: string[] } {
  let i = 0;
  const calls: string[] = [];
  const take = (call: string, check: (v: number) => boolean): number => {
    calls.push(call);
    const value = values[i++];
    if (value === undefined) throw new Error('script exhausted');
    if (!check(value)) throw new Error(`scripted ${value} outside ${call}`);
    return value;
  };
  const refuse = (): never => {
    throw new Error('only int(), next() and intBetween() are expected');
  };
  return {
    calls,
    int: (n) => take(`int(${n})`, (v) => Number.isInteger(v) && v >= 0 && v < n),
    next: () => take('next()', (v) => v >= 0 && v < 1),
    intBetween: (lo, hi) => take(`intBetween(${lo}, ${hi})`, (v) => Number.isInteger(v) && v >= lo && v <= hi),
    uniform: refuse,
    normal: refuse,
    seed: refuse,
    shuffle: refuse,
  };
}

/** The lit pixels of every frame as [row, column] pairs, frame by frame, read from [frames, size, size, 1]. */
function litPixels(video: Float32Array, size: number): [number, number][][] {
  return Array.from({ length: size }, (_, frame) => {
    const lit: [number, number][] = [];
    for (let row = 0; row < size; row++) {
      for (let column = 0; column < size; column++) {
        const v = video[(frame * size + row) * size + column];
        if (v === 1) lit.push([row, column]);
        else if (v !== 0) throw new Error(`pixel (${row}, ${column}) of frame ${frame} is ${String(v)}, not 0 or 1`);
      }
    }
    return lit;
  });
}

describe('linePath and the videos on hand-checked cases', () => {
  it('moving right from row 1 of 4, clamped at the top edge', () => {
    // start row 1; next() 0.3 < ½ → right; then rows 0, 0 (only 0–1 allowed at the top), 1.
    const rng = scriptedRng([1, 0.3, 0, 0, 1]);
    const batch = movingLineBatch(4, rng, 1);
    expect(rng.calls).toEqual(['int(4)', 'next()', 'intBetween(0, 2)', 'intBetween(0, 1)', 'intBetween(0, 1)']);
    expect(batch.paths).toEqual([{ rows: [1, 0, 0, 1], right: true }]);
    expect(batch.xShape).toEqual([1, 4, 4, 4, 1]);
    expect(batch.yShape).toEqual([1, 1]);
    expect(Array.from(batch.y)).toEqual([1]);
    expect(litPixels(batch.x, 4)).toEqual([
      [[1, 0]],
      [[0, 1], [1, 0]],
      [[0, 1], [0, 2], [1, 0]],
      [[0, 1], [0, 2], [1, 0], [1, 3]],
    ]);
  });

  it('moving left from the bottom row of 3, clamped at the bottom edge', () => {
    // start row 2; next() 0.7 ≥ ½ → left; rows 2 (from 1–2), then 1 (from 1–2).
    const rng = scriptedRng([2, 0.7, 2, 1]);
    const batch = movingLineBatch(3, rng, 1);
    expect(rng.calls).toEqual(['int(3)', 'next()', 'intBetween(1, 2)', 'intBetween(1, 2)']);
    expect(batch.paths).toEqual([{ rows: [2, 2, 1], right: false }]);
    expect(Array.from(batch.y)).toEqual([0]);
    // Frame 0 lights column 2 (size − 1), then columns 1 and 0.
    expect(litPixels(batch.x, 3)).toEqual([
      [[2, 2]],
      [[2, 1], [2, 2]],
      [[1, 0], [2, 1], [2, 2]],
    ]);
  });

  it('a row in the middle may go up, stay or go down; next() exactly ½ is left', () => {
    const rng = scriptedRng([2, 0.5, 3, 2, 1, 0]);
    expect(linePath(5, rng)).toEqual({ rows: [2, 3, 2, 1, 0], right: false });
    expect(rng.calls).toEqual(['int(5)', 'next()', 'intBetween(1, 3)', 'intBetween(2, 4)', 'intBetween(1, 3)', 'intBetween(0, 2)']);
  });

  it('two videos in a batch are laid out one after the other', () => {
    const batch = movingLineBatch(2, scriptedRng([0, 0.1, 1, 1, 0.9, 1]), 2);
    expect(batch.paths).toEqual([
      { rows: [0, 1], right: true },
      { rows: [1, 1], right: false },
    ]);
    expect(Array.from(batch.y)).toEqual([1, 0]);
    // prettier-ignore
    expect(Array.from(batch.x)).toEqual([
      1, 0, 0, 0, // video 0, frame 0: (0, 0)
      1, 0, 0, 1, // video 0, frame 1: + (1, 1)
      0, 0, 0, 1, // video 1, frame 0: (1, 1)
      0, 0, 1, 1, // video 1, frame 1: + (1, 0)
    ]);
  });

  it('columnAt runs left to right or right to left', () => {
    expect([0, 1, 2, 3].map((f) => columnAt(4, true, f))).toEqual([0, 1, 2, 3]);
    expect([0, 1, 2, 3].map((f) => columnAt(4, false, f))).toEqual([3, 2, 1, 0]);
  });
});

describe('movingLineBatch on seeded streams', () => {
  it('the same seed gives the same videos, another seed others', () => {
    const a = movingLineBatch(10, createStreams(5).data, 8);
    expect(movingLineBatch(10, createStreams(5).data, 8)).toEqual(a);
    expect(movingLineBatch(10, createStreams(6).data, 8).paths).not.toEqual(a.paths);
  });

  it('every video is a connected line across the frame, built up one pixel per frame; both directions occur', () => {
    const size = 12;
    const batch = movingLineBatch(size, createRng('lines'), 300);
    const videoLength = size ** 3;
    let rights = 0;
    batch.paths.forEach((path: LinePath, r) => {
      expect(path.rows).toHaveLength(size);
      path.rows.forEach((row, f) => {
        expect(row).toBeGreaterThanOrEqual(0);
        expect(row).toBeLessThan(size);
        if (f > 0) expect(Math.abs(row - (path.rows[f - 1] ?? Number.NaN))).toBeLessThanOrEqual(1);
      });
      const video = batch.x.subarray(r * videoLength, (r + 1) * videoLength);
      const frames = litPixels(video, size);
      frames.forEach((lit, f) => expect(lit).toHaveLength(f + 1));
      const expected = new Float32Array(videoLength);
      writeVideo(expected, 0, size, path);
      expect(video).toEqual(expected);
      expect(batch.y[r]).toBe(path.right ? 1 : 0);
      if (path.right) rights++;
    });
    // 300 fair coin tosses: well inside 100–200.
    expect(rights).toBeGreaterThan(100);
    expect(rights).toBeLessThan(200);
  });
});
