/**
 * A pool of training workers of its own (the page's main run keeps its worker) that trains a
 * batch's queued runs, each seed-exact, several at once. Its size can change while it trains: new
 * workers start on queued runs at once, surplus ones stop after their current run.
 */
import { findExperiment } from '../experiments/registry';
import type { AnyParamValues } from '../experiments/types';
import { resolveValues } from '../experiments/values';
import { TrainingClient } from '../worker/client';
import type { FromWorker } from '../worker/protocol';
import { MAX_WORKERS, useRepeatStore, type BatchKind, type RepeatRun } from './batch';
import type { GridDef } from './grid/definition';
import { appendPoints, emptySeries } from './series';
import { useStore } from './store';

const REDRAW_MS = 250;

interface Slot {
  /** The worker's number, shown on the page. */
  id: number;
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

function publishSlots(): void {
  const workerRuns: (number | null)[] = [];
  for (const slot of slots) workerRuns[slot.id] = slot.run >= 0 ? slot.run : null;
  useRepeatStore.setState({ workers: slots.length, workerRuns: Array.from(workerRuns, (run) => run ?? null) });
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

function retire(slot: Slot): void {
  slot.run = -1;
  slot.client.dispose();
  slots = slots.filter((s) => s !== slot);
  publishSlots();
}

/** Gives the slot the next queued run, or retires it (no work left, or the pool shrank); the batch is done when every slot is. */
function next(slot: Slot): void {
  const state = useRepeatStore.getState();
  const index = state.runs.findIndex((run) => run.status === 'queued');
  if (index < 0 || state.status !== 'running' || !state.experimentId || slots.length > state.workerLimit) {
    retire(slot);
    if (slots.length === 0 && state.status === 'running') {
      useRepeatStore.setState((s) => ({ status: 'done', version: s.version + 1 }));
    }
    return;
  }
  slot.run = index;
  patchRun(index, { status: 'running' });
  publishSlots();
  const run = state.runs[index];
  slot.client.start(state.experimentId, run?.values ?? state.values, run?.seed ?? 1, state.backend);
}

/** Starts workers (lowest free numbers first) while there are queued runs and room in the pool. */
function fillPool(): void {
  const state = useRepeatStore.getState();
  const queued = state.runs.filter((run) => run.status === 'queued').length;
  const wanted = Math.min(state.workerLimit, slots.length + queued);
  while (state.status === 'running' && slots.length < wanted) {
    let id = 0;
    while (slots.some((s) => s.id === id)) id++;
    // The listener needs the slot, the slot needs the client.
    let slot: Slot | null = null;
    const client = new TrainingClient({
      onMessage: (m) => slot && onMessage(slot, m),
      onCrash: (_id, m) => slot && onCrash(slot, m),
    });
    slot = { id, client, run: -1 };
    slots.push(slot);
    next(slot);
  }
}

/** Sets the pool's size (1 to MAX_WORKERS); a running batch grows or shrinks to it. */
export function setWorkerLimit(count: number): void {
  if (!Number.isInteger(count)) return;
  useRepeatStore.setState({ workerLimit: Math.max(1, Math.min(MAX_WORKERS, count)) });
  fillPool();
}

export interface Variant {
  label: string;
  values: AnyParamValues;
  seed: number;
  point?: number;
}

export function startBatch(kind: BatchKind, param: string | null, variants: readonly Variant[], grid: GridDef | null = null): void {
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
      ...(variant.point === undefined ? {} : { point: variant.point }),
      status: 'queued',
      series: null,
      totalSamples: experiment.plan(resolved).totalSamples,
      outcome: null,
      elapsedMs: 0,
      error: null,
    };
  });
  useRepeatStore.setState({ status: 'running', kind, param, grid, experimentId, values: resolveValues(experiment, values).values, backend, runs, workerRuns: [], version: 0 });
  fillPool();
}

/** Stops every run of the batch; finished ones stay in the summary. */
export function cancelRepeats(): void {
  for (const slot of slots) slot.client.dispose();
  slots = [];
  if (redrawTimer !== null) clearTimeout(redrawTimer);
  redrawTimer = null;
  const state = useRepeatStore.getState();
  useRepeatStore.setState({ workers: 0, workerRuns: [] });
  if (state.status !== 'running') return;
  useRepeatStore.setState({
    status: 'cancelled',
    runs: state.runs.map((run) => (run.status === 'queued' || run.status === 'running' ? { ...run, status: 'cancelled' } : run)),
    version: state.version + 1,
  });
}

export function clearRepeats(): void {
  cancelRepeats();
  useRepeatStore.setState({ status: 'idle', experimentId: null, runs: [], grid: null });
}
