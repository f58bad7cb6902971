import * as tf from '@tensorflow/tfjs';
import type { Initializer } from '../modelSpec';

type TfInitializer = ReturnType<typeof tf.initializers.zeros>;
import type { Rng } from '../random';

/** A seeded TF.js initializer (TF.js has no global seed: every initializer gets its own). */
export function seededInitializer(name: Initializer, rng: Rng): TfInitializer {
  const seed = rng.seed();
  switch (name) {
    case 'glorotUniform':
      return tf.initializers.glorotUniform({ seed });
    case 'glorotNormal':
      return tf.initializers.glorotNormal({ seed });
    case 'randomUniform':
      return tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed });
    case 'randomNormal':
      return tf.initializers.randomNormal({ mean: 0, stddev: 0.05, seed });
  }
}

type OrthogonalArgs = Parameters<typeof tf.initializers.orthogonal>[0];

/**
 * TF.js' Orthogonal initializer without its console warning ("Slowness may result") for every
 * matrix over 2,000 elements — every LSTM of 23 units or more — although the QR of a recurrent
 * kernel takes milliseconds here. Registered under TF.js' own class name, so layers that
 * rebuild their initializers from a config (Bidirectional's backward layer) get it too.
 */
const OrthogonalBase = tf.initializers.orthogonal({}).constructor as new (args: OrthogonalArgs) => TfInitializer;
class QuietOrthogonal extends OrthogonalBase {
  static className = 'Orthogonal';
  constructor(args: OrthogonalArgs) {
    super(args);
    (this as unknown as { ELEMENTS_WARN_SLOW: number }).ELEMENTS_WARN_SLOW = Number.POSITIVE_INFINITY;
  }
}
tf.serialization.registerClass(QuietOrthogonal as unknown as tf.serialization.SerializableConstructor<tf.serialization.Serializable>);

/** Keras' recurrent-kernel initializer, seeded. */
export function orthogonal(rng: Rng): TfInitializer {
  return new QuietOrthogonal({ gain: 1, seed: rng.seed() });
}
