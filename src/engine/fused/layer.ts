import { heapAllocator, type Allocator } from './arena';

/**
 * The fused CPU engine runs a whole training step — forward, backpropagation
 * through time, loss and optimizer — on preallocated Float32Arrays. Each layer
 * keeps what its backward pass needs from the last forward pass.
 */
export interface FusedLayer {
  /** Weights in the order TF.js' layer.getWeights() lists them. */
  readonly weights: Float32Array[];
  /** Gradients of the loss, one per weight, filled by backward(). */
  readonly grads: Float32Array[];
  /** Output size per sample (the product of the output shape without the batch dimension). */
  readonly outputSize: number;
  /** Runs the layer on `batch` samples; the returned array is reused by the next call. */
  forward(input: Float32Array, batch: number): Float32Array;
  /**
   * Given dLoss/dOutput of the last forward pass, sets `grads` and returns dLoss/dInput
   * (skipped when `needInputGradient` is false: the first layer's input is data).
   */
  backward(dOutput: Float32Array, batch: number, needInputGradient?: boolean): Float32Array;
  /** Stateful layers forget their carried state. */
  resetStates?(): void;
}

/** A Float32Array of at least `size` elements, reusing `current` when it is big enough, else a new one from `allocator`. */
export function ensureSize(current: Float32Array<ArrayBuffer>, size: number, allocator: Allocator = heapAllocator): Float32Array<ArrayBuffer> {
  return current.length >= size ? current : allocator.f32(size);
}
