/**
 * The grid definition in the URL: `grid=units:1,5,10;bs:1,2&gridreps=5&gridscore=val_loss`.
 * Parsing never throws: what it cannot use it drops or adjusts and says so, like url.ts.
 */
import { clip, formatValue, type ParamDefs } from '../../experiments/params';
import type { AnyExperiment } from '../../experiments/types';
import {
  DEFAULT_GRID_REPEATS,
  defaultGridScore,
  gridRunCount,
  gridScores,
  isGridKnob,
  MAX_GRID_AXES,
  MAX_GRID_REPEATS,
  MAX_GRID_RUNS,
  parseValueList,
  type GridAxis,
  type GridDef,
} from './definition';

export const GRID_KEYS = ['grid', 'gridreps', 'gridscore'] as const;

export interface ParsedGrid {
  grid: GridDef | null;
  warnings: string[];
}

/** Reads one axis "units:1,5,10" (or "units=1,5,10", as on the command line); null with a warning when unusable. */
function parseAxis(experiment: AnyExperiment, text: string, taken: readonly string[], warnings: string[]): GridAxis | null {
  const match = /^\s*([^:=]*)[:=](.*)$/s.exec(text);
  if (!match) {
    warnings.push(`Grid: "${clip(text)}" is not knob:values; ignored.`);
    return null;
  }
  const key = (match[1] ?? '').trim();
  const def = Object.hasOwn(experiment.params, key) ? (experiment.params as ParamDefs)[key] : undefined;
  if (!def || !isGridKnob(experiment, key)) {
    warnings.push(`Grid: "${clip(key)}" is not a knob of ${experiment.title} a grid can vary; ignored.`);
    return null;
  }
  if (taken.includes(key)) {
    warnings.push(`Grid: ${def.label} appears twice; using the first list.`);
    return null;
  }
  const list = parseValueList(def, match[2] ?? '');
  for (const error of list.errors) warnings.push(`Grid, ${def.label}: ${error}; dropped.`);
  return list.values.length > 0 ? { param: key, values: list.values } : null;
}

/** The grid of a link (or a CLI option) for an experiment; `get` reads one query key. */
export function parseGrid(experiment: AnyExperiment, get: (key: string) => string | undefined): ParsedGrid {
  const warnings: string[] = [];
  const gridText = get('grid');
  if (gridText === undefined) {
    if (get('gridreps') !== undefined || get('gridscore') !== undefined) warnings.push('Grid repeats or score without a grid; ignored.');
    return { grid: null, warnings };
  }
  const axes: GridAxis[] = [];
  const parts = gridText.split(';').filter((part) => part.trim() !== '');
  let extra = 0;
  for (const part of parts) {
    if (axes.length === MAX_GRID_AXES) extra++;
    else {
      const axis = parseAxis(experiment, part, axes.map((a) => a.param), warnings);
      if (axis) axes.push(axis);
    }
  }
  if (extra > 0) warnings.push(`Grid: at most ${MAX_GRID_AXES} knobs; ignored the other ${extra}.`);
  if (axes.length === 0) {
    warnings.push('The grid in the link has no usable knob; no grid.');
    return { grid: null, warnings };
  }

  let repeats = DEFAULT_GRID_REPEATS;
  const repsText = get('gridreps');
  if (repsText !== undefined) {
    const n = repsText.trim() === '' ? Number.NaN : Number(repsText);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_GRID_REPEATS) repeats = n;
    else warnings.push(`Grid repeats "${clip(repsText)}" is not a whole number from 1 to ${MAX_GRID_REPEATS}; using ${DEFAULT_GRID_REPEATS}.`);
  }
  const points = gridRunCount({ axes, repeats: 1, score: '' });
  if (points * repeats > MAX_GRID_RUNS) {
    repeats = Math.max(1, Math.floor(MAX_GRID_RUNS / points));
    warnings.push(`Grid: at most ${MAX_GRID_RUNS} runs; ${repeats} repeats per point.`);
  }

  let score = defaultGridScore(experiment);
  const scoreText = get('gridscore');
  if (scoreText !== undefined) {
    const known = gridScores(experiment).find((s) => s.key === scoreText.trim());
    if (known) score = known.key;
    else warnings.push(`Grid score "${clip(scoreText)}" is not one of ${gridScores(experiment).map((s) => s.key).join(', ')}; using ${score}.`);
  }
  return { grid: { axes, repeats, score }, warnings };
}

/** The grid's query parameters, readable (":", "," and ";" kept as they are). */
export function gridQuery(grid: GridDef): string {
  const axes = grid.axes.map((axis) => `${encodeURIComponent(axis.param)}:${axis.values.map((v) => encodeURIComponent(formatValue(v))).join(',')}`).join(';');
  return `grid=${axes}&gridreps=${grid.repeats}&gridscore=${encodeURIComponent(grid.score)}`;
}
