/**
 * Messages of the model life cycle (save, load, predict, update) on the
 * worker's current model: the last run's, a loaded one, or an updated one.
 * Each request carries a requestId that its reply repeats.
 */
import type { EngineKind } from '../engine/engines';
import type { ModelMetadata } from '../engine/modelFile/format';
import type { WeightFile } from '../engine/modelFile/validate';
import type { RunStatus } from '../engine/train';
import type { AnyParamValues, Evaluation } from '../experiments/types';
import type { BackendPreference } from './protocol';

export type ModelCommand =
  /** The current model's files (TF.js layers format). */
  | { type: 'saveModel'; runId: number; requestId: number }
  /** Checks the files and makes them the current model (the old one stays when they are refused). */
  | { type: 'loadModel'; runId: number; requestId: number; experimentId: string; modelJson: string; weightFiles: WeightFile[]; backend: BackendPreference }
  /** The current model's output for x; `resetStates` zeroes a stateful model's state first. */
  | { type: 'predict'; runId: number; requestId: number; x: Float32Array; xShape: number[]; resetStates?: boolean }
  /**
   * Trains the current model further on fresh batches drawn from `seed` (`amount` samples, or epochs
   * for experiments trained in epochs), at `learningRate` (null: its own), then scores the old and the
   * updated model on the same fresh evaluation data.
   */
  | { type: 'updateModel'; runId: number; requestId: number; seed: number; amount: number; learningRate: number | null }
  /** Stops an update in progress (the model trained so far is kept and compared). */
  | { type: 'stopUpdate'; runId: number; requestId: number }
  /** Goes back to the model as it was before the last update. */
  | { type: 'revertUpdate'; runId: number; requestId: number };

export type ModelReply =
  | { type: 'modelSaved'; runId: number; requestId: number; modelJson: string; weights: ArrayBuffer; metadata: ModelMetadata }
  | {
      type: 'modelLoaded';
      runId: number;
      requestId: number;
      experimentId: string;
      values: AnyParamValues;
      seed: number;
      samplesSeen: number;
      /** The loaded model's evaluation on the seed's evaluation data. */
      evaluation: Evaluation;
      engine: EngineKind;
      paramCount: number;
    }
  | { type: 'prediction'; runId: number; requestId: number; y: Float32Array }
  | { type: 'updateProgress'; runId: number; requestId: number; samplesSeen: number; totalSamples: number; loss: number }
  | {
      type: 'modelUpdated';
      runId: number;
      requestId: number;
      status: RunStatus;
      samplesSeen: number;
      totalSamples: number;
      learningRate: number;
      before: Evaluation;
      after: Evaluation;
      message?: string;
    }
  | { type: 'modelReverted'; runId: number; requestId: number; samplesSeen: number }
  | { type: 'modelError'; runId: number; requestId: number; message: string };

export const MODEL_REPLY_TYPES: readonly ModelReply['type'][] = ['modelSaved', 'modelLoaded', 'prediction', 'updateProgress', 'modelUpdated', 'modelReverted', 'modelError'];

export function isModelReply(message: { type: string }): message is ModelReply {
  return (MODEL_REPLY_TYPES as readonly string[]).includes(message.type);
}
