/**
 * A grid search: one or two knobs of the current experiment, a list of values each, repeats per
 * grid point with consecutive seeds, and the score to summarise. Pure: the page, the URL codec and
 * the CLI share it.
 */
import { MAX_SEED } from '../../engine/random';
import { checkValue, clip, type ParamDef, type ParamDefs } from '../../experiments/params';
import type { AnyExperiment, AnyParamValues } from '../../experiments/types';

export type GridValue = number | string;

export interface GridAxis {
  param: string;
  values: GridValue[];
}

export interface GridDef {
  /** One or two axes, distinct knobs. */
  axes: GridAxis[];
  /** Runs per grid point, seeds seed, seed + 1, … */
  repeats: number;
  /** A key of gridScores(experiment). */
  score: string;
}

export const MAX_GRID_AXES = 2;
export const MAX_GRID_VALUES = 12;
export const MAX_GRID_REPEATS = 20;
export const MAX_GRID_RUNS = 300;
export const DEFAULT_GRID_REPEATS = 5;

export interface GridScore {
  key: string;
  label: string;
  /** Which end is better: accuracies are higher-is-better, losses and errors lower. */
  higherIsBetter: boolean;
  percent: boolean;
}

/** The knobs a grid can vary: visible numbers, whole numbers and choices. */
export function gridKnobs(experiment: AnyExperiment): [string, ParamDef][] {
  return Object.entries(experiment.params as ParamDefs).filter(([, def]) => !def.hidden && (def.kind === 'int' || def.kind === 'number' || def.kind === 'choice'));
}

export function isGridKnob(experiment: AnyExperiment, key: string): boolean {
  return gridKnobs(experiment).some(([k]) => k === key);
}

/** Every evaluation metric, the final training loss, and the final validation loss where there is one. */
export function gridScores(experiment: AnyExperiment): GridScore[] {
  const scores: GridScore[] = experiment.evaluationMetrics.map((info) => ({
    key: info.key,
    label: info.label,
    higherIsBetter: info.format === 'percent',
    percent: info.format === 'percent',
  }));
  if (!scores.some((s) => s.key === 'loss')) scores.push({ key: 'loss', label: 'Final training loss', higherIsBetter: false, percent: false });
  if (experiment.validation) scores.push({ key: 'val_loss', label: 'Final validation loss', higherIsBetter: false, percent: false });
  return scores;
}

export function defaultGridScore(experiment: AnyExperiment): string {
  return gridScores(experiment)[0]?.key ?? 'loss';
}

export interface ValueList {
  values: GridValue[];
  /** Why tokens were refused, in words for the page; the values are the tokens that passed. */
  errors: string[];
}

/** Reads "1, 5, 10" against a knob: every value must be in its range or one of its options, once. */
export function parseValueList(def: ParamDef, text: string): ValueList {
  const values: GridValue[] = [];
  const errors: string[] = [];
  const tokens = text.split(',').map((t) => t.trim()).filter((t) => t !== '');
  if (tokens.length === 0) return { values, errors: ['enter at least one value, separated by commas'] };
  for (const token of tokens) {
    const checked = checkValue(def, token);
    if (!checked.ok) errors.push(checked.message);
    else if (checked.note || (typeof checked.value !== 'number' && typeof checked.value !== 'string')) {
      const range = def.kind === 'int' || def.kind === 'number' ? ` (${def.min} to ${def.max})` : '';
      errors.push(`"${clip(token)}" is outside the knob's range${range}`);
    } else if (values.includes(checked.value)) errors.push(`"${clip(token)}" appears twice`);
    else if (values.length >= MAX_GRID_VALUES) errors.push(`at most ${MAX_GRID_VALUES} values`);
    else values.push(checked.value);
  }
  return { values, errors: [...new Set(errors)] };
}

/** The text of a value in a label: a choice's option label, else the number. */
export function valueLabel(def: ParamDef | undefined, value: GridValue): string {
  if (def?.kind === 'choice') return def.options.find((o) => o.value === value)?.label ?? String(value);
  return String(value);
}

export interface GridPoint {
  index: number;
  /** The value of each axis at this point. */
  coords: GridValue[];
  label: string;
}

/** Every combination, the first axis outermost. */
export function gridPoints(experiment: AnyExperiment, grid: GridDef): GridPoint[] {
  const defs = experiment.params as ParamDefs;
  let combos: GridValue[][] = [[]];
  for (const axis of grid.axes) combos = combos.flatMap((combo) => axis.values.map((value) => [...combo, value]));
  return combos.map((coords, index) => ({
    index,
    coords,
    label: coords.map((value, a) => {
      const key = grid.axes[a]?.param ?? '';
      return `${defs[key]?.label ?? key} ${valueLabel(defs[key], value)}`;
    }).join(' · '),
  }));
}

export function gridRunCount(grid: GridDef): number {
  return grid.axes.reduce((n, axis) => n * axis.values.length, 1) * grid.repeats;
}

/** The seed of the repeat-th run of every point: consecutive from the page's seed (wrapping past the largest). */
export function gridSeed(seed: number, repeat: number): number {
  return (seed + repeat) % (MAX_SEED + 1);
}

export interface GridVariant {
  point: number;
  repeat: number;
  seed: number;
  values: AnyParamValues;
  label: string;
}

/**
 * The runs of a grid, repeat by repeat (every point's first run, then every point's second…), so a
 * grid cancelled half-way has results for every point.
 */
export function expandGrid(experiment: AnyExperiment, grid: GridDef, base: AnyParamValues, seed: number): GridVariant[] {
  const points = gridPoints(experiment, grid);
  const variants: GridVariant[] = [];
  for (let repeat = 0; repeat < grid.repeats; repeat++) {
    for (const point of points) {
      const values: AnyParamValues = { ...base };
      point.coords.forEach((value, a) => {
        const key = grid.axes[a]?.param;
        if (key !== undefined) values[key] = value;
      });
      const s = gridSeed(seed, repeat);
      variants.push({ point: point.index, repeat, seed: s, values, label: `${point.label}, seed ${s}` });
    }
  }
  return variants;
}
