import * as tf from '@tensorflow/tfjs';
import type { LstmLayerSpec, ModelSpec, Regularizer } from '../modelSpec';

/** One weight array's penalty: l1 · Σ|w| + l2 · Σw² (Keras' L1L2). */
export interface WeightPenalty {
  variable: tf.LayerVariable;
  l1: number;
  l2: number;
}

const active = (penalty: Regularizer | undefined): penalty is Regularizer => penalty !== undefined && (penalty.l1 > 0 || penalty.l2 > 0);

/** The penalties an LSTM asks for, in the order of its weights: kernel, recurrent kernel, bias. */
function lstmPenalties(layer: LstmLayerSpec): (Regularizer | undefined)[] {
  return [layer.kernelRegularizer, layer.recurrentRegularizer, layer.biasRegularizer];
}

/**
 * The weight penalties of a model built from `spec` (one TF.js layer per spec layer). TF.js' RNN
 * layers lose their cells' regularisation losses, so they are computed here from the variables.
 */
export function weightPenalties(spec: ModelSpec, model: tf.LayersModel): WeightPenalty[] {
  const penalties: WeightPenalty[] = [];
  spec.layers.forEach((layer, index) => {
    const wanted = layer.type === 'lstm' ? lstmPenalties(layer) : layer.type === 'bidirectional' ? [...lstmPenalties(layer.layer), ...lstmPenalties(layer.layer)] : [];
    if (!wanted.some(active)) return;
    // An LSTM's weights are kernel, recurrent kernel, bias; a Bidirectional's the forward then the backward ones.
    const variables = model.layers[index]?.trainableWeights ?? [];
    wanted.forEach((penalty, i) => {
      const variable = variables[i];
      if (active(penalty) && variable) penalties.push({ variable, l1: penalty.l1, l2: penalty.l2 });
    });
  });
  return penalties;
}

/** The sum of the penalties at the current weights (a scalar; zero when there are none). */
export function penaltyLoss(penalties: readonly WeightPenalty[]): tf.Scalar {
  return penalties.reduce<tf.Scalar>((total, { variable, l1, l2 }) => {
    const w = variable.read();
    let sum = total;
    if (l1 > 0) sum = tf.add(sum, tf.mul(l1, tf.sum(tf.abs(w))));
    if (l2 > 0) sum = tf.add(sum, tf.mul(l2, tf.sum(tf.square(w))));
    return sum;
  }, tf.scalar(0));
}
