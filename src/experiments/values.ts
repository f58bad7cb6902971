import { checkValue, clip, defaultValues, isValidValue, type AnyParamValues, type ParamDefs } from './params';
import type { AnyExperiment } from './types';

export interface ResolvedValues {
  values: AnyParamValues;
  /** What was dropped, clamped or adjusted, in words for the page. */
  warnings: string[];
}

/**
 * Turns raw text values (from a URL or the command line) into a complete, valid
 * set of values: unknown names and unreadable values are dropped, out-of-range
 * numbers clamped, and each change reported. Never throws.
 */
export function resolveRawValues(experiment: AnyExperiment, raw: ReadonlyMap<string, string>): ResolvedValues {
  const values: AnyParamValues = defaultValues(experiment.params);
  const warnings: string[] = [];
  for (const [key, text] of raw) {
    const defs: ParamDefs = experiment.params;
    const def = Object.hasOwn(defs, key) ? defs[key] : undefined;
    if (!def) {
      warnings.push(`Ignored unknown setting "${clip(key)}".`);
      continue;
    }
    const result = checkValue(def, text);
    if (!result.ok) {
      warnings.push(`${def.label}: ${result.message}; using the default ${String(def.default)}.`);
      continue;
    }
    values[key] = result.value;
    if (result.note) warnings.push(`${def.label}: ${clip(text)} ${result.note}.`);
  }
  return constrainValues(experiment, values, warnings);
}

/** Completes and checks already-typed values (e.g. from the form or a message), then applies the experiment's constraints. */
export function resolveValues(experiment: AnyExperiment, input: Readonly<Record<string, unknown>>): ResolvedValues {
  const values: AnyParamValues = defaultValues(experiment.params);
  const warnings: string[] = [];
  for (const [key, def] of Object.entries(experiment.params as ParamDefs)) {
    if (!Object.hasOwn(input, key)) continue;
    const value = input[key];
    if (isValidValue(def, value)) values[key] = value as number | string | boolean;
    else warnings.push(`${def.label}: invalid value; using the default ${String(def.default)}.`);
  }
  return constrainValues(experiment, values, warnings);
}

function constrainValues(experiment: AnyExperiment, values: AnyParamValues, warnings: string[]): ResolvedValues {
  if (!experiment.constrain) return { values, warnings };
  const constrained = experiment.constrain(values) as { values: AnyParamValues; notes: string[] };
  return { values: constrained.values, warnings: [...warnings, ...constrained.notes] };
}

/** The values that differ from the experiment's defaults (what a URL needs to carry). */
export function changedValues(experiment: AnyExperiment, values: AnyParamValues): AnyParamValues {
  const changed: AnyParamValues = {};
  for (const [key, def] of Object.entries(experiment.params as ParamDefs)) {
    const value = values[key];
    if (value !== undefined && value !== def.default) changed[key] = value;
  }
  return changed;
}

/** Whether two value sets are equal knob by knob. */
export function sameValues(a: Readonly<AnyParamValues>, b: Readonly<AnyParamValues>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
