import { describe, expect, it } from 'vitest';
import type { Predict } from '../types';
import { continueSteps, meanAbsoluteError } from './continuation';

/** A hand-made model: the next step is the last step plus (3, 5), plus a bias. */
function nextStep(bias: number): Predict {
  return async (x, shape) => {
    const [rows = 0, timesteps = 0, features = 0] = shape;
    const out = new Float32Array(rows * features);
    for (let r = 0; r < rows; r++) {
      const last = (r * timesteps + timesteps - 1) * features;
      out[r * features] = (x[last] ?? 0) + 3 + bias;
      out[r * features + 1] = (x[last + 1] ?? 0) + 5 + bias;
    }
    return out;
  };
}

const window = [
  [20, 34],
  [23, 39],
  [26, 44],
];
const truth = [
  [29, 49],
  [32, 54],
  [35, 59],
  [38, 64],
];

describe('continuing two series past the input', () => {
  it('an exact model continues exactly both ways', async () => {
    const result = await continueSteps(nextStep(0), window, truth);
    expect(result.open).toEqual(truth);
    expect(result.closed).toEqual(truth);
  });

  it('a biased model: the open loop is off by the bias at every step, the closed loop’s error grows with it', async () => {
    const result = await continueSteps(nextStep(1), window, truth);
    expect(result.open).toEqual(truth.map(([a = 0, b = 0]) => [a + 1, b + 1]));
    expect(result.closed).toEqual(truth.map(([a = 0, b = 0], h) => [a + h + 1, b + h + 1]));
    expect(meanAbsoluteError(truth, result.open)).toBe(1);
    expect(meanAbsoluteError(truth, result.closed)).toBe(2.5);
  });

  it('nothing to forecast: empty', async () => {
    expect(await continueSteps(nextStep(0), window, [])).toEqual({ truth: [], open: [], closed: [] });
  });
});
