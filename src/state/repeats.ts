/**
 * Batches of runs on a small pool of training workers of their own (the page's main run keeps its
 * worker): repeats (the current configuration with consecutive seeds: how much of a result is
 * luck) and comparisons (every option of one knob, same seed). Each run is still seed-exact.
 */
import { create } from 'zustand';
import type { RunOutcome } from '../engine/train';
import { findExperiment } from '../experiments/registry';
import type { AnyParamValues } from '../experiments/types';
import { resolveValues } from '../experiments/values';
import { TrainingClient } from '../worker/client';
import type { BackendPreference, FromWorker } from '../worker/protocol';
import { appendPoints, emptySeries, type Series } from './series';
import { useStore } from './store';

export type RepeatRunStatus = 'queued' | 'running' | 'done' | 'error' | 'cancelled';

export interface RepeatRun {
  /** What distinguishes the run in its batch ("seed 4", "Stacked LSTMs"). */
  label: string;
  values: AnyParamValues;
  seed: number;
  status: RepeatRunStatus;
  series: Series | null;
  totalSamples: number;
  outcome: RunOutcome | null;
  elapsedMs: number;
  error: string | null;
}

export type RepeatStatus = 'idle' | 'running' | 'done' | 'cancelled';
export type BatchKind = 'repeat' | 'compare';

export interface RepeatState {
  status: RepeatStatus;
  kind: BatchKind;
  /** For a comparison: the knob whose options are compared. */
  param: string | null;
  experimentId: string | null;
  values: AnyParamValues;
  backend: BackendPreference;
  runs: RepeatRun[];
  /** Workers training at once. */
  workers: number;
  /** Bumped (throttled) as series grow in place. */
  version: number;
}

export const MAX_REPEATS = 100;
const MAX_WORKERS = 4;
const REDRAW_MS = 250;

export const useRepeatStore = create<RepeatState>()(() => ({
  status: 'idle',
  kind: 'repeat',
  param: null,
  experimentId: null,
  values: {},
  backend: 'auto',
  runs: [],
  workers: 0,
  version: 0,
}));

/** One worker per slot, spare cores only: one core stays with the page. */
export function poolSize(hardwareConcurrency: number | undefined, runs: number): number {
  const cores = hardwareConcurrency && hardwareConcurrency > 0 ? hardwareConcurrency : 2;
  return Math.max(1, Math.min(MAX_WORKERS, cores - 1, runs));
}

interface Slot {
  client: TrainingClient;
  /** Index in runs of the run this slot trains, or -1. */
  run: number;
}

let slots: Slot[] = [];
let redrawTimer: ReturnType<typeof setTimeout> | null = null;

function patchRun(index: number, patch: Partial<RepeatRun>): void {
  const runs = useRepeatStore.getState().runs.slice();
  const run = runs[index];
  if (!run) return;
  runs[index] = { ...run, ...patch };
  useRepeatStore.setState({ runs });
}

function scheduleRedraw(): void {
  redrawTimer ??= setTimeout(() => {
    redrawTimer = null;
    useRepeatStore.setState((s) => ({ version: s.version + 1 }));
  }, REDRAW_MS);
}

function onMessage(slot: Slot, message: FromWorker): void {
  const index = slot.run;
  const run = useRepeatStore.getState().runs[index];
  if (!run) return;
  switch (message.type) {
    case 'started':
      patchRun(index, { series: emptySeries(message.metricNames), totalSamples: message.totalSamples });
      return;
    case 'progress':
      if (run.series) appendPoints(run.series, message.points);
      scheduleRedraw();
      return;
    case 'done':
      patchRun(index, { status: 'done', outcome: message.outcome, elapsedMs: message.elapsedMs });
      slot.client.reset();
      next(slot);
      return;
    case 'error':
      patchRun(index, { status: 'error', error: message.message });
      next(slot);
      return;
    default:
      return;
  }
}

