/**
 * Messages between the page and the training worker. Every message names its
 * run; the page drops messages of runs it no longer shows.
 */
import type { RunOutcome, RunStart } from '../engine/train';
import type { PointBatch } from '../engine/pointBatch';
import type { EngineKind } from '../engine/engines';
import type { AnyParamValues } from '../experiments/types';
import type { InsidePayload, InsideSettings } from '../engine/inspect/inside';
import type { ModelCommand, ModelReply } from './modelProtocol';

export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export const BACKEND_PREFERENCES = ['auto', 'fused', ...BACKENDS] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];
/** A choice among TF.js backends only. */
export type TfjsBackendPreference = 'auto' | BackendName;

export const BACKEND_LABELS: Record<BackendPreference, string> = {
  auto: 'Auto (fastest that works)',
  fused: 'Fused CPU engine',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'Plain JavaScript (CPU)',
};

export interface SkippedBackend {
  name: BackendName;
  reason: string;
}

export type ToWorker =
  | {
      type: 'start';
      runId: number;
      experimentId: string;
      params: AnyParamValues;
      seed: number;
      backend: BackendPreference;
      /** Look inside an LSTM layer during the run (null: not wanted). */
      inspect?: InsideSettings | null;
    }
  /** Starts, changes or stops looking inside the run's model (also after it finished). */
  | { type: 'inspect'; runId: number; settings: InsideSettings | null }
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  | { type: 'stop'; runId: number }
  /** Frees the last run's model. */
  | { type: 'reset'; runId: number }
  /**
   * Starts the TF.js backend a run with this engine setting would use, while the page is idle, so
   * that pressing Train does not wait for it (probing the GPU, compiling WebAssembly). No reply:
   * a backend that fails is reported by the run that needs it.
   */
  | { type: 'prepare'; backend: BackendPreference }
  | ModelCommand;

export type FromWorker =
  | {
      type: 'backend';
      runId: number;
      /** The engine that trains: the fused CPU engine, or TF.js on `backend`. */
      engine: EngineKind;
      /** The TF.js backend (for the fused engine: the one that initialised the weights). */
      backend: BackendName;
      skipped: SkippedBackend[];
      /** Why this engine: why the fused engine was not used although wanted, or what "auto" timed. */
      engineNote?: string;
    }
  | ({ type: 'started'; runId: number } & RunStart)
  | {
      type: 'progress';
      runId: number;
      /** Every step since the last progress message. */
      points: PointBatch;
      samplesPerSec: number;
      /** Training time, without pauses. */
      elapsedMs: number;
      tensors: number;
    }
  | { type: 'paused'; runId: number; paused: boolean }
  | { type: 'preview'; runId: number; payload: unknown }
  | { type: 'snapshot'; runId: number; samplesSeen: number; payload: unknown }
  | { type: 'inside'; runId: number; samplesSeen: number; payload: InsidePayload }
  | { type: 'done'; runId: number; outcome: RunOutcome; elapsedMs: number; tensors: number }
  | { type: 'error'; runId: number; message: string; detail?: string }
  | ModelReply;

export type FromWorkerType = FromWorker['type'];
