import { describe, expect, it } from 'vitest';
import { affordableSeries, closedLoop, continuations, continuationView, errorByHorizon, openLoop, overallError, persistence, rowSlices } from './closedLoop';
import type { Predict } from './types';

interface Call {
  rows: number[][];
  shape: number[];
}

/**
 * A hand-made model: each row's last value + 1, + 2, … + steps. Records every call's rows and shape.
 * A closed loop of it is a straight ramp; its open loop is the truth shifted by one, plus one.
 */
function ramp(steps: number): { predict: Predict; calls: Call[] } {
  const calls: Call[] = [];
  const predict: Predict = async (x, shape) => {
    const [rows = 0, length = 0] = shape;
    const seen: number[][] = [];
    const out = new Float32Array(rows * steps);
    for (let r = 0; r < rows; r++) {
      const row = Array.from(x.subarray(r * length, (r + 1) * length));
      seen.push(row);
      const last = row[length - 1] ?? Number.NaN;
      for (let j = 0; j < steps; j++) out[r * steps + j] = last + j + 1;
    }
    calls.push({ rows: seen, shape: [...shape] });
    return out;
  };
  return { predict, calls };
}

describe('closed loop', () => {
  it('a one-step model "last value + 1" continues [0, 1, 2] as a straight ramp, one call per step, reading its own outputs', async () => {
    const { predict, calls } = ramp(1);
    const forecasts = await closedLoop({ predict, steps: 1, windows: [[0, 1, 2]], horizon: 4 });
    expect(forecasts).toEqual([[3, 4, 5, 6]]);
    expect(calls.map((c) => c.shape)).toEqual([[1, 3, 1], [1, 3, 1], [1, 3, 1], [1, 3, 1]]);
    // The window slides over the model's own forecasts.
    expect(calls.map((c) => c.rows[0])).toEqual([[0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5]]);
  });

  it('a model of 3 steps at once appends all 3 and predicts again; the last block is cut to the horizon', async () => {
    const { predict, calls } = ramp(3);
    const forecasts = await closedLoop({ predict, steps: 3, windows: [[10, 20], [0, -1]], horizon: 7 });
    expect(forecasts).toEqual([
      [21, 22, 23, 24, 25, 26, 27],
      [0, 1, 2, 3, 4, 5, 6],
    ]);
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => c.rows)).toEqual([
      [[10, 20], [0, -1]],
      [[22, 23], [1, 2]],
      [[25, 26], [4, 5]],
    ]);
  });

  it('a window longer than the horizon keeps its oldest values in the first calls', async () => {
    const { predict, calls } = ramp(1);
    await closedLoop({ predict, steps: 1, windows: [[5, 6, 7, 8]], horizon: 2 });
    expect(calls.map((c) => c.rows[0])).toEqual([[5, 6, 7, 8], [6, 7, 8, 9]]);
  });

  it('forecasts already known (the first block) are kept and the loop goes on from them', async () => {
    const { predict, calls } = ramp(2);
    const forecasts = await closedLoop({ predict, steps: 2, windows: [[0, 1]], horizon: 5, known: [[7, 8]] });
    expect(forecasts).toEqual([[7, 8, 9, 10, 11]]);
    expect(calls.map((c) => c.rows[0])).toEqual([[7, 8], [9, 10]]);
    await expect(closedLoop({ predict, steps: 2, windows: [[0, 1], [2, 3]], horizon: 5, known: [[7, 8], []] })).rejects.toThrow('as many known forecasts');
  });

  it('horizon 0 or no windows: no call at all', async () => {
    const { predict, calls } = ramp(1);
    expect(await closedLoop({ predict, steps: 1, windows: [[1, 2]], horizon: 0 })).toEqual([[]]);
    expect(await closedLoop({ predict, steps: 1, windows: [], horizon: 5 })).toEqual([]);
    expect(calls).toHaveLength(0);
  });

  it('refuses a model whose output does not have `steps` values per row, and uneven windows', async () => {
    const { predict } = ramp(2);
    await expect(closedLoop({ predict, steps: 1, windows: [[1]], horizon: 2 })).rejects.toThrow('returned 2 values for 1 rows of 1');
    await expect(closedLoop({ predict, steps: 2, windows: [[1], [1, 2]], horizon: 2 })).rejects.toThrow('same length');
    await expect(closedLoop({ predict, steps: 0, windows: [[1]], horizon: 2 })).rejects.toThrow('steps 0');
  });
});

