import * as tf from '@tensorflow/tfjs';
import type { ImageLayerSpec, LayerSpec, LstmLayerSpec, ModelSpec } from '../modelSpec';
import type { Rng } from '../random';
import { orthogonal, seededInitializer } from './initializers';
import { installKernels } from './kernels/install';
import { timeDistributed } from './timeFolded';

type FirstLayerArgs = { inputShape?: number[]; batchInputShape?: number[] };

function inputArgs(spec: ModelSpec, first: boolean): FirstLayerArgs {
  if (!first) return {};
  return spec.batchSize
    ? { batchInputShape: [spec.batchSize, ...spec.inputShape] }
    : { inputShape: [...spec.inputShape] };
}

/** Keras' LSTM defaults, with the recurrent activation set to sigmoid (TF.js defaults to hardSigmoid). */
function lstm(layer: LstmLayerSpec, rng: Rng, extra: FirstLayerArgs): tf.layers.Layer {
  return tf.layers.lstm({
    units: layer.units,
    returnSequences: layer.returnSequences ?? false,
    goBackwards: layer.goBackwards ?? false,
    stateful: layer.stateful ?? false,
    activation: layer.activation ?? 'tanh',
    recurrentActivation: layer.recurrentActivation ?? 'sigmoid',
    kernelInitializer: seededInitializer(layer.kernelInitializer ?? 'glorotUniform', rng),
    recurrentInitializer: orthogonal(rng),
    biasInitializer: 'zeros',
    unitForgetBias: true,
    ...extra,
  });
}

/** Conv2D (Keras defaults: channels last, glorot-uniform kernel, zero bias), MaxPooling2D or Flatten. */
function imageLayer(layer: ImageLayerSpec, rng: Rng, extra: FirstLayerArgs): tf.layers.Layer {
  switch (layer.type) {
    case 'conv2d':
      return tf.layers.conv2d({
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        strides: layer.strides ?? 1,
        padding: layer.padding ?? 'valid',
        activation: layer.activation,
        kernelInitializer: seededInitializer(layer.kernelInitializer ?? 'glorotUniform', rng),
        biasInitializer: 'zeros',
        ...extra,
      });
    case 'maxPooling2d':
      return tf.layers.maxPooling2d({
        poolSize: layer.poolSize,
        strides: layer.strides ?? layer.poolSize,
        padding: layer.padding ?? 'valid',
        ...extra,
      });
    case 'flatten':
      return tf.layers.flatten(extra);
  }
}

function buildLayer(layer: LayerSpec, rng: Rng, extra: FirstLayerArgs, options: BuildOptions): tf.layers.Layer {
  switch (layer.type) {
    case 'lstm':
      return lstm(layer, rng, extra);
    case 'bidirectional':
      return tf.layers.bidirectional({ layer: lstm(layer.layer, rng, {}) as tf.RNN, mergeMode: layer.mergeMode, ...extra });
    case 'dense':
      return tf.layers.dense({
        units: layer.units,
        activation: layer.activation,
        kernelInitializer: seededInitializer(layer.kernelInitializer ?? 'glorotUniform', rng),
        biasInitializer: 'zeros',
        ...extra,
      });
    case 'timeDistributedDense':
      return tf.layers.timeDistributed({
        layer: tf.layers.dense({
          units: layer.units,
          activation: layer.activation,
          kernelInitializer: seededInitializer(layer.kernelInitializer ?? 'glorotUniform', rng),
          biasInitializer: 'zeros',
        }),
        ...extra,
      });
    case 'repeatVector':
      return tf.layers.repeatVector({ n: layer.n, ...extra });
    case 'conv2d':
    case 'maxPooling2d':
    case 'flatten':
      return imageLayer(layer, rng, extra);
    case 'timeDistributed':
      return timeDistributed(imageLayer(layer.layer, rng, {}), { ...extra, fold: options.foldTime ?? true });
  }
}

export interface BuildOptions {
  /**
   * Run TimeDistributed image layers once over all timesteps folded into the batch (the
   * default), or once per timestep as TF.js' own TimeDistributed does (for the benchmark).
   */
  foldTime?: boolean;
}

/** Builds the TF.js layers model of a description, every initializer seeded from `rng`. */
export function buildModel(spec: ModelSpec, rng: Rng, options: BuildOptions = {}): tf.Sequential {
  installKernels();
  const model = tf.sequential();
  // TF.js' LSTM (unitForgetBias) builds its initial bias from tensors it never frees:
  // tidy frees them, and keeps the weights (variables).
  tf.tidy(() => spec.layers.forEach((layer, index) => model.add(buildLayer(layer, rng, inputArgs(spec, index === 0), options))));
  return model;
}
