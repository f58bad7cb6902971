import type { Rng } from '../../engine/random';
import type { Batch } from '../types';

export type Point = readonly [x: number, y: number];

export interface Rectangle {
  width: number;
  height: number;
}

/** The corners in drawing order: BL (0,0), BR (w,0), TR (w,h), TL (0,h). */
export function corners({ width, height }: Rectangle): [Point, Point, Point, Point] {
  return [
    [0, 0],
    [width, 0],
    [width, height],
    [0, height],
  ];
}

/** Corner pairs per rectangle: BL→BR, BR→TR, TR→TL. */
export const PAIRS_PER_RECTANGLE = 3;

export interface RectangleBatch extends Batch {
  rectangles: Rectangle[];
}

/** A rectangle with width and height uniform in [0, 1), drawn in that order. */
export function randomRectangle(rng: Rng): Rectangle {
  const width = rng.uniform(0, 1);
  const height = rng.uniform(0, 1);
  return { width, height };
}

/**
 * `count` random rectangles as training pairs, in order: each rectangle gives
 * BL→BR, BR→TR, TR→TL, each input one timestep of 2 features (x, y) and each
 * target the next corner. X is [3·count, 1, 2], y is [3·count, 2]; the batch
 * counts as `count` samples (one per rectangle).
 */
export function rectangleBatch(rng: Rng, count: number): RectangleBatch {
  const rows = count * PAIRS_PER_RECTANGLE;
  const x = new Float32Array(rows * 2);
  const y = new Float32Array(rows * 2);
  const rectangles: Rectangle[] = [];
  for (let r = 0; r < count; r++) {
    const rectangle = randomRectangle(rng);
    rectangles.push(rectangle);
    const points = corners(rectangle);
    for (let p = 0; p < PAIRS_PER_RECTANGLE; p++) {
      const row = r * PAIRS_PER_RECTANGLE + p;
      x.set(points[p] ?? [0, 0], row * 2);
      y.set(points[p + 1] ?? [0, 0], row * 2);
    }
  }
  return { x, xShape: [rows, 1, 2], y, yShape: [rows, 2], samples: count, rectangles };
}
