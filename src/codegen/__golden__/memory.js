// Memory demonstration: the playground's model for the current settings, built with TF.js.
// npm install @tensorflow/tfjs — then import { buildModel } from this file.
// Initial weights are random here; the playground seeds its initializers from the run's seed.
import * as tf from '@tensorflow/tfjs';

export function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 20, stateful: true, activation: 'tanh', recurrentActivation: 'sigmoid', batchInputShape: [1, 1, 5] }));
  model.add(tf.layers.dense({ units: 5, activation: 'sigmoid' }));
  model.compile({
    optimizer: tf.train.adam(0.001, 0.9, 0.999, 1e-7),
    loss: 'binaryCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

// const model = buildModel();
// model.summary();
// await model.fit(xs, ys, { batchSize: 1, epochs: 1, shuffle: false });
