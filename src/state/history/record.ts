/**
 * What the run history keeps of a finished run, and the checks a stored record must pass to be
 * read back: storage outlives the code that wrote it (an older version, another tab, a damaged
 * profile), so nothing read from it is trusted. A record that fails is skipped, not shown.
 */
import { MAX_SEED } from '../../engine/random';
import type { MetricFormat } from '../../experiments/types';
import type { PlainCurves } from '../series';

/** The layout of stored records; bump when fields change meaning, and read older layouts. */
export const RECORD_SCHEMA = 1;

/** How a kept run ended: as the engine reports it, or "interrupted" when a new run replaced it mid-way. */
export type HistoryStatus = 'completed' | 'stopped' | 'diverged' | 'interrupted';
const STATUSES: readonly HistoryStatus[] = ['completed', 'stopped', 'diverged', 'interrupted'];

/** One evaluation metric as the page showed it when the run ended (label and format kept with it). */
export interface HistoryMetric {
  key: string;
  label: string;
  format: MetricFormat;
  value: number;
}

/** A run as the history lists it: everything but the curves. */
export interface HistoryRun {
  schema: number;
  id: number;
  experimentId: string;
  experimentTitle: string;
  values: Record<string, number | string | boolean>;
  seed: number;
  /** The engine setting the run was started with ("auto", "fused", "wasm"…). */
  backendPreference: string;
  /** The engine and TF.js backend it trained on (null when it ended before one was chosen). */
  engine: string | null;
  backend: string | null;
  /** When it ended, in ms since 1970. */
  date: number;
  elapsedMs: number;
  samplesSeen: number;
  totalSamples: number;
  paramCount: number;
  status: HistoryStatus;
  /** The training loss and metrics of the last step, by name (loss first). */
  finalValues: { name: string; value: number }[];
  /** The final evaluation; empty when there was none (a diverged or interrupted run). */
  metrics: HistoryMetric[];
  /** Why the run ended early, as the page said it. */
  message: string | null;
}

/** A run with its curves, as one unit of storage. */
export interface HistoryEntry {
  run: HistoryRun;
  curves: PlainCurves;
}

type Check<T> = { ok: true; value: T } | { ok: false; problem: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number';
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';

function fail<T>(problem: string): Check<T> {
  return { ok: false, problem };
}

/** Checks a stored run summary; the problem names the first field that is wrong. */
export function checkRun(raw: unknown): Check<HistoryRun> {
  if (!isObject(raw)) return fail('not an object');
  if (!isCount(raw.schema) || raw.schema < 1) return fail('no schema version');
  if (raw.schema > RECORD_SCHEMA) return fail(`written by a newer version (schema ${raw.schema})`);
  if (!isCount(raw.id) || raw.id < 1) return fail('no valid id');
  if (typeof raw.experimentId !== 'string' || raw.experimentId === '') return fail('no experiment');
  if (typeof raw.experimentTitle !== 'string') return fail('no experiment title');
  if (!isObject(raw.values)) return fail('no settings');
  for (const value of Object.values(raw.values)) {
    if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') return fail('a setting is not a number, text or switch');
  }
  if (!isCount(raw.seed) || raw.seed > MAX_SEED) return fail('no valid seed');
  if (typeof raw.backendPreference !== 'string') return fail('no engine setting');
  if (!isNullableString(raw.engine) || !isNullableString(raw.backend)) return fail('no valid engine');
  if (!isNumber(raw.date) || !Number.isFinite(raw.date)) return fail('no valid date');
  if (!isNumber(raw.elapsedMs) || !(raw.elapsedMs >= 0)) return fail('no valid elapsed time');
  if (!isCount(raw.samplesSeen) || !isCount(raw.totalSamples) || !isCount(raw.paramCount)) return fail('no valid sample or parameter counts');
  if (typeof raw.status !== 'string' || !STATUSES.includes(raw.status as HistoryStatus)) return fail('no valid status');
  if (!Array.isArray(raw.finalValues) || !raw.finalValues.every((v) => isObject(v) && typeof v.name === 'string' && isNumber(v.value))) {
    return fail('no valid final training values');
  }
  if (
    !Array.isArray(raw.metrics) ||
    !raw.metrics.every((m) => isObject(m) && typeof m.key === 'string' && typeof m.label === 'string' && (m.format === 'percent' || m.format === 'decimal') && isNumber(m.value))
  ) {
    return fail('no valid evaluation');
  }
  if (!isNullableString(raw.message)) return fail('no valid message');
  return { ok: true, value: raw as unknown as HistoryRun };
}

/** Checks stored curves: a metric name per column, and every column as long as the sample counts. */
export function checkCurves(raw: unknown): Check<PlainCurves> {
  if (!isObject(raw)) return fail('curves: not an object');
  const { metricNames, samples, values } = raw;
  if (!Array.isArray(metricNames) || !metricNames.every((name) => typeof name === 'string')) return fail('curves: no metric names');
  if (!Array.isArray(samples) || !samples.every(isNumber)) return fail('curves: no sample counts');
  if (!Array.isArray(values) || values.length !== metricNames.length) return fail('curves: not one column per metric');
  for (const column of values) {
    if (!Array.isArray(column) || column.length !== samples.length || !column.every(isNumber)) return fail('curves: a column of the wrong length or type');
  }
  return { ok: true, value: { metricNames: metricNames as string[], samples: samples as number[], values: values as number[][] } };
}
