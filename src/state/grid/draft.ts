/**
 * The grid form as typed (knobs, value lists, repeats, score) and its check: a valid grid, or a
 * message per field. Pure; the form keeps the draft in its store, the URL carries the valid grid.
 */
import type { ParamDefs } from '../../experiments/params';
import type { AnyExperiment } from '../../experiments/types';
import { defaultGridScore, DEFAULT_GRID_REPEATS, gridRunCount, gridScores, isGridKnob, MAX_GRID_REPEATS, MAX_GRID_RUNS, parseValueList, type GridAxis, type GridDef } from './definition';

export interface GridDraft {
  /** Knob keys ('' for "none") and the value list of each, as typed. */
  params: [string, string];
  texts: [string, string];
  repeats: string;
  score: string;
}

export interface DraftCheck {
  grid: GridDef | null;
  /** Messages by field: values0, values1, repeats, total. */
  errors: Partial<Record<'values0' | 'values1' | 'repeats' | 'total', string>>;
}

export function emptyDraft(experiment: AnyExperiment): GridDraft {
  return { params: ['', ''], texts: ['', ''], repeats: String(DEFAULT_GRID_REPEATS), score: defaultGridScore(experiment) };
}

export function draftOf(grid: GridDef): GridDraft {
  const [a, b] = grid.axes;
  return {
    params: [a?.param ?? '', b?.param ?? ''],
    texts: [a?.values.join(', ') ?? '', b?.values.join(', ') ?? ''],
    repeats: String(grid.repeats),
    score: grid.score,
  };
}

export function checkDraft(experiment: AnyExperiment, draft: GridDraft): DraftCheck {
  const errors: DraftCheck['errors'] = {};
  const axes: GridAxis[] = [];
  const defs = experiment.params as ParamDefs;
  draft.params.forEach((param, i) => {
    const def = defs[param];
    if (param === '' || !def || !isGridKnob(experiment, param)) return;
    if (i === 1 && param === draft.params[0]) {
      errors.values1 = 'Pick another knob than the first.';
      return;
    }
    const list = parseValueList(def, draft.texts[i] ?? '');
    if (list.errors.length > 0) errors[i === 0 ? 'values0' : 'values1'] = `${list.errors.join('; ')}.`;
    else axes.push({ param, values: list.values });
  });
  const repeats = draft.repeats.trim() === '' ? Number.NaN : Number(draft.repeats);
  if (!Number.isInteger(repeats) || repeats < 1 || repeats > MAX_GRID_REPEATS) errors.repeats = `A whole number from 1 to ${MAX_GRID_REPEATS}.`;
  const score = gridScores(experiment).some((s) => s.key === draft.score) ? draft.score : defaultGridScore(experiment);
  if (draft.params[0] === '' || Object.keys(errors).length > 0 || axes.length === 0) return { grid: null, errors };
  const grid: GridDef = { axes, repeats, score };
  if (gridRunCount(grid) > MAX_GRID_RUNS) return { grid: null, errors: { total: `${gridRunCount(grid)} runs: at most ${MAX_GRID_RUNS}. Use fewer values or repeats.` } };
  return { grid, errors };
}
