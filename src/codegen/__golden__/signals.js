// Synthetic signals: the playground's model for the current settings, built with TF.js.
// npm install @tensorflow/tfjs — then import { buildModel } from this file.
// Initial weights are random here; the playground seeds its initializers from the run's seed.
import * as tf from '@tensorflow/tfjs';

export function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 20, returnSequences: true, activation: 'tanh', recurrentActivation: 'sigmoid', inputShape: [50, 1] }));
  model.add(tf.layers.lstm({ units: 20, activation: 'tanh', recurrentActivation: 'sigmoid' }));
  model.add(tf.layers.dense({ units: 5, activation: 'linear' }));
  model.compile({
    optimizer: tf.train.adam(0.001, 0.9, 0.999, 1e-7),
    loss: 'meanAbsoluteError',
    metrics: [],
  });
  return model;
}

// const model = buildModel();
// model.summary();
// await model.fit(xs, ys, { batchSize: 10, epochs: 1, shuffle: false });
