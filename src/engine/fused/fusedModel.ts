import type { Batch } from '../../experiments/types';
import { metricNamesOf, type LayerSpec, type ModelSpec, type OptimizerSpec } from '../modelSpec';
import type { TrainableModel } from '../trainable';
import { createAllocator, heapAllocator, type Allocator } from './arena';
import { FusedBidirectional } from './bidirectional';
import { FusedDense } from './dense';
import { ensureSize, type FusedLayer } from './layer';
import { accuracy, lossAndGradient } from './losses';
import { FusedLstm } from './lstm';
import { createFusedOptimizer, l2Norm, type FusedOptimizer } from './optimizers';
import { FusedRepeatVector } from './repeatVector';
import { fusedUnsupportedReason } from './support';

function buildLayer(layer: LayerSpec, shape: readonly number[], weights: Float32Array[], mem: Allocator): { layer: FusedLayer; shape: number[] } {
  const last = shape[shape.length - 1] ?? 0;
  switch (layer.type) {
    case 'lstm':
    case 'bidirectional': {
      const lstm = layer.type === 'lstm' ? layer : layer.layer;
      const options = {
        inputDim: last,
        units: lstm.units,
        timesteps: shape[0] ?? 1,
        returnSequences: lstm.returnSequences ?? false,
        stateful: lstm.stateful ?? false,
        activation: lstm.activation ?? 'tanh',
        recurrentActivation: lstm.recurrentActivation ?? 'sigmoid',
      } as const;
      const width = layer.type === 'bidirectional' && layer.mergeMode === 'concat' ? 2 * lstm.units : lstm.units;
      const out = options.returnSequences ? [options.timesteps, width] : [width];
      const built =
        layer.type === 'lstm'
          ? new FusedLstm({ ...options, goBackwards: layer.goBackwards ?? false }, weights, mem)
          : new FusedBidirectional(options, layer.mergeMode, weights, mem);
      return { layer: built, shape: out };
    }
    case 'dense':
    case 'timeDistributedDense': {
      const rows = shape.length === 2 ? (shape[0] ?? 1) : 1;
      return { layer: new FusedDense(last, layer.units, layer.activation, rows, weights, mem), shape: [...shape.slice(0, -1), layer.units] };
    }
    case 'repeatVector':
      return { layer: new FusedRepeatVector(last, layer.n, mem), shape: [layer.n, last] };
    default:
      throw new Error(fusedUnsupportedReason({ inputShape: shape, layers: [layer], loss: 'meanSquaredError', metrics: [] }) ?? 'unsupported layer');
  }
}

/** How many weight arrays each layer kind holds, in TF.js' getWeights() order. */
function weightCount(layer: LayerSpec): number {
  return layer.type === 'lstm' ? 3 : layer.type === 'bidirectional' ? 6 : layer.type === 'repeatVector' ? 0 : 2;
}

/**
 * A whole model on the fused CPU engine: forward, backpropagation through
 * time, TF.js' loss and optimizer, on typed arrays. It starts from given
 * weights (copied from the TF.js model, so both engines start identically).
 * Where WebAssembly SIMD runs, every array of the model lives in its own
 * arena (arena.ts) and the products run in the kernels of kernels.wat.
 */
export class FusedModel implements TrainableModel {
  readonly metricNames: readonly string[];
  readonly paramCount: number;
  private readonly layers: FusedLayer[];
  private readonly optimizer: FusedOptimizer;
  private readonly outputWidth: number;
  private grad = new Float32Array(0);
  private readonly mem: Allocator;
  /** The batch's inputs, copied into the arena so the first layer's products run there too. */
  private input = new Float32Array(0);

  constructor(
    private readonly spec: ModelSpec,
    optimizer: OptimizerSpec,
    initialWeights: readonly Float32Array[],
  ) {
    const reason = fusedUnsupportedReason(spec);
    if (reason) throw new Error(reason);
    this.mem = createAllocator(initialWeights.reduce((sum, w) => sum + w.length, 0));
    let shape: readonly number[] = spec.inputShape;
    let next = 0;
    this.layers = spec.layers.map((layerSpec) => {
      const count = weightCount(layerSpec);
      const weights = initialWeights.slice(next, next + count).map((w) => {
        const copy = this.mem.f32(w.length);
        copy.set(w);
        return copy;
      });
      next += count;
      const built = buildLayer(layerSpec, shape, weights, this.mem);
      shape = built.shape;
      return built.layer;
    });
    if (next !== initialWeights.length) throw new Error('The weights do not match the model.');
    this.outputWidth = shape[shape.length - 1] ?? 1;
    this.optimizer = createFusedOptimizer(optimizer, this.mem);
    this.metricNames = metricNamesOf(spec);
    this.paramCount = initialWeights.reduce((sum, w) => sum + w.length, 0);
  }

  /** The current weights, in TF.js' getWeights() order (copies). */
  getWeights(): Float32Array[] {
    return this.layers.flatMap((layer) => layer.weights.map((w) => Float32Array.from(w)));
  }

  lastGradientNorms(): number[] {
    return this.layers.flatMap((layer) => layer.grads.map(l2Norm));
  }

  private forward(x: Float32Array, batch: number): Float32Array {
    let activations = x;
    if (this.mem !== heapAllocator) {
      this.input = ensureSize(this.input, x.length, this.mem);
      this.input.set(x);
      activations = this.input.subarray(0, x.length);
    }
    for (const layer of this.layers) activations = layer.forward(activations, batch);
    return activations;
  }

  /** Forward pass and loss on a batch; leaves the loss gradient in this.grad. */
  private score(batch: Batch): number[] {
    const rowsInBatch = batch.xShape[0] ?? 0;
    const pred = this.forward(batch.x, rowsInBatch);
    const outputSize = this.layers.at(-1)?.outputSize ?? 0;
    const rows = (rowsInBatch * outputSize) / this.outputWidth;
    this.grad = ensureSize(this.grad, rowsInBatch * outputSize, this.mem);
    const loss = lossAndGradient(this.spec.loss, pred, batch.y, rows, this.outputWidth, this.grad);
    const values = [loss];
    if (this.spec.metrics.includes('accuracy')) values.push(accuracy(this.spec.loss, pred, batch.y, rows, this.outputWidth));
    return values;
  }

  async evaluateBatch(batch: Batch): Promise<number[]> {
    return this.score(batch);
  }

  async trainBatch(batch: Batch): Promise<number[]> {
    const rowsInBatch = batch.xShape[0] ?? 0;
    const values = this.score(batch);
    let d: Float32Array = this.grad;
    for (let i = this.layers.length - 1; i >= 0; i--) d = (this.layers[i] as FusedLayer).backward(d, rowsInBatch, i > 0);
    this.optimizer.apply(
      this.layers.flatMap((l) => l.weights),
      this.layers.flatMap((l) => l.grads),
    );
    return values;
  }

  predict = async (x: Float32Array, xShape: number[]): Promise<Float32Array> => {
    const batch = xShape[0] ?? 0;
    const size = batch * (this.layers.at(-1)?.outputSize ?? 0);
    return this.forward(x, batch).slice(0, size);
  };

  resetStates(): void {
    for (const layer of this.layers) layer.resetStates?.();
  }

  dispose(): void {
    // Typed arrays only: nothing to free by hand.
  }
}
