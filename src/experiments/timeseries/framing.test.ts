import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractSeries, parseTable } from './csv';
import {
  frameForecast,
  lagWindows,
  minMaxScaler,
  persistenceForecast,
  persistenceRmse,
  rmse,
  splitTrainTest,
  splitWindows,
  standardScaler,
} from './framing';

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

function milk(): number[] {
  const text = readFileSync(new URL('../../../public/data/monthly-milk-production.csv', import.meta.url), 'utf8');
  const parsed = parseTable(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const result = extractSeries(parsed.table, { dateColumn: 'date', valueColumn: 'value' });
  if (!result.ok) throw new Error(result.error);
  return result.series.values;
}

describe('scalers', () => {
  it('min-max maps the train range to [0, 1] and extrapolates beyond it', () => {
    const scaler = minMaxScaler([2, 4, 6]);
    expect(scaler).toMatchObject({ kind: 'min-max', min: 2, max: 6, offset: 2, scale: 4 });
    expect(scaler.transform([2, 4, 6, 8, 0])).toEqual([0, 0.5, 1, 1.5, -0.5]);
    expect(scaler.inverse([0, 0.5, 1, 1.5])).toEqual([2, 4, 6, 8]);
  });

  it('standardisation uses the mean and the population standard deviation', () => {
    const scaler = standardScaler([1, 2, 3, 4]);
    expect(scaler.mean).toBe(2.5);
    expect(scaler.std).toBeCloseTo(Math.sqrt(1.25), 15);
    const scaled = scaler.transform([1, 2, 3, 4]);
    expect(scaled.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(scaled[3]).toBeCloseTo(1.5 / Math.sqrt(1.25), 12);
  });

  it('a constant train series does not divide by zero: it maps to 0 and back', () => {
    for (const scaler of [minMaxScaler([5, 5, 5]), standardScaler([5, 5, 5])]) {
      expect(scaler.scale).toBe(1);
      expect(scaler.transform([5, 6, 4])).toEqual([0, 1, -1]);
      expect(scaler.inverse([0, 1, -1])).toEqual([5, 6, 4]);
    }
  });

  it('refuses to fit on no values or on non-finite values', () => {
    expect(() => minMaxScaler([])).toThrow(RangeError);
    expect(() => standardScaler([1, Number.NaN])).toThrow(RangeError);
  });

  it('inverse undoes transform', () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 30 }), fc.array(finite, { maxLength: 30 }), (train, other) => {
        for (const scaler of [minMaxScaler(train), standardScaler(train)]) {
          const back = scaler.inverse(scaler.transform(other));
          back.forEach((value, i) => expect(value).toBeCloseTo(other[i] ?? Number.NaN, 3));
        }
      }),
      { numRuns: 3000 },
    );
    // Found by the property above: a spread of 5e-324 overflowed the transform to infinity.
    const denormal = minMaxScaler([0, 5e-324]);
    expect(denormal.scale).toBe(1);
    expect(denormal.inverse(denormal.transform([-8.881784197001252e-16]))).toEqual([-8.881784197001252e-16]);
  });
});

describe('splitTrainTest', () => {
  it('puts floor(n · fraction) points first in the train period, like int(len(dataset) * 0.67)', () => {
    expect(splitTrainTest(168)).toEqual({ trainSize: 112, testSize: 56 });
    expect(splitTrainTest(144)).toEqual({ trainSize: 96, testSize: 48 });
    expect(splitTrainTest(36)).toEqual({ trainSize: 24, testSize: 12 });
    expect(splitTrainTest(3650)).toEqual({ trainSize: 2445, testSize: 1205 });
    expect(splitTrainTest(10, 0.5)).toEqual({ trainSize: 5, testSize: 5 });
    expect(splitTrainTest(0)).toEqual({ trainSize: 0, testSize: 0 });
    expect(splitTrainTest(7, 1)).toEqual({ trainSize: 7, testSize: 0 });
  });

  it('refuses a fraction outside [0, 1] or a length that is not a count', () => {
    expect(() => splitTrainTest(10, 1.5)).toThrow(RangeError);
    expect(() => splitTrainTest(10, Number.NaN)).toThrow(RangeError);
    expect(() => splitTrainTest(2.5)).toThrow(RangeError);
  });
});

describe('lagWindows', () => {
  it('shifts by one with lookBack 1: every (t − 1, t) pair, the last one too', () => {
    expect(lagWindows([10, 20, 30], 1)).toEqual([
      { inputs: [10], target: 20, targetIndex: 1 },
      { inputs: [20], target: 30, targetIndex: 2 },
    ]);
  });

  it('frames [1..6] with lookBack 2 into 4 windows', () => {
    expect(lagWindows([1, 2, 3, 4, 5, 6], 2)).toEqual([
      { inputs: [1, 2], target: 3, targetIndex: 2 },
      { inputs: [2, 3], target: 4, targetIndex: 3 },
      { inputs: [3, 4], target: 5, targetIndex: 4 },
      { inputs: [4, 5], target: 6, targetIndex: 5 },
    ]);
  });

  it('gives no window when the series is not longer than lookBack; refuses lookBack < 1', () => {
    expect(lagWindows([1, 2], 2)).toEqual([]);
    expect(lagWindows([], 1)).toEqual([]);
    expect(() => lagWindows([1, 2, 3], 0)).toThrow(RangeError);
    expect(() => lagWindows([1, 2, 3], 1.5)).toThrow(RangeError);
  });

  it('test windows take their inputs from the end of the train period', () => {
    const { train, test } = splitWindows(lagWindows([1, 2, 3, 4, 5, 6], 2), 4);
    expect(train.map((w) => w.targetIndex)).toEqual([2, 3]);
    expect(test.map((w) => w.targetIndex)).toEqual([4, 5]);
    expect(test[0]?.inputs).toEqual([3, 4]);
  });

  it('frames n − lookBack pairs, each the lookBack values before its target, split by target index', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), fc.nat(40), (values, lookBack, trainSize) => {
        const windows = lagWindows(values, lookBack);
        expect(windows).toHaveLength(Math.max(0, values.length - lookBack));
        windows.forEach((w, i) => {
          expect(w.targetIndex).toBe(lookBack + i);
          expect(w.target).toBe(values[w.targetIndex]);
          expect(w.inputs).toEqual(values.slice(w.targetIndex - lookBack, w.targetIndex));
        });
        const { train, test } = splitWindows(windows, trainSize);
        expect([...train, ...test]).toEqual(windows);
        expect(train.every((w) => w.targetIndex < trainSize)).toBe(true);
        expect(test.every((w) => w.targetIndex >= trainSize)).toBe(true);
      }),
    );
  });
});

