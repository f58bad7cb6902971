import type { Rng } from '../../engine/random';
import type { Batch } from '../types';

/** One video: the row lit in each frame's new column, and the direction. */
export interface LinePath {
  /** rows[f] is the row of the pixel lit in frame f (in column f, or size − 1 − f moving left). */
  rows: number[];
  right: boolean;
}

export interface MovingLineBatch extends Batch {
  paths: LinePath[];
}

/** The column lit in frame `frame`: left to right, or right to left. */
export function columnAt(size: number, right: boolean, frame: number): number {
  return right ? frame : size - 1 - frame;
}

/**
 * A random line across a size × size image, one column per frame: a random
 * start row, then each step the same row or one up or down, uniform over the
 * rows inside the image (two choices at the top and bottom edges, as the
 * reference's randint(max(0, r − 1), min(size − 1, r + 1))). Right or left with
 * probability ½. Draws: the start row, the direction, then one row per step.
 */
export function linePath(size: number, rng: Rng): LinePath {
  let row = rng.int(size);
  const right = rng.next() < 0.5;
  const rows = [row];
  for (let frame = 1; frame < size; frame++) {
    row = rng.intBetween(Math.max(0, row - 1), Math.min(size - 1, row + 1));
    rows.push(row);
  }
  return { rows, right };
}

/**
 * Writes the video of a path as [frames, size, size, 1] at `offset`: frame f
 * shows the pixels of steps 0..f (each frame copies the one before and lights
 * one more pixel). The target must be zero.
 */
export function writeVideo(target: Float32Array, offset: number, size: number, path: LinePath): void {
  const frameLength = size * size;
  path.rows.forEach((row, step) => {
    const pixel = row * size + columnAt(size, path.right, step);
    for (let frame = step; frame < size; frame++) target[offset + frame * frameLength + pixel] = 1;
  });
}

/**
 * `rows` videos of `size` frames of size × size pixels, as
 * [rows, size, size, size, 1]; the target is 1 for a line moving right, 0 for
 * one moving left, as [rows, 1].
 */
export function movingLineBatch(size: number, rng: Rng, rows: number): MovingLineBatch {
  const videoLength = size * size * size;
  const x = new Float32Array(rows * videoLength);
  const y = new Float32Array(rows);
  const paths: LinePath[] = [];
  for (let r = 0; r < rows; r++) {
    const path = linePath(size, rng);
    writeVideo(x, r * videoLength, size, path);
    y[r] = path.right ? 1 : 0;
    paths.push(path);
  }
  return { x, xShape: [rows, size, size, size, 1], y, yShape: [rows, 1], paths };
}
