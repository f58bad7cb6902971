import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { findExperiment } from '../experiments/registry';
import { seriesOf } from '../state/series';
import type { AnyExperiment } from '../experiments/types';
import { metricsCsv } from './metricsCsv';
import { metricsJson, RESULTS_FORMAT } from './metricsJson';
import { resultsBaseName, runResults, type RunLike } from './runResults';

const regression = findExperiment('regression') as AnyExperiment;
const timeseries = findExperiment('timeseries') as AnyExperiment;

/** A run of 6 steps with a validation loss scored at steps 3 and 6 and a NaN loss at step 5. */
function run(overrides: Partial<RunLike> = {}): RunLike {
  return {
    experimentId: 'regression',
    seed: 4,
    values: { problem: 'a', arch: 'simple', epochs: 2, bs: 5, val: 0.2, opt: 'adam', lr: 0.001, mom: 0, clip: 0, test: '', data: '', horizon: 10 },
    engine: 'fused',
    backend: 'cpu',
    paramCount: 10451,
    elapsedMs: 1234,
    // As the page holds a run's curves: Float64Array columns.
    series: seriesOf({
      metricNames: ['loss', 'val_loss'],
      samples: [5, 10, 16, 21, 26, 32],
      values: [
        [9.5, 8.25, 7, 6.5, Number.NaN, 5.125],
        [Number.NaN, Number.NaN, 12.5, Number.NaN, Number.NaN, 10.75],
      ],
    }),
    outcome: { status: 'completed', steps: 6, samplesSeen: 32, evaluation: { metrics: { prediction: 441.5, error: 8.5 } } },
    ...overrides,
  };
}

describe('metrics CSV', () => {
  it('has one row per step and a column per metric, and parses back to the same numbers', () => {
    const csv = metricsCsv(runResults(regression, run()));
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(['step', 'samples_seen', 'loss', 'val_loss']);
    expect(parsed.data).toHaveLength(6);
    expect(parsed.data.map((row) => Number(row.step))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(parsed.data.map((row) => Number(row.samples_seen))).toEqual([5, 10, 16, 21, 26, 32]);
    expect(parsed.data.map((row) => row.loss)).toEqual(['9.5', '8.25', '7', '6.5', '', '5.125']);
    expect(parsed.data.map((row) => row.val_loss)).toEqual(['', '', '12.5', '', '', '10.75']);
  });

  it('is a header alone for a run without points', () => {
    const csv = metricsCsv(runResults(regression, run({ series: null, outcome: null })));
    expect(csv).toBe('step,samples_seen\n');
  });
});

describe('metrics JSON', () => {
  it('holds the settings, the evaluation with its labels and every curve, NaN as null', () => {
    const results = runResults(regression, run());
    const parsed = JSON.parse(metricsJson(results, new Date('2026-12-01T10:00:00Z'))) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      format: RESULTS_FORMAT,
      version: 1,
      exportedAt: '2026-12-01T10:00:00.000Z',
      experiment: { id: 'regression', title: regression.title },
      seed: 4,
      engine: 'fused',
      backend: 'cpu',
      paramCount: 10451,
      status: 'completed',
      steps: 6,
      samplesSeen: 32,
      elapsedMs: 1234,
    });
    expect(parsed.params).toMatchObject({ problem: 'a', lr: 0.001, epochs: 2 });
    expect(parsed.evaluation).toEqual([
      { key: 'prediction', label: 'Prediction for the test input', value: 441.5 },
      { key: 'error', label: 'Error', value: 8.5 },
    ]);
    expect(parsed.curves).toEqual({
      samplesSeen: [5, 10, 16, 21, 26, 32],
      metrics: { loss: [9.5, 8.25, 7, 6.5, null, 5.125], val_loss: [null, null, 12.5, null, null, 10.75] },
    });
  });

  it('leaves a data file out of the params and says so', () => {
    const csvText = 'date,value\n1962-01,589\n';
    const values = { series: 'milk', csv: csvText, dateCol: '', valueCol: '', lookBack: 1, horizon: 12, train: 0.67, scale: 'min-max', units: 4, epochs: 100, bs: 1, opt: 'adam', lr: 0.001, mom: 0, clip: 0 };
    const results = runResults(timeseries, run({ experimentId: 'timeseries', values }));
    const parsed = JSON.parse(metricsJson(results, new Date(0))) as { params: Record<string, unknown>; omittedParams: string[] };
    expect(parsed.params).not.toHaveProperty('csv');
    expect(parsed.omittedParams).toContain('csv');
    expect(parsed.params.lookBack).toBe(1);
  });

  it('names files after the experiment, seed and run', () => {
    expect(resultsBaseName({ experimentId: 'echo', seed: 3 }, 2)).toBe('lstm-echo-seed3-run2');
  });
});