describe('rmse and the persistence baseline', () => {
  it('rmse of hand-checked errors', () => {
    expect(rmse([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(rmse([0, 0], [3, -4])).toBeCloseTo(Math.sqrt(12.5), 15);
    expect(rmse([], [])).toBeNaN();
    expect(() => rmse([1], [1, 2])).toThrow(RangeError);
  });

  it('persistence predicts the previous value', () => {
    // Errors 3 − 1 = 2, 2 − 3 = −1, 6 − 2 = 4: sqrt((4 + 1 + 16) / 3).
    expect(persistenceForecast([1, 3, 2, 6], [1, 2, 3])).toEqual([1, 3, 2]);
    expect(persistenceRmse([1, 3, 2, 6], [1, 2, 3])).toBeCloseTo(Math.sqrt(7), 15);
    expect(persistenceRmse([1, 3, 2, 6], [3])).toBe(4);
    expect(() => persistenceForecast([1, 2], [0])).toThrow(RangeError);
    expect(() => persistenceForecast([1, 2], [2])).toThrow(RangeError);
  });

  it('milk, train fraction 0.67, lookBack 1: the naive forecast scores 44.58 on train and 46.76 on test', () => {
    const values = milk();
    const framed = frameForecast(values, { lookBack: 1, trainFraction: 0.67 });
    if (!framed.ok) throw new Error(framed.error);
    expect(framed.split).toEqual({ trainSize: 112, testSize: 56 });
    // All pairs: train targets 1 … 111, test targets 112 … 167 (every test month).
    expect(framed.train.map((w) => w.targetIndex)).toEqual(range(1, 112));
    expect(framed.test.map((w) => w.targetIndex)).toEqual(range(112, 168));
    const train = persistenceRmse(values, framed.train.map((w) => w.targetIndex));
    const test = persistenceRmse(values, framed.test.map((w) => w.targetIndex));
    expect(train).toBeCloseTo(44.5806, 4);
    expect(test).toBeCloseTo(46.7568, 4);
    // The spec's 44.75 and 46.39 come from the reference framing, which framed each part on its
    // own and dropped its last pair: train targets 1 … 110 and test targets 113 … 166. Scored on
    // those points, the same baseline gives the spec's numbers. Framing all pairs adds the
    // target 111 to train and 112 and 167 to test, which moves the baseline by −0.17 and +0.37.
    expect(persistenceRmse(values, range(1, 111))).toBeCloseTo(44.75, 2);
    expect(persistenceRmse(values, range(113, 167))).toBeCloseTo(46.39, 2);
  });
});

describe('frameForecast', () => {
  it('fits the scaler on the train period only and windows the whole scaled series', () => {
    const framed = frameForecast([0, 10, 20, 30, 40, 50], { lookBack: 2, trainFraction: 0.5 });
    if (!framed.ok) throw new Error(framed.error);
    expect(framed.split).toEqual({ trainSize: 3, testSize: 3 });
    expect(framed.scaler).toMatchObject({ kind: 'min-max', min: 0, max: 20 });
    expect(framed.scaled).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(framed.train).toEqual([{ inputs: [0, 0.5], target: 1, targetIndex: 2 }]);
    expect(framed.test).toEqual([
      { inputs: [0.5, 1], target: 1.5, targetIndex: 3 },
      { inputs: [1, 1.5], target: 2, targetIndex: 4 },
      { inputs: [1.5, 2], target: 2.5, targetIndex: 5 },
    ]);
    const standard = frameForecast([0, 10, 20, 30, 40, 50], { lookBack: 1, trainFraction: 0.5, scaling: 'standard' });
    expect(standard.ok && standard.scaler.kind).toBe('standard');
  });

  it('says why settings leave nothing to train or test on', () => {
    const error = (result: ReturnType<typeof frameForecast>): string => (result.ok ? '' : result.error);
    expect(error(frameForecast([1, 2, 3, 4, 5, 6], { lookBack: 3, trainFraction: 0.5 }))).toBe(
      'The train period has 3 values, but a look-back of 3 needs at least 4 to make one training pair. Lower the look-back, raise the train share or use a longer series.',
    );
    expect(error(frameForecast([1, 2, 3], { lookBack: 1, trainFraction: 0.5 }))).toMatch(/^The train period has 1 value,/);
    expect(error(frameForecast([1, 2, 3], { lookBack: 0 }))).toBe('The look-back must be a whole number of at least 1 (it is 0).');
    expect(error(frameForecast([1, 2, 3], { lookBack: 1, trainFraction: 1 }))).toBe('The train share must be between 0 and 1 (it is 1).');
    expect(error(frameForecast([1, Number.POSITIVE_INFINITY, 3], { lookBack: 1 }))).toBe('Every value of the series must be a finite number.');
  });
});
