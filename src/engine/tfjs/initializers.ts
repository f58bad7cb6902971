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

/**
 * Keras' recurrent-kernel initializer, seeded. TF.js warns on the console ("Slowness may
 * result") for every matrix over 2,000 elements — every LSTM of 23 units or more — although
 * the QR of a recurrent kernel takes milliseconds here: the threshold is lifted on this instance.
 */
export function orthogonal(rng: Rng): TfInitializer {
  const initializer = tf.initializers.orthogonal({ gain: 1, seed: rng.seed() });
  (initializer as TfInitializer & { ELEMENTS_WARN_SLOW: number }).ELEMENTS_WARN_SLOW = Number.POSITIVE_INFINITY;
  return initializer;
}
