import { describe, expect, it } from 'vitest';
import { MAX_SEED } from '../../engine/random';
import type { ParamDef } from '../../experiments/params';
import { findExperiment } from '../../experiments/registry';
import { expandGrid, gridKnobs, gridPoints, gridRunCount, gridScores, gridSeed, parseValueList, type GridDef } from './definition';

const curves = findExperiment('curves');
const echo = findExperiment('echo');
if (!curves || !echo) throw new Error('experiments missing');

const INT: ParamDef = { kind: 'int', label: 'Units', help: '', section: 'model', default: 5, min: 1, max: 100 };
const CHOICE: ParamDef = { kind: 'choice', label: 'Opt', help: '', section: 'training', default: 'adam', options: [{ value: 'adam', label: 'Adam' }, { value: 'sgd', label: 'SGD' }] };

describe('parseValueList', () => {
  it('reads numbers in range, in order', () => {
    expect(parseValueList(INT, ' 1, 5 ,10 ')).toEqual({ values: [1, 5, 10], errors: [] });
  });
  it('refuses out-of-range, fractional, duplicate and unreadable values with a message each', () => {
    const list = parseValueList(INT, '0, 5, 2.5, 5, abc, 101');
    expect(list.values).toEqual([5]);
    expect(list.errors).toEqual([
      '"0" is outside the knob\'s range (1 to 100)',
      '"2.5" is not a whole number',
      '"5" appears twice',
      '"abc" is not a number',
      '"101" is outside the knob\'s range (1 to 100)',
    ]);
  });
  it('reads options case-insensitively and refuses unknown ones', () => {
    expect(parseValueList(CHOICE, 'SGD, adam, rmsprop')).toEqual({ values: ['sgd', 'adam'], errors: ['"rmsprop" is not one of adam, sgd'] });
  });
  it('an empty list is an error', () => {
    expect(parseValueList(INT, ' , ').errors).toEqual(['enter at least one value, separated by commas']);
  });
});

describe('knobs and scores', () => {
  it('offers numbers and choices, never hidden or boolean knobs', () => {
    const keys = gridKnobs(curves).map(([key]) => key);
    expect(keys).toContain('units');
    expect(keys).toContain('preset');
    expect(keys).toContain('epochs');
  });
  it('scores: the evaluation metrics, the training loss, and the validation loss where there is one', () => {
    expect(gridScores(curves).map((s) => s.key)).toEqual(['validationMse', 'trainMse', 'loss', 'val_loss']);
    expect(gridScores(echo).map((s) => s.key)).toEqual(['accuracy', 'loss']);
    expect(gridScores(echo)[0]?.higherIsBetter).toBe(true);
  });
});

describe('expandGrid', () => {
  const grid: GridDef = { axes: [{ param: 'units', values: [1, 5] }, { param: 'bs', values: [1, 2, 3] }], repeats: 2, score: 'val_loss' };
  const base = { preset: 'good', units: 0, epochs: 10, bs: 32 };

  it('points: every combination, the first knob outermost', () => {
    const points = gridPoints(curves, grid);
    expect(points.map((p) => p.coords)).toEqual([[1, 1], [1, 2], [1, 3], [5, 1], [5, 2], [5, 3]]);
    expect(points[4]?.label).toBe('LSTM units 5 · Batch size 2');
    expect(gridRunCount(grid)).toBe(12);
  });

  it('runs repeat by repeat, consecutive seeds from the page seed, the grid values over the base', () => {
    const runs = expandGrid(curves, grid, base, 7);
    expect(runs).toHaveLength(12);
    expect(runs.map((r) => r.seed)).toEqual([7, 7, 7, 7, 7, 7, 8, 8, 8, 8, 8, 8]);
    expect(runs.map((r) => r.point)).toEqual([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5]);
    expect(runs[10]?.values).toEqual({ preset: 'good', units: 5, epochs: 10, bs: 2 });
    expect(runs[10]?.label).toBe('LSTM units 5 · Batch size 2, seed 8');
    // Every point has the same seeds: differences between points are not differences of luck.
    for (let p = 0; p < 6; p++) expect(runs.filter((r) => r.point === p).map((r) => r.seed)).toEqual([7, 8]);
  });

  it('seeds wrap past the largest', () => {
    expect(gridSeed(MAX_SEED, 0)).toBe(MAX_SEED);
    expect(gridSeed(MAX_SEED, 1)).toBe(0);
  });

  it('a choice knob is labelled by its options', () => {
    const points = gridPoints(curves, { axes: [{ param: 'opt', values: ['adam', 'sgd'] }], repeats: 1, score: 'loss' });
    expect(points.map((p) => p.label)).toEqual(['Optimizer Adam', 'Optimizer SGD (with momentum)']);
  });
});
