import type { Batch, Predict } from '../experiments/types';

/**
 * What the training loop needs from an engine. The TF.js layers model
 * implements it; so can other engines running the same model description.
 */
export interface TrainableModel {
  /** Names of the values trainBatch returns, e.g. ['loss', 'acc']. */
  readonly metricNames: readonly string[];
  readonly paramCount: number;
  /** One weight update on the batch; resolves to the batch's loss and metrics. */
  trainBatch(batch: Batch): Promise<number[]>;
  /** The batch's loss and metrics without a weight update (validation). */
  evaluateBatch(batch: Batch): Promise<number[]>;
  predict: Predict;
  /** Zeroes the carried state of stateful layers. */
  resetStates(): void;
  /** Copies of the current weights, in TF.js' getWeights() order. */
  getWeights(): Float32Array[];
  /** The L2 norm of each weight array's gradient in the last training step (null when the engine does not expose it). */
  lastGradientNorms(): number[] | null;
  dispose(): void;
}
