import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run';
import { createStreams } from '../../engine/random';
import { summarize } from '../../engine/summary';
import { defaultValues } from '../params';
import type { Predict } from '../types';
import { resolveValues } from '../values';
import { timeSeriesExperiment, type TimeSeriesValues } from './experiment';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const milk = readFileSync(new URL('../../../public/data/monthly-milk-production.csv', import.meta.url), 'utf8');
const withMilk = (patch: Partial<TimeSeriesValues> = {}) =>
  resolveValues(timeSeriesExperiment, { ...defaultValues(timeSeriesExperiment.params), csv: milk, ...patch }) as { values: TimeSeriesValues; warnings: string[] };

describe('time-series experiment', () => {
  it('the reference model LSTM(4) → Dense(1) over look-back steps of one feature: 101 parameters', () => {
    const { values } = withMilk();
    expect(summarize(timeSeriesExperiment.model(values)).totalParams).toBe(4 * (4 * (1 + 4) + 4) + 5);
    expect(timeSeriesExperiment.model({ ...values, lookBack: 12 }).inputShape).toEqual([12, 1]);
    // 168 months: 112 train, 111 train pairs with look-back 1; 100 epochs of them.
    expect(timeSeriesExperiment.plan(values).totalSamples).toBe(100 * 111);
  });

  it('each epoch: the train windows shuffled, the test period as validation', () => {
    const { values } = withMilk({ epochs: 2, bs: 50 });
    const batches = [...timeSeriesExperiment.batches(values, createStreams(1))];
    expect(batches.map((b) => b.xShape)).toEqual([[50, 1, 1], [50, 1, 1], [11, 1, 1], [50, 1, 1], [50, 1, 1], [11, 1, 1]]);
    expect(batches.map((b) => b.epochEnd === true)).toEqual([false, false, true, false, false, true]);
    expect(timeSeriesExperiment.validation?.(values)?.xShape).toEqual([56, 1, 1]);
  });

  it('a model that predicts the previous value scores exactly the naive forecast', async () => {
    const { values } = withMilk();
    // With look-back 1 the input is the previous (scaled) value: echo it.
    const previous: Predict = async (x) => Float32Array.from(x);
    const { metrics } = await timeSeriesExperiment.evaluate(values, previous, createStreams(1).evaluation);
    expect(metrics.trainRmse).toBeCloseTo(metrics.naiveTrain ?? 0, 3);
    expect(metrics.testRmse).toBeCloseTo(metrics.naiveTest ?? 0, 3);
    expect(metrics.naiveTrain).toBeCloseTo(44.58, 2);
    expect(metrics.naiveTest).toBeCloseTo(46.76, 2);
    // Fed back, it stays flat: the closed loop over the horizon is the naive multi-step forecast.
    expect(metrics.closedTest).toBeCloseTo(metrics.naiveAhead ?? 0, 3);
    expect(metrics.naiveAhead).toBeGreaterThan(metrics.naiveTest ?? 0);
  });

  it('preview: the test period forecast 12 months ahead from its first month, errors over starts in the test period', async () => {
    const { values } = withMilk();
    const previous: Predict = async (x) => Float32Array.from(x);
    const preview = await timeSeriesExperiment.preview(values, previous, createStreams(1).preview);
    const { view, errors } = preview.ahead;
    expect(view.truth).toEqual(preview.values.slice(112, 124));
    expect(view.input).toEqual(preview.values.slice(112 - 24, 112));
    view.closed.forEach((v) => expect(v).toBeCloseTo(preview.values[111] ?? 0, 3));
    view.open.forEach((v, i) => expect(v).toBeCloseTo(preview.values[111 + i] ?? 0, 3));
    // 56 test months: starts 112 … 156, 45 of them, thinned to at most 24.
    expect(errors.series).toBe(23);
    expect(errors.closed).toHaveLength(12);
  });

  it('a look-back longer than the train period is shortened, with a note; no data says what to do', () => {
    const tooLong = withMilk({ lookBack: 200 });
    expect(tooLong.values.lookBack).toBe(111);
    expect(tooLong.warnings.join(' ')).toContain('Using a look-back of 111');
    const custom = resolveValues(timeSeriesExperiment, { ...defaultValues(timeSeriesExperiment.params), series: 'custom' });
    expect(custom.warnings.join(' ')).toContain('upload or paste a CSV');
    expect(timeSeriesExperiment.plan(custom.values as TimeSeriesValues).totalSamples).toBe(0);
    expect(timeSeriesExperiment.sampleBatch(custom.values as TimeSeriesValues, createStreams(1).preview, 2).xShape).toEqual([0, 1, 1]);
  });

  it('the CLI reads the bundled file and reaches the reference on milk (train RMSE near 43, naive 44.58 / 46.76)', async () => {
    const result = await runCli(['timeseries', '--backend', 'fused', '--seed', '2']);
    expect(result.evaluation?.trainRmse).toBeGreaterThan(42);
    expect(result.evaluation?.trainRmse).toBeLessThan(44.5);
    expect(result.evaluation?.testRmse).toBeGreaterThan(44);
    expect(result.evaluation?.testRmse).toBeLessThan(53);
    await expect(runCli(['timeseries', '--series', 'custom'])).rejects.toThrow('pass --data file.csv');
    await expect(runCli(['echo', '--data', 'x.csv'])).rejects.toThrow('--data does not apply');
  });
});
