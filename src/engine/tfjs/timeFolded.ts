import * as tf from '@tensorflow/tfjs';

type TimeDistributedLayer = ReturnType<typeof tf.layers.timeDistributed>;
type WrapperArgs = Parameters<typeof tf.layers.timeDistributed>[0];
type Kwargs = Parameters<TimeDistributedLayer['call']>[1];

/**
 * TF.js' TimeDistributed class: the package exports only its factory, so the
 * class is read off a throwaway instance.
 */
const TimeDistributedBase = Object.getPrototypeOf(tf.layers.timeDistributed({ layer: tf.layers.flatten() })).constructor as new (
  args: WrapperArgs,
) => TimeDistributedLayer;

function one(tensors: tf.Tensor | tf.Tensor[]): tf.Tensor {
  const tensor = Array.isArray(tensors) ? tensors[0] : tensors;
  if (!tensor || (Array.isArray(tensors) && tensors.length !== 1)) throw new Error('TimeDistributed expects exactly one tensor.');
  return tensor;
}

/**
 * TimeDistributed with time folded into the batch: TF.js' own TimeDistributed
 * runs its inner layer once per timestep (forward and backward); this one
 * reshapes [batch, steps, …] to [batch·steps, …], runs the inner layer once,
 * and reshapes back. The same math, weights, shapes, name and serialized form
 * ("TimeDistributed"); only the call differs. For layers that treat every row
 * of their input on its own (convolution, pooling, flatten, dense).
 */
class FoldedTimeDistributed extends TimeDistributedBase {
  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = one(inputs);
      const [batch = 0, steps = 0, ...rest] = x.shape;
      const y = one(this.layer.call(x.reshape([batch * steps, ...rest]), kwargs));
      return y.reshape([batch, steps, ...y.shape.slice(1)]);
    });
  }
}

/** Wraps a layer to apply it at every timestep; `fold` (the default) runs all timesteps in one call. */
export function timeDistributed(layer: tf.layers.Layer, options: { fold?: boolean } & Omit<WrapperArgs, 'layer'> = {}): TimeDistributedLayer {
  const { fold = true, ...args } = options;
  return fold ? new FoldedTimeDistributed({ ...args, layer }) : tf.layers.timeDistributed({ ...args, layer });
}
