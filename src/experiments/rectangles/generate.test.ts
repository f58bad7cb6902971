import { describe, expect, it } from 'vitest';
import type { Predict } from '../types';
import { generateShape } from './generate';
import { fitRectangle } from './rectangularity';

/** A hand-made "model" that knows one rectangle: from (0,0) go right, from the bottom edge go up, else go left. */
function rectangleDrawer(width: number, height: number): Predict {
  return async (x) => {
    const [px = 0, py = 0] = x;
    if (px === 0 && py === 0) return Float32Array.of(width, 0);
    if (py === 0) return Float32Array.of(px, height);
    return Float32Array.of(0, py);
  };
}

describe('generateShape', () => {
  it('feeds each prediction back as the next one-step input', async () => {
    const calls: { x: number[]; shape: number[] }[] = [];
    const step: Predict = async (x, xShape) => {
      calls.push({ x: Array.from(x), shape: xShape });
      return Float32Array.of((x[0] ?? 0) + 1, (x[1] ?? 0) + 2);
    };
    const shape = await generateShape(step);
    expect(shape).toEqual([
      [0, 0],
      [1, 2],
      [2, 4],
      [3, 6],
    ]);
    expect(calls).toEqual([
      { x: [0, 0], shape: [1, 1, 2] },
      { x: [1, 2], shape: [1, 1, 2] },
      { x: [2, 4], shape: [1, 1, 2] },
    ]);
  });

  it('another start and number of steps', async () => {
    const shape = await generateShape(async (x) => Float32Array.of((x[0] ?? 0) * 2, (x[1] ?? 0) - 1), [1, 5], 2);
    expect(shape).toEqual([
      [1, 5],
      [2, 4],
      [4, 3],
    ]);
  });

  it('a model that knows a rectangle draws it, and it scores 0', async () => {
    const shape = await generateShape(rectangleDrawer(0.5, 0.25));
    expect(shape).toEqual([
      [0, 0],
      [0.5, 0],
      [0.5, 0.25],
      [0, 0.25],
    ]);
    expect(fitRectangle(shape)).toMatchObject({ deviation: 0, width: 0.5, height: 0.25 });
  });
});
