import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../../experiments/types';
import { lstmOf, metricNamesOf, usesDropout, type Loss, type ModelSpec, type OptimizerSpec } from '../modelSpec';
import type { Rng } from '../random';
import type { TrainableModel } from '../trainable';
import { buildModel, disposeDropoutMasks } from './buildModel';
import { createOptimizer } from './optimizer';
import { penaltyLoss, weightPenalties, type WeightPenalty } from './penalties';

/** The Keras-style per-sample losses compile() uses, by name (tf.metrics exports the same functions). */
const LOSS_FUNCTIONS: Record<Loss, (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor> = {
  categoricalCrossentropy: tf.metrics.categoricalCrossentropy,
  binaryCrossentropy: tf.metrics.binaryCrossentropy,
  meanSquaredError: tf.metrics.meanSquaredError,
  meanAbsoluteError: tf.metrics.meanAbsoluteError,
};

/** TF.js' "accuracy" as compile() picks it: binary for one output or binary cross-entropy, categorical otherwise. */
function accuracyOf(loss: Loss, y: tf.Tensor, prediction: tf.Tensor): tf.Tensor {
  const width = y.shape[y.shape.length - 1] ?? 1;
  return width === 1 || loss === 'binaryCrossentropy' ? tf.metrics.binaryAccuracy(y, prediction) : tf.metrics.categoricalAccuracy(y, prediction);
}

/** A TF.js layers model behind the engine-neutral training interface. */
export class TfjsModel implements TrainableModel {
  readonly model: tf.Sequential;
  private readonly optimizer: tf.Optimizer;
  readonly metricNames: readonly string[];
  readonly paramCount: number;

  private readonly loss: Loss;
  private readonly clipNorm: number;
  private readonly withAccuracy: boolean;
  /** Dropout masks come from a seeded stream: computing gradients again would draw from it and change the run. */
  private readonly dropout: boolean;
  private readonly penalties: WeightPenalty[];

  constructor(spec: ModelSpec, optimizer: OptimizerSpec, initRng: Rng) {
    this.loss = spec.loss;
    this.clipNorm = optimizer.clipNorm ?? 0;
    this.withAccuracy = spec.metrics.includes('accuracy');
    this.dropout = spec.layers.some((layer) => {
      const lstm = lstmOf(layer);
      return lstm !== null && usesDropout(lstm);
    });
    this.model = buildModel(spec, initRng);
    this.optimizer = createOptimizer(optimizer);
    this.model.compile({ optimizer: this.optimizer, loss: spec.loss, metrics: [...spec.metrics] });
    this.metricNames = metricNamesOf(spec);
    this.paramCount = this.model.countParams();
    this.penalties = weightPenalties(spec, this.model);
  }

  /** The last batch trained on, for gradient norms on demand. */
  private lastBatch: Batch | null = null;

  async trainBatch(batch: Batch): Promise<number[]> {
    this.lastBatch = batch;
    if (this.clipNorm > 0 || this.penalties.length > 0) return this.trainCustom(batch);
    const x = tf.tensor(batch.x, batch.xShape);
    const y = tf.tensor(batch.y, batch.yShape);
    try {
      const result = await this.model.trainOnBatch(x, y);
      return Array.isArray(result) ? result : [result];
    } finally {
      x.dispose();
      y.dispose();
    }
  }

  /**
   * One step with what trainOnBatch lacks — Keras' clipnorm, weight penalties on LSTM layers: the loss
   * compile() uses plus the penalties, its gradients, each clipped to the norm when clipping is on,
   * applied by the same optimizer; the loss and accuracy as trainOnBatch reports them.
   */
  private async trainCustom(batch: Batch): Promise<number[]> {
    const variables = this.model.trainableWeights.map((w) => w.read() as tf.Variable);
    const lossFunction = LOSS_FUNCTIONS[this.loss];
    const scores = tf.tidy(() => {
      const x = tf.tensor(batch.x, batch.xShape);
      const y = tf.tensor(batch.y, batch.yShape);
      let prediction: tf.Tensor | null = null;
      const { value, grads } = tf.variableGrads(() => {
        // variableGrads frees what its function made: the prediction is kept for the accuracy, and freed below.
        prediction = tf.keep(this.model.apply(x, { training: true }) as tf.Tensor);
        return this.withPenalties(tf.mean(lossFunction(y, prediction)) as tf.Scalar);
      }, variables);
      if (this.clipNorm > 0) {
        const clip = tf.scalar(this.clipNorm);
        const clipped: tf.NamedTensorMap = {};
        for (const [name, grad] of Object.entries(grads)) clipped[name] = tf.mul(grad, tf.div(clip, tf.maximum(tf.norm(grad), clip)));
        this.optimizer.applyGradients(clipped);
      } else {
        this.optimizer.applyGradients(grads);
      }
      const out: tf.Tensor[] = [value];
      const kept = prediction as tf.Tensor | null;
      if (kept) {
        if (this.withAccuracy) out.push(tf.mean(accuracyOf(this.loss, y, kept)));
        kept.dispose();
      }
      return tf.stack(out);
    });
    try {
      return Array.from(await scores.data());
    } finally {
      scores.dispose();
    }
  }

  /** The loss with the weight penalties added, as Keras reports and minimises it. */
  private withPenalties(loss: tf.Scalar): tf.Scalar {
    return this.penalties.length > 0 ? tf.add(loss, penaltyLoss(this.penalties)) : loss;
  }

  async evaluateBatch(batch: Batch): Promise<number[]> {
    const rows = batch.xShape[0] ?? 1;
    const result = tf.tidy(() => {
      const scores = this.model.evaluate(tf.tensor(batch.x, batch.xShape), tf.tensor(batch.y, batch.yShape), { batchSize: rows });
      const [loss, ...metrics] = Array.isArray(scores) ? scores : [scores];
      // Keras' validation loss includes the weight penalties, like the training loss.
      return tf.stack([this.withPenalties(loss as tf.Scalar), ...metrics]);
    });
    try {
      return Array.from(await result.data());
    } finally {
      result.dispose();
    }
  }

  getWeights(): Float32Array[] {
    return this.model.getWeights().map((w) => Float32Array.from(w.dataSync() as Float32Array));
  }

  /**
   * trainOnBatch keeps its gradients to itself: they are computed again on the last batch, at the
   * current weights (one step later than the fused engine's, which keeps the step's own). A stateful
   * model is left alone: another forward pass would move its state; so is one with dropout, whose
   * masks would be drawn again.
   */
  lastGradientNorms(): number[] | null {
    const batch = this.lastBatch;
    if (!batch || this.model.stateful || this.dropout) return null;
    const lossFunction = LOSS_FUNCTIONS[this.loss];
    const variables = this.model.trainableWeights.map((w) => w.read() as tf.Variable);
    return tf.tidy(() => {
      const x = tf.tensor(batch.x, batch.xShape);
      const y = tf.tensor(batch.y, batch.yShape);
      const { value, grads } = tf.variableGrads(
        () => this.withPenalties(tf.mean(lossFunction(y, this.model.apply(x, { training: true }) as tf.Tensor)) as tf.Scalar),
        variables,
      );
      value.dispose();
      return variables.map((v) => {
        const grad = grads[v.name];
        return grad ? (tf.norm(grad).dataSync()[0] ?? Number.NaN) : Number.NaN;
      });
    });
  }

  resetStates(): void {
    if (this.model.stateful) this.model.resetStates();
  }

  predict = async (x: Float32Array, xShape: number[]): Promise<Float32Array> => {
    const output = tf.tidy(() => this.model.predict(tf.tensor(x, xShape)) as tf.Tensor);
    try {
      return (await output.data()) as Float32Array;
    } finally {
      output.dispose();
    }
  };

  dispose(): void {
    if (this.dropout) disposeDropoutMasks(this.model);
    this.model.dispose();
    // Disposing a model leaves an optimizer passed to compile (and its slots) alive.
    this.optimizer.dispose();
  }
}
