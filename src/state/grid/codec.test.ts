import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidValue, type ParamDefs } from '../../experiments/params';
import { EXPERIMENTS, findExperiment } from '../../experiments/registry';
import type { AnyExperiment } from '../../experiments/types';
import { parseUrl } from '../url';
import { GRID_KEYS, gridQuery, parseGrid, type ParsedGrid } from './codec';
import { gridKnobs, gridRunCount, gridScores, MAX_GRID_AXES, MAX_GRID_REPEATS, MAX_GRID_RUNS, MAX_GRID_VALUES, type GridDef, type GridValue } from './definition';

const curves = findExperiment('curves');
if (!curves) throw new Error('curves missing');

function parseSearch(experiment: AnyExperiment, search: string): ParsedGrid {
  const query = new URLSearchParams(search);
  return parseGrid(experiment, (key) => query.get(key) ?? undefined);
}

/** The reason a parsed grid is not a valid grid of the experiment, or null. */
function gridProblem(experiment: AnyExperiment, grid: GridDef | null): string | null {
  if (!grid) return null;
  const defs = experiment.params as ParamDefs;
  if (grid.axes.length < 1 || grid.axes.length > MAX_GRID_AXES) return `${grid.axes.length} axes`;
  if (new Set(grid.axes.map((a) => a.param)).size !== grid.axes.length) return 'a knob twice';
  for (const axis of grid.axes) {
    const def = defs[axis.param];
    if (!def || !gridKnobs(experiment).some(([k]) => k === axis.param)) return `bad knob ${axis.param}`;
    if (axis.values.length < 1 || axis.values.length > MAX_GRID_VALUES) return `${axis.values.length} values`;
    if (new Set(axis.values).size !== axis.values.length) return 'a value twice';
    for (const value of axis.values) if (!isValidValue(def, value)) return `invalid ${axis.param}=${String(value)}`;
  }
  if (!Number.isInteger(grid.repeats) || grid.repeats < 1 || grid.repeats > MAX_GRID_REPEATS) return `repeats ${grid.repeats}`;
  if (gridRunCount(grid) > MAX_GRID_RUNS) return 'too many runs';
  if (!gridScores(experiment).some((s) => s.key === grid.score)) return `score ${grid.score}`;
  return null;
}

describe('parseGrid: well-formed links', () => {
  it('one knob', () => {
    expect(parseSearch(curves, '?grid=units:1,5,10&gridreps=5&gridscore=val_loss')).toEqual({
      grid: { axes: [{ param: 'units', values: [1, 5, 10] }], repeats: 5, score: 'val_loss' },
      warnings: [],
    });
  });
  it('two knobs, a choice among them; repeats and score default', () => {
    expect(parseSearch(curves, '?grid=units:1,5;opt:adam,sgd')).toEqual({
      grid: { axes: [{ param: 'units', values: [1, 5] }, { param: 'opt', values: ['adam', 'sgd'] }], repeats: 5, score: 'validationMse' },
      warnings: [],
    });
  });
  it('no grid, no warnings', () => {
    expect(parseSearch(curves, '?exp=curves&units=3')).toEqual({ grid: null, warnings: [] });
  });
  it('gridQuery writes the form the examples use', () => {
    expect(gridQuery({ axes: [{ param: 'units', values: [1, 5, 10] }], repeats: 5, score: 'val_loss' })).toBe('grid=units:1,5,10&gridreps=5&gridscore=val_loss');
  });
  it('the page URL parser leaves the grid keys to the grid codec (no warnings)', () => {
    expect(parseUrl('?exp=curves&grid=units:1,5&gridreps=2&gridscore=loss').warnings).toEqual([]);
    expect(GRID_KEYS).toEqual(['grid', 'gridreps', 'gridscore']);
  });
});

