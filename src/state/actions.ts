/** Everything the page can do, as plain functions over the store. */
import type { InsideSettings } from '../engine/inspect/inside';
import { freshSeed } from '../engine/random';
import { lastSamplesSeen } from '../engine/pointBatch';
import { defaultValues } from '../experiments/params';
import { findExperiment } from '../experiments/registry';
import type { AnyExperiment } from '../experiments/types';
import { resolveValues } from '../experiments/values';
import { TrainingClient } from '../worker/client';
import { isModelReply } from '../worker/modelProtocol';
import type { BackendPreference, FromWorker } from '../worker/protocol';
import { verdictFor } from './budgetCheck';
import { handleModelReply } from './modelRequests';
import { clearPicks, keepRun } from './history/store';
import { appendPoints, emptySeries } from './series';
import { initialRunSlice, isActive, useStore, type RunRecord } from './store';
import type { UrlState } from './url';

let client: TrainingClient | null = null;

export function getClient(): TrainingClient {
  client ??= new TrainingClient({ onMessage: handleMessage, onCrash: handleCrash });
  return client;
}

export function currentExperiment(): AnyExperiment {
  const experiment = findExperiment(useStore.getState().experimentId);
  if (!experiment) throw new Error(`Unknown experiment ${useStore.getState().experimentId}`);
  return experiment;
}

/** Puts a parsed URL into the store (at start-up and on history navigation). */
export function loadUrlState(state: UrlState, warnings: string[]): void {
  if (state.experimentId !== useStore.getState().experimentId) resetRun();
  useStore.setState({ ...state, warnings });
}

export function selectExperiment(id: string): void {
  const experiment = findExperiment(id);
  if (!experiment || id === useStore.getState().experimentId) return;
  resetRun();
  useStore.setState({ experimentId: id, values: defaultValues(experiment.params), warnings: [] });
}

/** Sets one knob; constraints between knobs are applied and reported. */
export function setValue(key: string, value: number | string | boolean): void {
  const { values } = useStore.getState();
  const resolved = resolveValues(currentExperiment(), { ...values, [key]: value });
  useStore.setState({ values: resolved.values, warnings: resolved.warnings });
}

export function resetValues(keys?: readonly string[]): void {
  const experiment = currentExperiment();
  const defaults = defaultValues(experiment.params);
  const { values } = useStore.getState();
  const next = keys ? { ...values, ...Object.fromEntries(keys.map((k) => [k, defaults[k]])) } : defaults;
  const resolved = resolveValues(experiment, next);
  useStore.setState({ values: resolved.values, warnings: resolved.warnings });
}

export function setSeed(seed: number): void {
  useStore.setState({ seed });
}

export function newSeed(): void {
  useStore.setState({ seed: freshSeed(Date.now() + useStore.getState().seed) });
}

export function setBackend(backend: BackendPreference): void {
  useStore.setState({ backend });
}

export function dismissWarnings(): void {
  useStore.setState({ warnings: [] });
}

export function setSmoothing(smoothing: number): void {
  useStore.setState({ smoothing: Math.min(0.99, Math.max(0, smoothing)) });
}

export function setLogScale(logScale: boolean): void {
  useStore.setState({ logScale });
}

const MAX_INSIDE_HISTORY = 500;

/** Opens, changes or closes the look inside the model; the worker computes it only while open. */
export function setInsideSettings(settings: InsideSettings | null): void {
  useStore.setState({ insideSettings: settings, ...(settings ? {} : { inside: null }) });
  client?.inspect(settings);
}

/** Train / Pause / Resume in one button. */
export function toggleTraining(): void {
  const { status } = useStore.getState();
  if (status === 'running') pauseRun();
  else if (status === 'paused') resumeRun();
  else if (status !== 'starting' && status !== 'stopping') startRun();
}

/** Starts a run with the current settings; a run in progress ends and is kept in the history (its curve drawn for comparison). */
export function startRun(): void {
  const state = useStore.getState();
  const experiment = currentExperiment();
  const { values } = resolveValues(experiment, state.values);
  const verdict = verdictFor(experiment, values);
  if (verdict?.refuse) {
    useStore.setState({ error: verdict.message, status: state.status === 'running' || state.status === 'paused' ? state.status : 'error' });
    return;
  }
  dropPendingProgress();
  const runId = getClient().start(experiment.id, values, state.seed, state.backend, state.insideSettings);
  const run: RunRecord = {
    id: runId,
    experimentId: experiment.id,
    seed: state.seed,
    values,
    backendPreference: state.backend,
    engine: null,
    engineNote: null,
    backend: null,
    skipped: [],
    series: null,
    totalSamples: experiment.plan(values).totalSamples,
    paramCount: 0,
    outcome: null,
    elapsedMs: 0,
  };
  if (state.run && isActive(state.status)) void keepRun(state.run, 'interrupted', state.elapsedMs);
  useStore.setState({ ...initialRunSlice, status: 'starting', run });
}

export function pauseRun(): void {
  if (useStore.getState().status === 'running') getClient().pause();
}

export function resumeRun(): void {
  if (useStore.getState().status === 'paused') getClient().resume();
}

