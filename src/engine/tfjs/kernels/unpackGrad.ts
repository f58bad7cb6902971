/**
 * The gradient of Unpack (tf.unstack) as TF.js defines it, for any number of outputs. TF.js'
 * own passes `dy` to stack(), but its tape hands a single-output op one tensor, not an array:
 * unstacking a sequence of one timestep (an LSTM with returnSequences over 1 step, as in a
 * RepeatVector(1) decoder or a stacked LSTM on [samples, 1, features]) then fails to train with
 * "Argument tensors passed to stack must be a Tensor[]" (tensorflow/tfjs#3550).
 */
import * as tf from '@tensorflow/tfjs';

export const unpackGradConfig: tf.GradConfig = {
  kernelName: tf.Unpack,
  gradFunc: (dy, _saved, attrs) => {
    const { axis } = attrs as unknown as tf.UnpackAttrs;
    const grads = Array.isArray(dy) ? dy : [dy];
    return { value: () => tf.stack(grads, axis) };
  },
};