describe('parseGrid: bad links keep what they can and say what they dropped', () => {
  it('values out of range, unknown knobs, a knob twice, too many knobs', () => {
    const { grid, warnings } = parseSearch(curves, '?grid=units:1,999,x;nope:1;units:2;epochs:5;bs:1&gridreps=0&gridscore=acc');
    expect(grid).toEqual({ axes: [{ param: 'units', values: [1] }, { param: 'epochs', values: [5] }], repeats: 5, score: 'validationMse' });
    expect(warnings).toEqual([
      'Grid, LSTM units: "999" is outside the knob\'s range (0 to 256); dropped.',
      'Grid, LSTM units: "x" is not a number; dropped.',
      'Grid: "nope" is not a knob of Learning curves: diagnose the fit a grid can vary; ignored.',
      'Grid: LSTM units appears twice; using the first list.',
      'Grid: at most 2 knobs; ignored the other 1.',
      'Grid repeats "0" is not a whole number from 1 to 20; using 5.',
      'Grid score "acc" is not one of validationMse, trainMse, loss, val_loss; using validationMse.',
    ]);
  });
  it('nothing usable: no grid, with a warning', () => {
    expect(parseSearch(curves, '?grid=units:abc')).toEqual({
      grid: null,
      warnings: ['Grid, LSTM units: "abc" is not a number; dropped.', 'The grid in the link has no usable knob; no grid.'],
    });
  });
  it('too many runs: fewer repeats', () => {
    const { grid, warnings } = parseSearch(curves, '?grid=units:1,2,3,4,5,6,7,8,9,10,11,12;epochs:1,2,3,4,5&gridreps=20');
    expect(grid?.repeats).toBe(5);
    expect(warnings).toEqual(['Grid: at most 300 runs; 5 repeats per point.']);
  });
});

/** A valid grid of an experiment, from its grid knobs. */
function arbGrid(experiment: AnyExperiment): fc.Arbitrary<GridDef> {
  const knobs = gridKnobs(experiment);
  const axis = fc.constantFrom(...knobs).chain(([param, def]) => {
    const value: fc.Arbitrary<GridValue> =
      def.kind === 'choice'
        ? fc.constantFrom(...def.options.map((o) => o.value))
        : def.kind === 'int'
          ? fc.integer({ min: def.min, max: def.max })
          : def.kind === 'number'
            ? fc.double({ min: def.min, max: def.max, noNaN: true }).map((v) => (v === 0 ? 0 : v))
            : fc.constant(String(def.default));
    return fc.uniqueArray(value, { minLength: 1, maxLength: 4 }).map((values) => ({ param, values }));
  });
  return fc
    .tuple(fc.uniqueArray(axis, { minLength: 1, maxLength: 2, selector: (a) => a.param }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(...gridScores(experiment).map((s) => s.key)))
    .map(([axes, repeats, score]) => ({ axes, repeats, score }));
}

const GRID_EXPERIMENTS = EXPERIMENTS.filter((e) => gridKnobs(e).length > 0);

describe('grid codec properties', () => {
  it('round trip: a valid grid comes back equal, without warnings', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GRID_EXPERIMENTS).chain((e) => fc.tuple(fc.constant(e), arbGrid(e))), ([experiment, grid]) => {
        const parsed = parseSearch(experiment, `?exp=${experiment.id}&${gridQuery(grid)}`);
        expect(parsed.warnings).toEqual([]);
        expect(parsed.grid).toEqual(grid);
      }),
      { numRuns: 1000 },
    );
  });

  const piece = fc.oneof(fc.string(), fc.constantFrom('units', 'bs', 'opt', 'epochs', 'preset', ':', ',', ';', '=', '1', '-1', '1e9', 'NaN', 'adam', '0.5', '__proto__', 'constructor'));
  const gridText = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

  it('fuzz: any grid, repeats and score text gives a valid grid or none, and never throws', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GRID_EXPERIMENTS), fc.option(gridText), fc.option(fc.string()), fc.option(piece), (experiment, grid, reps, score) => {
        const get = (key: string) => ({ grid, gridreps: reps, gridscore: score })[key as 'grid'] ?? undefined;
        const parsed = parseGrid(experiment, get);
        const problem = gridProblem(experiment, parsed.grid);
        if (problem) throw new Error(problem);
        for (const warning of parsed.warnings) expect(typeof warning).toBe('string');
      }),
      { numRuns: 5000 },
    );
  });

  it('fuzz: random query strings through the whole link (URL encoding included)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GRID_EXPERIMENTS), fc.webQueryParameters(), (experiment, query) => {
        const parsed = parseSearch(experiment, `?grid=${query}`);
        const problem = gridProblem(experiment, parsed.grid);
        if (problem) throw new Error(problem);
      }),
      { numRuns: 1000 },
    );
  });
});
