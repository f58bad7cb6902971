import type { Predict } from '../types';
import type { Point } from './data';

/**
 * Generation: from `start`, predict the next corner, feed the prediction back
 * as the next input, `steps` times. Returns the start and the `steps`
 * predicted corners (4 corners for the default 3 steps). Each prediction is a
 * fresh one-timestep input: the LSTM's state does not carry across steps,
 * exactly as in training.
 */
export async function generateShape(predict: Predict, start: Point = [0, 0], steps = 3): Promise<Point[]> {
  const shape: Point[] = [start];
  let current = start;
  for (let i = 0; i < steps; i++) {
    const out = await predict(Float32Array.from(current), [1, 1, 2]);
    current = [out[0] ?? Number.NaN, out[1] ?? Number.NaN];
    shape.push(current);
  }
  return shape;
}