describe('open loop', () => {
  it('"last value + 1" reads the true past: the forecast of each step is the previous true value + 1, in one call', async () => {
    const { predict, calls } = ramp(1);
    const forecasts = await openLoop({ predict, steps: 1, windows: [[0, 1, 2]], truths: [[5, 9, 4, 7]], horizon: 4 });
    expect(forecasts).toEqual([[3, 6, 10, 5]]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.shape).toEqual([4, 3, 1]);
    expect(calls[0]?.rows).toEqual([[0, 1, 2], [1, 2, 5], [2, 5, 9], [5, 9, 4]]);
  });

  it('3 steps at once: each block of 3 reads the truth up to its start', async () => {
    const { predict } = ramp(3);
    const truth = [100, 200, 300, 400, 500, 600, 700];
    const forecasts = await openLoop({ predict, steps: 3, windows: [[1, 2]], truths: [truth], horizon: 7 });
    // Blocks start at steps 0, 3 and 6: after the window's 2, after the truth's 300, after its 600.
    expect(forecasts).toEqual([[3, 4, 5, 301, 302, 303, 601]]);
  });

  it('needs a truth of at least the horizon for every window', async () => {
    const { predict } = ramp(1);
    await expect(openLoop({ predict, steps: 1, windows: [[1]], truths: [[1, 2]], horizon: 3 })).rejects.toThrow('at least 3 values');
    await expect(openLoop({ predict, steps: 1, windows: [[1]], truths: [], horizon: 1 })).rejects.toThrow('0 truths for 1 windows');
  });

  it('a perfect model of the series: open and closed loop both equal the truth', async () => {
    // The series x_t = 2t: the model "last + 2" is exact whether it reads the truth or itself.
    const predict: Predict = async (x, [rows = 0, length = 0] = []) =>
      Float32Array.from({ length: rows }, (_, r) => (x[(r + 1) * length - 1] ?? 0) + 2);
    const truth = [8, 10, 12, 14, 16];
    const input = { predict, steps: 1, windows: [[2, 4, 6]], truths: [truth], horizon: 5 };
    expect(await openLoop(input)).toEqual([truth]);
    expect(await closedLoop(input)).toEqual([truth]);
  });
});

describe('errors by horizon', () => {
  it('persistence repeats the last window value', () => {
    expect(persistence([[1, 2, 3], [7]], 3)).toEqual([[3, 3, 3], [7, 7, 7]]);
  });

  it('MAE and RMSE at each step over the series, skipping series without that step', () => {
    const truths = [[0, 0, 0], [1, 1]];
    const forecasts = [[1, -2, 3], [1, 4]];
    expect(errorByHorizon(truths, forecasts, 3, 'mae')).toEqual([0.5, 2.5, 3]);
    expect(errorByHorizon(truths, forecasts, 3, 'rmse')).toEqual([Math.sqrt(0.5), Math.sqrt((4 + 9) / 2), 3]);
    expect(errorByHorizon([[1]], [[1]], 2, 'mae')).toEqual([0, Number.NaN]);
    expect(overallError(truths, forecasts, 3, 'mae')).toBe((1 + 2 + 3 + 0 + 3) / 5);
    expect(overallError(truths, forecasts, 3, 'rmse')).toBe(Math.sqrt((1 + 4 + 9 + 0 + 9) / 5));
  });

  it('continuations: open, closed and naive of "last value + 1", scored; the view of the first series', async () => {
    const { predict, calls } = ramp(1);
    const windows = [[0, 1, 2], [10, 10, 10]];
    const truths = [[3, 4, 5], [10, 10, 10]];
    const result = await continuations({ predict, steps: 1, windows, truths, horizon: 3, kind: 'mae' });
    expect(result.open).toEqual([[3, 4, 5], [11, 11, 11]]);
    expect(result.closed).toEqual([[3, 4, 5], [11, 12, 13]]);
    expect(result.naive).toEqual([[2, 2, 2], [10, 10, 10]]);
    // One open-loop call of 2 × 3 rows; the closed loop reuses its first block and calls twice more.
    expect(calls.map((c) => c.shape[0])).toEqual([6, 2, 2]);
    // Series 1 is constant: the ramp drifts away from it by one more at each step, the open loop stays one off.
    expect(result.errors).toEqual({ kind: 'mae', open: [0.5, 0.5, 0.5], closed: [0.5, 1, 1.5], naive: [0.5, 1, 1.5], series: 2 });
    expect(continuationView(windows, truths, result, 2, 1)).toEqual({ inputStart: 1, input: [10, 10], truth: [10, 10, 10], open: [11, 11, 11], closed: [11, 12, 13] });
  });

  it('affordableSeries: as many series as the budget of timesteps pays for, open and closed, between 1 and the maximum', () => {
    // 50 steps per block, 5 blocks each way: 500 steps a series.
    expect(affordableSeries(1000, 50, 25, 5, 8)).toBe(2);
    expect(affordableSeries(1000, 50, 50, 5, 8)).toBe(1);
    expect(affordableSeries(1000, 50, 500, 5, 8)).toBe(1);
    expect(affordableSeries(1000, 1, 12, 1, 24)).toBe(24);
    expect(affordableSeries(1000, 1, 12, 1, Infinity)).toBe(41);
  });

  it('rowSlices cuts columns out of a row-major array', () => {
    expect(rowSlices([1, 2, 3, 4, 5, 6], 3, 2, 1, 5)).toEqual([[2, 3], [5, 6]]);
    expect(rowSlices([1, 2, 3, 4, 5, 6], 3, 2, 0, 1)).toEqual([[1], [4]]);
  });
});
