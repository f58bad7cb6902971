/**
 * Which settings differ between runs picked for comparison: the rows the comparison table shows
 * (only those, so the one change that matters is not lost among twenty equal ones).
 */
import { clip, type ParamDef, type ParamDefs } from '../../experiments/params';
import type { HistoryRun } from './record';

export interface SettingRow {
  key: string;
  label: string;
  /** The value of each run, in the order given, as text ("–" where a run has no such setting). */
  cells: string[];
}

type ComparedRun = Pick<HistoryRun, 'experimentId' | 'experimentTitle' | 'values' | 'seed'>;

/** A setting's value in words: a choice by its label, a switch as on/off, long text shortened. */
export function formatSetting(def: ParamDef | undefined, value: number | string | boolean | undefined): string {
  if (value === undefined) return '–';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (def?.kind === 'choice') return def.options.find((option) => option.value === value)?.label ?? String(value);
  if (typeof value === 'string') return clip(value.replace(/\s+/g, ' '), 30);
  return String(value);
}

/**
 * The settings whose values are not all equal across the runs: the experiment, the seed, then
 * each knob in the order the experiments declare them. `defsOf` gives an experiment's knobs (for
 * labels and choice names); a run of an experiment the page no longer has shows raw names.
 */
export function differingSettings(runs: readonly ComparedRun[], defsOf: (experimentId: string) => ParamDefs | undefined): SettingRow[] {
  if (runs.length < 2) return [];
  const rows: SettingRow[] = [];
  const differs = (cells: readonly unknown[]) => cells.some((cell) => cell !== cells[0]);

  if (differs(runs.map((run) => run.experimentId))) {
    rows.push({ key: 'experiment', label: 'Experiment', cells: runs.map((run) => run.experimentTitle || run.experimentId) });
  }
  if (differs(runs.map((run) => run.seed))) rows.push({ key: 'seed', label: 'Seed', cells: runs.map((run) => String(run.seed)) });

  const keys: string[] = [];
  for (const run of runs) {
    const declared = Object.keys(defsOf(run.experimentId) ?? {});
    for (const key of [...declared.filter((k) => Object.hasOwn(run.values, k)), ...Object.keys(run.values)]) {
      if (!keys.includes(key)) keys.push(key);
    }
  }
  for (const key of keys) {
    const values = runs.map((run) => (Object.hasOwn(run.values, key) ? run.values[key] : undefined));
    if (!differs(values)) continue;
    const defs = runs.map((run) => {
      const all = defsOf(run.experimentId);
      return all && Object.hasOwn(all, key) ? all[key] : undefined;
    });
    const label = defs.find((def) => def !== undefined)?.label ?? key;
    rows.push({ key: `param-${key}`, label, cells: values.map((value, i) => formatSetting(defs[i], value)) });
  }
  return rows;
}
