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

export function orthogonal(rng: Rng): TfInitializer {
  return tf.initializers.orthogonal({ gain: 1, seed: rng.seed() });
}
