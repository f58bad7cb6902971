/**
 * The URL carries the experiment, the seed, the backend and every knob that
 * differs from its default: `?exp=echo&seed=42&units=40&lr=0.01`. Parsing
 * never throws; whatever it cannot use it drops or clamps and reports.
 */
import { MAX_SEED } from '../engine/random';
import { clip, formatValue, inUrl, type ParamDefs } from '../experiments/params';
import { DEFAULT_EXPERIMENT_ID, EXPERIMENTS, findExperiment } from '../experiments/registry';
import type { AnyParamValues } from '../experiments/types';
import { changedValues, resolveRawValues } from '../experiments/values';
import { BACKEND_PREFERENCES, type BackendPreference } from '../worker/protocol';
import { GRID_KEYS } from './grid/codec';

/** The URL schema version; bump when names or meanings change, and translate old links. */
export const URL_VERSION = '1';
export const DEFAULT_SEED = 1;
/** Keys that are not knobs: the grid's are read by grid/codec.ts. */
const RESERVED = ['v', 'exp', 'seed', 'backend', ...GRID_KEYS] as const;

export interface UrlState {
  experimentId: string;
  seed: number;
  backend: BackendPreference;
  values: AnyParamValues;
}

export interface ParsedUrl {
  state: UrlState;
  /** Plain-text messages about what was dropped or changed. */
  warnings: string[];
}

function parseSeed(text: string, warnings: string[]): number {
  const seed = Number(text.trim());
  if (text.trim() !== '' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED) return seed;
  warnings.push(`Seed "${clip(text)}" is not a whole number from 0 to ${MAX_SEED}; using ${DEFAULT_SEED}.`);
  return DEFAULT_SEED;
}

export function parseUrl(search: string): ParsedUrl {
  const warnings: string[] = [];
  const query = new URLSearchParams(search);
  const first = new Map<string, string>();
  for (const [key, value] of query) {
    if (first.has(key)) warnings.push(`"${clip(key)}" appears more than once; using the first value.`);
    else first.set(key, value);
  }

  const version = first.get('v');
  if (version !== undefined && version !== URL_VERSION) {
    warnings.push(`This link was made by another version of the playground (v=${clip(version)}); some settings may differ.`);
  }

  const requested = first.get('exp') ?? DEFAULT_EXPERIMENT_ID;
  let experiment = findExperiment(requested);
  if (!experiment) {
    warnings.push(`Unknown experiment "${clip(requested)}"; showing ${findExperiment(DEFAULT_EXPERIMENT_ID)?.title ?? 'the default'}.`);
    experiment = findExperiment(DEFAULT_EXPERIMENT_ID) ?? (EXPERIMENTS[0] as NonNullable<typeof experiment>);
  }

  const seedText = first.get('seed');
  const seed = seedText === undefined ? DEFAULT_SEED : parseSeed(seedText, warnings);

  let backend: BackendPreference = 'auto';
  const backendText = first.get('backend');
  if (backendText !== undefined) {
    const match = BACKEND_PREFERENCES.find((name) => name === backendText.toLowerCase());
    if (match) backend = match;
    else warnings.push(`Unknown backend "${clip(backendText)}"; using auto.`);
  }

  const defs: ParamDefs = experiment.params;
  const raw = new Map(
    [...first].filter(([key]) => {
      if ((RESERVED as readonly string[]).includes(key)) return false;
      const def = defs[key];
      if (def && !inUrl(def)) {
        warnings.push(`"${clip(key)}" cannot come from a link (${def.label.toLowerCase()} is never part of one); ignored.`);
        return false;
      }
      return true;
    }),
  );
  const resolved = resolveRawValues(experiment, raw);
  return {
    state: { experimentId: experiment.id, seed, backend, values: resolved.values },
    warnings: [...warnings, ...resolved.warnings],
  };
}

/** The canonical query string of a state: only what differs from the defaults, in schema order. */
export function buildQuery(state: UrlState): string {
  const query = new URLSearchParams();
  query.set('exp', state.experimentId);
  if (state.seed !== DEFAULT_SEED) query.set('seed', String(state.seed));
  if (state.backend !== 'auto') query.set('backend', state.backend);
  const experiment = findExperiment(state.experimentId);
  if (experiment) {
    const defs: ParamDefs = experiment.params;
    for (const [key, value] of Object.entries(changedValues(experiment, state.values))) {
      const def = defs[key];
      if (def && inUrl(def)) query.set(key, formatValue(value));
    }
  }
  return `?${query.toString()}`;
}