function onCrash(slot: Slot, message: string): void {
  patchRun(slot.run, { status: 'error', error: `The worker crashed (${message}).` });
  next(slot);
}

/** Gives the slot the next queued run, or retires it; the repeat is done when every slot is. */
function next(slot: Slot): void {
  const state = useRepeatStore.getState();
  const index = state.runs.findIndex((run) => run.status === 'queued');
  if (index < 0 || state.status !== 'running' || !state.experimentId) {
    slot.run = -1;
    slot.client.dispose();
    slots = slots.filter((s) => s !== slot);
    if (slots.length === 0 && state.status === 'running') {
      useRepeatStore.setState((s) => ({ status: 'done', version: s.version + 1 }));
    }
    return;
  }
  slot.run = index;
  patchRun(index, { status: 'running' });
  const run = state.runs[index];
  slot.client.start(state.experimentId, run?.values ?? state.values, run?.seed ?? 1, state.backend);
}

interface Variant {
  label: string;
  values: AnyParamValues;
  seed: number;
}

function startBatch(kind: BatchKind, param: string | null, variants: readonly Variant[]): void {
  cancelRepeats();
  const { experimentId, values, backend } = useStore.getState();
  const experiment = findExperiment(experimentId);
  if (!experiment || variants.length === 0) return;
  const runs: RepeatRun[] = variants.map((variant) => {
    const resolved = resolveValues(experiment, variant.values).values;
    return {
      label: variant.label,
      values: resolved,
      seed: variant.seed,
      status: 'queued',
      series: null,
      totalSamples: experiment.plan(resolved).totalSamples,
      outcome: null,
      elapsedMs: 0,
      error: null,
    };
  });
  const workers = poolSize(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency, runs.length);
  useRepeatStore.setState({ status: 'running', kind, param, experimentId, values: resolveValues(experiment, values).values, backend, runs, workers, version: 0 });
  for (let i = 0; i < workers; i++) {
    // The listener needs the slot, the slot needs the client.
    let slot: Slot | null = null;
    const client = new TrainingClient({
      onMessage: (m) => slot && onMessage(slot, m),
      onCrash: (_id, m) => slot && onCrash(slot, m),
    });
    slot = { client, run: -1 };
    slots.push(slot);
    next(slot);
  }
}

/** Trains the page's current configuration `count` times, with seeds seed, seed + 1, … */
export function startRepeats(count: number): void {
  const { values, seed } = useStore.getState();
  const n = Math.max(1, Math.min(MAX_REPEATS, Math.round(count)));
  startBatch('repeat', null, Array.from({ length: n }, (_, i) => ({ label: `seed ${seed + i}`, values, seed: seed + i })));
}

/** Trains the current configuration once per option of a choice knob, all with the current seed. */
export function startComparison(param: string): void {
  const { experimentId, values, seed } = useStore.getState();
  const def = findExperiment(experimentId)?.params[param];
  if (def?.kind !== 'choice') return;
  startBatch(
    'compare',
    param,
    def.options.map((option: { value: string; label: string }) => ({ label: option.label, values: { ...values, [param]: option.value }, seed })),
  );
}

/** Stops every repeat run; finished ones stay in the summary. */
export function cancelRepeats(): void {
  for (const slot of slots) slot.client.dispose();
  slots = [];
  if (redrawTimer !== null) clearTimeout(redrawTimer);
  redrawTimer = null;
  const state = useRepeatStore.getState();
  if (state.status !== 'running') return;
  useRepeatStore.setState({
    status: 'cancelled',
    runs: state.runs.map((run) => (run.status === 'queued' || run.status === 'running' ? { ...run, status: 'cancelled' } : run)),
    version: state.version + 1,
  });
}

export function clearRepeats(): void {
  cancelRepeats();
  useRepeatStore.setState({ status: 'idle', experimentId: null, runs: [], workers: 0 });
}

// Repeats belong to one experiment: picking another clears them.
useStore.subscribe((state, previous) => {
  if (state.experimentId !== previous.experimentId) clearRepeats();
});
