import * as tf from '@tensorflow/tfjs';
import type { OptimizerSpec } from '../modelSpec';

/** A TF.js optimizer with Keras' default hyperparameters besides the learning rate. */
export function createOptimizer(spec: OptimizerSpec): tf.Optimizer {
  switch (spec.name) {
    case 'adam':
      return tf.train.adam(spec.learningRate, 0.9, 0.999, 1e-7);
    case 'rmsprop':
      return tf.train.rmsprop(spec.learningRate, 0.9, 0, 1e-7);
    case 'adagrad':
      return tf.train.adagrad(spec.learningRate, 0.1);
    case 'sgd':
      return spec.momentum ? tf.train.momentum(spec.learningRate, spec.momentum) : tf.train.sgd(spec.learningRate);
  }
}
