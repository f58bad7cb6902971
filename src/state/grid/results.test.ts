import { describe, expect, it } from 'vitest';
import { findExperiment } from '../../experiments/registry';
import { seriesOf } from '../series';
import { checkDraft, draftOf, emptyDraft } from './draft';
import type { GridDef } from './definition';
import { gridResults, lastFinite, runScore, type ScoredRun } from './results';

const curves = findExperiment('curves');
const echo = findExperiment('echo');
if (!curves || !echo) throw new Error('experiments missing');

function run(point: number, metrics: Record<string, number>, loss = 0.5, status = 'done'): ScoredRun {
  return { status, point, outcome: { status: 'completed', steps: 1, samplesSeen: 1, lastValues: [loss], evaluation: { metrics } }, series: null };
}

describe('runScore', () => {
  it('an evaluation metric, the final training loss, the last finite validation loss', () => {
    const series = seriesOf({ metricNames: ['loss', 'val_loss'], samples: [5, 10, 15], values: [[0.3, 0.2, 0.1], [0.9, 0.4, Number.NaN]] });
    const r: ScoredRun = { ...run(0, { validationMse: 0.25 }, 0.1), series };
    expect(runScore(r, 'validationMse')).toBe(0.25);
    expect(runScore(r, 'loss')).toBe(0.1);
    expect(runScore(r, 'val_loss')).toBe(0.4);
    expect(lastFinite(series, 'nope')).toBeNaN();
  });
  it('unfinished or failed runs have no score', () => {
    expect(runScore(run(0, { validationMse: 0.25 }, 0.1, 'running'), 'validationMse')).toBeNaN();
    expect(runScore({ status: 'error', point: 0, outcome: null, series: null }, 'loss')).toBeNaN();
  });
});

describe('gridResults', () => {
  const grid: GridDef = { axes: [{ param: 'units', values: [1, 5] }], repeats: 4, score: 'validationMse' };

  it('summarises each point (hand-computed quartiles) and marks the lowest mean error best', () => {
    const runs = [
      ...[0.4, 0.1, 0.3, 0.2].map((v) => run(0, { validationMse: v })),
      ...[0.05, 0.15].map((v) => run(1, { validationMse: v })),
      run(1, {}, 0.5, 'running'),
      run(1, {}, 0.5, 'error'),
    ];
    const { points, score } = gridResults(curves, grid, runs);
    expect(score.label).toBe('Validation MSE');
    const first = points[0]?.summary;
    // 0.1 0.2 0.3 0.4: Q1 at position 0.75 → 0.175, median 0.25, Q3 at 2.25 → 0.325; sd √(0.05/3).
    expect(first?.count).toBe(4);
    expect(first?.mean).toBeCloseTo(0.25, 12);
    expect(first?.q1).toBeCloseTo(0.175, 12);
    expect(first?.median).toBeCloseTo(0.25, 12);
    expect(first?.q3).toBeCloseTo(0.325, 12);
    expect(first?.std).toBeCloseTo(Math.sqrt(0.05 / 3), 12);
    expect(points[1]?.summary?.mean).toBeCloseTo(0.1, 12);
    expect(points.map((p) => [p.finished, p.total, p.best])).toEqual([[4, 4, false], [3, 4, true]]);
  });

  it('an accuracy: the highest mean is best', () => {
    const g: GridDef = { axes: [{ param: 'units', values: [2, 20] }], repeats: 1, score: 'accuracy' };
    const { points } = gridResults(echo, g, [run(0, { accuracy: 0.9 }), run(1, { accuracy: 0.4 })]);
    expect(points.map((p) => p.best)).toEqual([true, false]);
  });

  it('no finished run: no summary, nothing best', () => {
    const { points } = gridResults(curves, grid, []);
    expect(points.map((p) => [p.summary, p.best])).toEqual([[null, false], [null, false]]);
  });
});

describe('checkDraft', () => {
  it('a valid form gives its grid; draftOf gives the form back', () => {
    const draft = { params: ['units', 'bs'] as [string, string], texts: ['1, 5', '1,2'] as [string, string], repeats: '3', score: 'val_loss' };
    const { grid, errors } = checkDraft(curves, draft);
    expect(errors).toEqual({});
    expect(grid).toEqual({ axes: [{ param: 'units', values: [1, 5] }, { param: 'bs', values: [1, 2] }], repeats: 3, score: 'val_loss' });
    if (grid) expect(checkDraft(curves, draftOf(grid)).grid).toEqual(grid);
  });
  it('a message per bad field, and no grid', () => {
    const draft = { params: ['units', 'units'] as [string, string], texts: ['1, 999', '2'] as [string, string], repeats: '0', score: 'loss' };
    expect(checkDraft(curves, draft)).toEqual({
      grid: null,
      errors: { values0: '"999" is outside the knob\'s range (0 to 256).', values1: 'Pick another knob than the first.', repeats: 'A whole number from 1 to 20.' },
    });
  });
  it('too many runs in all', () => {
    const draft = { params: ['units', 'epochs'] as [string, string], texts: ['1,2,3,4,5,6,7,8,9,10', '1,2,3,4'] as [string, string], repeats: '10', score: 'loss' };
    expect(checkDraft(curves, draft).errors.total).toBe('400 runs: at most 300. Use fewer values or repeats.');
  });
  it('an empty form has no grid and no errors', () => {
    expect(checkDraft(curves, emptyDraft(curves))).toEqual({ grid: null, errors: {} });
  });
});
