/**
 * Before a run: roughly how much memory training needs and how much arithmetic it is, from the
 * model description and the plan alone, so the page can warn about a run that would take hours
 * and refuse one that would exhaust the tab. Estimates, not measurements: within a factor of a
 * few, on the safe side.
 */
import type { LayerSpec, ModelSpec, OptimizerName } from './modelSpec';
import { summarize } from './summary';

export interface Budget {
  /** Bytes of weights, gradients, optimizer slots and one batch's activations. */
  memoryBytes: number;
  /** Floating-point operations of one training sample (forward and backward). */
  flopsPerSample: number;
  /** All of the run's training arithmetic. */
  totalFlops: number;
}

/** Over this, training would likely exhaust a browser tab: the run is refused. */
export const MEMORY_LIMIT_BYTES = 2 * 1024 ** 3;
/** Over this, the page warns first. */
export const MEMORY_WARNING_BYTES = 512 * 1024 ** 2;
/** About one hour on a laptop's single core (~1 GFLOP/s sustained in the fused engine's loops). */
export const FLOPS_WARNING = 3.6e12;

const BYTES = 4;
/** Optimizer state per weight: Adam's m and v, RMSprop's mean square (and momentum), Adagrad's sum, SGD's momentum. */
const SLOTS: Record<OptimizerName, number> = { adam: 2, rmsprop: 2, adagrad: 1, sgd: 1 };
/** Forward and backward together cost about three forward passes. */
const TRAINING_FACTOR = 3;

const product = (shape: readonly (number | null)[]) => shape.reduce<number>((a, b) => a * (b ?? 1), 1);

/** Activations one sample keeps for the backward pass, and its forward multiply-adds, per layer. */
function layerCost(layer: LayerSpec, input: readonly number[], output: readonly (number | null)[]): { activations: number; flops: number } {
  const outputs = product(output.slice(1));
  const timesteps = input.length >= 2 ? (input[0] ?? 1) : 1;
  const features = input[input.length - 1] ?? 1;
  switch (layer.type) {
    case 'lstm':
    case 'bidirectional': {
      const units = layer.type === 'lstm' ? layer.units : layer.layer.units;
      const directions = layer.type === 'bidirectional' ? 2 : 1;
      // Per step: 4 gate pre-activations and activations, c, tanh(c), h.
      return { activations: directions * timesteps * units * 11, flops: directions * timesteps * 2 * 4 * units * (features + units) };
    }
    case 'dense':
    case 'timeDistributedDense':
      return { activations: 2 * outputs, flops: 2 * (product(input) / features) * features * (layer.units) };
    case 'timeDistributed':
    case 'conv2d':
    case 'maxPooling2d':
    case 'flatten': {
      const inner = layer.type === 'timeDistributed' ? layer.layer : layer;
      if (inner.type === 'conv2d') {
        const channels = input[input.length - 1] ?? 1;
        return { activations: 3 * outputs, flops: 2 * outputs * inner.kernelSize * inner.kernelSize * channels };
      }
      return { activations: outputs, flops: outputs };
    }
    case 'repeatVector':
      return { activations: outputs, flops: 0 };
  }
}

/** A validation set scored during the run: `rows` examples in one batch, `checks` times. */
export interface ValidationWork {
  rows: number;
  checks: number;
}

export function estimateBudget(spec: ModelSpec, batchSize: number, totalSamples: number, optimizer: OptimizerName, validation?: ValidationWork): Budget {
  const summary = summarize(spec);
  let activations = product(spec.inputShape);
  let flops = 0;
  let input: readonly number[] = spec.inputShape;
  spec.layers.forEach((layer, i) => {
    const row = summary.rows[i];
    if (!row) return;
    const cost = layerCost(layer, input, row.outputShape);
    activations += cost.activations;
    flops += cost.flops;
    input = row.outputShape.slice(1).map((d) => d ?? 1);
  });
  const weights = summary.totalParams * (2 + SLOTS[optimizer]);
  const flopsPerSample = TRAINING_FACTOR * flops;
  const validationRows = validation?.rows ?? 0;
  return {
    // A validation batch is scored whole: it needs its activations at once, though not for a backward pass.
    memoryBytes: BYTES * (weights + Math.max(batchSize, validationRows) * activations),
    flopsPerSample,
    totalFlops: flopsPerSample * totalSamples + flops * validationRows * (validation?.checks ?? 0),
  };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** What to tell the user before training: null when the run is modest. */
export function budgetVerdict(budget: Budget): { refuse: boolean; message: string } | null {
  if (budget.memoryBytes > MEMORY_LIMIT_BYTES) {
    return {
      refuse: true,
      message:
        `This run would need about ${formatBytes(budget.memoryBytes)} of memory (weights, gradients, optimizer state and one batch of activations), ` +
        `more than a browser tab can give (${formatBytes(MEMORY_LIMIT_BYTES)} here). Lower the batch size, the sequence length or the units.`,
    };
  }
  const notes: string[] = [];
  if (budget.memoryBytes > MEMORY_WARNING_BYTES) notes.push(`about ${formatBytes(budget.memoryBytes)} of memory`);
  if (budget.totalFlops > FLOPS_WARNING) notes.push(`about ${(budget.totalFlops / 1e12).toFixed(0)} trillion operations — hours on one core`);
  return notes.length ? { refuse: false, message: `A big run: ${notes.join(' and ')}. It will train, but consider fewer samples or a smaller model.` } : null;
}
