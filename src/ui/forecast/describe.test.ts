import { describe, expect, it } from 'vitest';
import { continuationLines, describeContinuation, describeErrors, horizonSteps } from './describe';

const view = { inputStart: 8, input: [0.1, 0.2], truth: [0.3, 0.4, 0.5], open: [0.31, 0.41, 0.52], closed: [0.3, 0.35, 0.33] };

describe('continuation chart lines', () => {
  it('the input tail, then the truth and both forecasts at their steps, joined at the last input value', () => {
    const lines = continuationLines(view);
    expect(lines.input).toEqual([
      { x: 8, y: 0.1 },
      { x: 9, y: 0.2 },
    ]);
    const from = { x: 9, y: 0.2 };
    expect(lines.truth).toEqual([from, { x: 10, y: 0.3 }, { x: 11, y: 0.4 }, { x: 12, y: 0.5 }]);
    expect(lines.open).toEqual([from, { x: 10, y: 0.31 }, { x: 11, y: 0.41 }, { x: 12, y: 0.52 }]);
    expect(lines.closed).toEqual([from, { x: 10, y: 0.3 }, { x: 11, y: 0.35 }, { x: 12, y: 0.33 }]);
    expect(lines.clean).toBeUndefined();
    expect(continuationLines({ ...view, clean: [0, 1, 2] }).clean).toEqual([
      { x: 10, y: 0 },
      { x: 11, y: 1 },
      { x: 12, y: 2 },
    ]);
  });

  it('a forecast cut short stops where it ends', () => {
    expect(continuationLines({ ...view, closed: [0.3] }).closed).toEqual([
      { x: 9, y: 0.2 },
      { x: 10, y: 0.3 },
    ]);
  });
});

describe('horizon table steps', () => {
  it('1, the quarters and the horizon, without repeats', () => {
    expect(horizonSteps(50)).toEqual([1, 13, 25, 38, 50]);
    expect(horizonSteps(12)).toEqual([1, 3, 6, 9, 12]);
    expect(horizonSteps(3)).toEqual([1, 2, 3]);
    expect(horizonSteps(1)).toEqual([1]);
    expect(horizonSteps(0)).toEqual([]);
  });
});

describe('text alternatives', () => {
  it('the continuation: its steps and every value of the truth and both forecasts', () => {
    expect(describeContinuation(view, (v) => v.toFixed(2))).toBe(
      'Continuation after the input, 10 to 12. True: 0.30, 0.40, 0.50. Open loop (reading the true past): 0.31, 0.41, 0.52. ' +
        'Closed loop (reading its own forecasts): 0.30, 0.35, 0.33.',
    );
    const long = { ...view, truth: new Array(20).fill(1), open: new Array(20).fill(1), closed: new Array(20).fill(1) };
    expect(describeContinuation(long, String, (t) => `day ${t}`)).toContain('day 10 to day 29. True: 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, … (20 in all).');
  });

  it('the errors at the table’s steps', () => {
    const errors = { kind: 'mae' as const, open: [0.1, 0.1, 0.1], closed: [0.1, 0.2, 0.4], naive: [0.2, 0.3, 0.5], series: 32 };
    expect(describeErrors(errors, (v) => v.toFixed(1))).toBe(
      'Mean absolute error by steps after the input, over 32 series. Open loop: 0.1 at step 1, 0.1 at step 2, 0.1 at step 3. ' +
        'Closed loop: 0.1 at step 1, 0.2 at step 2, 0.4 at step 3. Repeating the last value: 0.2 at step 1, 0.3 at step 2, 0.5 at step 3.',
    );
    expect(describeErrors({ ...errors, kind: 'rmse', series: 1 }, (v) => v.toFixed(1))).toMatch(/^Root mean squared error by steps after the input, on one series\. /);
  });
});
