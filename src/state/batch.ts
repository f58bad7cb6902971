/**
 * The state of a batch of runs on the worker pool (repeats, comparisons, grid searches): its runs,
 * what each worker trains, and the pool's size. The pool itself is pool.ts.
 */
import { create } from 'zustand';
import type { RunOutcome } from '../engine/train';
import type { AnyParamValues } from '../experiments/types';
import type { BackendPreference } from '../worker/protocol';
import type { GridDef } from './grid/definition';
import type { Series } from './series';

export type RepeatRunStatus = 'queued' | 'running' | 'done' | 'error' | 'cancelled';

export interface RepeatRun {
  /** What distinguishes the run in its batch ("seed 4", "Stacked LSTMs"). */
  label: string;
  values: AnyParamValues;
  seed: number;
  /** For a grid search: the index of the run's grid point. */
  point?: number;
  status: RepeatRunStatus;
  series: Series | null;
  totalSamples: number;
  outcome: RunOutcome | null;
  elapsedMs: number;
  error: string | null;
}

export type RepeatStatus = 'idle' | 'running' | 'done' | 'cancelled';
export type BatchKind = 'repeat' | 'compare' | 'grid';

export interface RepeatState {
  status: RepeatStatus;
  kind: BatchKind;
  /** For a comparison: the knob whose options are compared. */
  param: string | null;
  /** For a grid search: its definition. */
  grid: GridDef | null;
  experimentId: string | null;
  values: AnyParamValues;
  backend: BackendPreference;
  runs: RepeatRun[];
  /** Workers training at once. */
  workers: number;
  /** The pool's size as the user set it (or as the device suggests). */
  workerLimit: number;
  /** For each worker (by its number): the index in runs of the run it trains, or null when idle. */
  workerRuns: (number | null)[];
  /** Bumped (throttled) as series grow in place. */
  version: number;
}

export const MAX_REPEATS = 100;
/** The most workers the page starts by itself; the user may go up to MAX_WORKERS. */
const DEFAULT_MAX_WORKERS = 4;
export const MAX_WORKERS = 8;

/** One worker per slot, spare cores only: one core stays with the page. */
export function poolSize(hardwareConcurrency: number | undefined, runs: number, limit = DEFAULT_MAX_WORKERS): number {
  const cores = hardwareConcurrency && hardwareConcurrency > 0 ? hardwareConcurrency : 2;
  return Math.max(1, Math.min(limit, cores - 1, runs));
}

/** The pool size the page suggests for this device. */
export function defaultWorkerLimit(): number {
  return poolSize(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency, Infinity);
}

export const useRepeatStore = create<RepeatState>()(() => ({
  status: 'idle',
  kind: 'repeat',
  param: null,
  grid: null,
  experimentId: null,
  values: {},
  backend: 'auto',
  runs: [],
  workers: 0,
  workerLimit: defaultWorkerLimit(),
  workerRuns: [],
  version: 0,
}));

/** How far a run is: samples trained so far (from its curve) of its total. */
export function runProgress(run: RepeatRun): { done: number; total: number } {
  const done = run.status === 'done' ? run.totalSamples : (run.series?.samples.at(-1) ?? 0);
  return { done, total: run.totalSamples };
}
