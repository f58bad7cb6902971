// Addition: the playground's model for the current settings, built with TF.js.
// npm install @tensorflow/tfjs — then import { buildModel } from this file.
// Initial weights are random here; the playground seeds its initializers from the run's seed.
import * as tf from '@tensorflow/tfjs';

// Gradient clipping (Keras' clipnorm 5): TF.js optimizers have no such option. The playground
// rescales every gradient array g to g · clipNorm / max(‖g‖, clipNorm) in its own training step
// (tf.variableGrads, then optimizer.applyGradients); fit() below trains without clipping.
export function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: 75, activation: 'tanh', recurrentActivation: 'sigmoid', inputShape: [8, 12] }));
  model.add(tf.layers.repeatVector({ n: 2 }));
  model.add(tf.layers.lstm({ units: 50, returnSequences: true, activation: 'tanh', recurrentActivation: 'sigmoid' }));
  model.add(tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 12, activation: 'softmax' }) }));
  model.compile({
    optimizer: tf.train.adam(0.001, 0.9, 0.999, 1e-7),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

// const model = buildModel();
// model.summary();
// await model.fit(xs, ys, { batchSize: 32, epochs: 1, shuffle: false });