export function stopRun(): void {
  const { status } = useStore.getState();
  if (status === 'running' || status === 'paused') {
    getClient().stop();
    useStore.setState({ status: 'stopping' });
  }
}

/** Ends any run, frees its model, and clears the curves and results (earlier runs stay in the history, unpicked). */
export function resetRun(): void {
  if (client) client.reset();
  dropPendingProgress();
  clearPicks();
  useStore.setState({ ...initialRunSlice });
}

function updateRun(patch: Partial<RunRecord>): RunRecord | null {
  const { run } = useStore.getState();
  return run ? { ...run, ...patch } : null;
}

/**
 * Progress arrives up to 20 times a second; the page re-renders for it at most
 * 10 times a second. Points are appended at once, the store is told in batches.
 */
const COMMIT_INTERVAL_MS = 100;
let pendingProgress: { samplesPerSec: number; samplesSeen: number; elapsedMs: number; tensors: number } | null = null;
let progressTimer: ReturnType<typeof setTimeout> | null = null;

function commitProgress(): void {
  if (progressTimer !== null) clearTimeout(progressTimer);
  progressTimer = null;
  if (!pendingProgress) return;
  const { seriesVersion } = useStore.getState();
  useStore.setState({ ...pendingProgress, seriesVersion: seriesVersion + 1 });
  pendingProgress = null;
}

function dropPendingProgress(): void {
  if (progressTimer !== null) clearTimeout(progressTimer);
  progressTimer = null;
  pendingProgress = null;
}

export function handleMessage(message: FromWorker): void {
  // Replies of the model life cycle go to their requests (a loaded model may have no run yet).
  if (isModelReply(message)) {
    handleModelReply(message);
    return;
  }
  const state = useStore.getState();
  if (!state.run || message.runId !== state.run.id) return;
  switch (message.type) {
    case 'backend':
      useStore.setState({
        run: updateRun({ engine: message.engine, engineNote: message.engineNote ?? null, backend: message.backend, skipped: message.skipped }),
      });
      return;
    case 'started':
      useStore.setState({
        status: 'running',
        run: updateRun({
          series: emptySeries(message.metricNames),
          totalSamples: message.totalSamples,
          paramCount: message.paramCount,
        }),
      });
      return;
    case 'progress': {
      const { series } = state.run;
      if (series) appendPoints(series, message.points);
      pendingProgress = {
        samplesPerSec: message.samplesPerSec,
        samplesSeen: lastSamplesSeen(message.points) ?? pendingProgress?.samplesSeen ?? state.samplesSeen,
        elapsedMs: message.elapsedMs,
        tensors: message.tensors,
      };
      progressTimer ??= setTimeout(commitProgress, COMMIT_INTERVAL_MS);
      return;
    }
    case 'paused':
      if (isActive(state.status) && state.status !== 'stopping') useStore.setState({ status: message.paused ? 'paused' : 'running' });
      return;
    case 'preview':
      useStore.setState({ preview: message.payload });
      return;
    case 'inside': {
      const point = {
        samplesSeen: message.samplesSeen,
        weightNorms: message.payload.weights.map((w) => w.norm),
        gradientNorms: message.payload.weights.map((w) => w.gradientNorm),
      };
      const history = state.insideHistory.at(-1)?.samplesSeen === point.samplesSeen ? state.insideHistory : [...state.insideHistory, point].slice(-MAX_INSIDE_HISTORY);
      useStore.setState({ inside: { samplesSeen: message.samplesSeen, payload: message.payload }, insideHistory: history });
      return;
    }
    case 'snapshot':
      useStore.setState({ snapshots: [...state.snapshots, { samplesSeen: message.samplesSeen, preview: message.payload }] });
      return;
    case 'done': {
      commitProgress();
      const finished = updateRun({ outcome: message.outcome, elapsedMs: message.elapsedMs });
      useStore.setState({
        status: 'done',
        tensors: message.tensors,
        samplesSeen: message.outcome.samplesSeen,
        elapsedMs: message.elapsedMs,
        run: finished,
        error: message.outcome.status === 'diverged' ? (message.outcome.message ?? 'The loss diverged.') : null,
      });
      // Kept across visits, and drawn under the next run for comparison: in a task of its own, so
      // compacting the curves does not lengthen the one that renders the end of the run.
      const status = message.outcome.status;
      if (finished) setTimeout(() => void keepRun(finished, status), 0);
      return;
    }
    case 'error':
      useStore.setState({ status: 'error', error: message.message });
      return;
  }
}

function handleCrash(runId: number, message: string, restarted: boolean): void {
  const { run } = useStore.getState();
  // A replaced worker that dies too (no run of its own yet) still matters once they stop being
  // replaced; before any run (the worker readied while the page was idle) the next start tries again.
  if (!run || (restarted && run.id !== runId)) return;
  useStore.setState({
    status: 'error',
    error: restarted
      ? `The training worker crashed (${message}). A fresh one has started: your settings are intact, press Train to run again.`
      : `The training worker keeps stopping as it starts (${message}). Your settings are intact; reload the page, or press Train to try once more.`,
  });
}
