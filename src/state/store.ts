/**
 * The page's state in one zustand store, in slices: the experiment being set
 * up, the current run, and view settings. Actions live in actions.ts, outside
 * components. Earlier runs (kept for comparison and across visits) are the run
 * history's (history/store.ts).
 */
import { create } from 'zustand';
import type { EngineKind } from '../engine/engines';
import type { InsidePayload, InsideSettings } from '../engine/inspect/inside';
import type { RunOutcome } from '../engine/train';
import type { AnyParamValues, Evaluation } from '../experiments/types';
import type { BackendName, BackendPreference, SkippedBackend } from '../worker/protocol';
import type { Series } from './series';

export interface ExperimentSlice {
  experimentId: string;
  values: AnyParamValues;
  seed: number;
  backend: BackendPreference;
  /** Messages about settings that were dropped or adjusted (URL, constraints). */
  warnings: string[];
}

export type RunStatus = 'idle' | 'starting' | 'running' | 'paused' | 'stopping' | 'done' | 'error';

/** One training run: what it was started with and what it produced. */
export interface RunRecord {
  id: number;
  experimentId: string;
  seed: number;
  values: AnyParamValues;
  backendPreference: BackendPreference;
  engine: EngineKind | null;
  engineNote: string | null;
  backend: BackendName | null;
  skipped: SkippedBackend[];
  series: Series | null;
  totalSamples: number;
  paramCount: number;
  outcome: RunOutcome | null;
  elapsedMs: number;
  /** Updates of this model on new data since it was trained or loaded, oldest first (the Model panel's "Update on new data"). */
  updates?: ModelUpdateNote[];
}

/** One update of a trained model: on how much new data, and the evaluation it replaced (restored when the update is undone). */
export interface ModelUpdateNote {
  samples: number;
  learningRate: number;
  /** The seed of the update's training and evaluation data. */
  seed: number;
  previousEvaluation: Evaluation | null;
}

export interface InsideHistoryPoint {
  samplesSeen: number;
  weightNorms: number[];
  gradientNorms: (number | null)[];
}

export interface Snapshot {
  samplesSeen: number;
  preview: unknown;
}

export interface RunSlice {
  status: RunStatus;
  run: RunRecord | null;
  /** Bumped whenever run.series grows; charts subscribe to it. */
  seriesVersion: number;
  samplesPerSec: number;
  /** Samples trained on so far and training time without pauses, from the latest progress. */
  samplesSeen: number;
  elapsedMs: number;
  tensors: number | null;
  preview: unknown;
  /** Previews kept at the experiment's snapshot points, in order. */
  snapshots: Snapshot[];
  /** The latest look inside the model, with the samples seen then. */
  inside: { samplesSeen: number; payload: InsidePayload } | null;
  /** Weight and gradient norms at every look inside this run, for their curves. */
  insideHistory: InsideHistoryPoint[];
  error: string | null;
}

export interface SettingsSlice {
  /** What to look inside (null: the panel is closed and the worker computes nothing). */
  insideSettings: InsideSettings | null;
  /** Curve smoothing weight in [0, 0.99]. */
  smoothing: number;
  logScale: boolean;
}

export type PlaygroundState = ExperimentSlice & RunSlice & SettingsSlice;

export const initialRunSlice: RunSlice = {
  status: 'idle',
  run: null,
  seriesVersion: 0,
  samplesPerSec: 0,
  samplesSeen: 0,
  elapsedMs: 0,
  tensors: null,
  preview: null,
  snapshots: [],
  inside: null,
  insideHistory: [],
  error: null,
};

export const useStore = create<PlaygroundState>()(() => ({
  experimentId: 'echo',
  values: {},
  seed: 1,
  backend: 'auto',
  warnings: [],
  ...initialRunSlice,
  smoothing: 0.9,
  logScale: false,
  insideSettings: null,
}));

export const isActive = (status: RunStatus): boolean =>
  status === 'starting' || status === 'running' || status === 'paused' || status === 'stopping';
