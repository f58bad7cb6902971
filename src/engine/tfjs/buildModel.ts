import * as tf from '@tensorflow/tfjs';
import { usesDropout, type ImageLayerSpec, type LayerSpec, type LstmLayerSpec, type MergeMode, type ModelSpec } from '../modelSpec';
import { createRng, type Rng } from '../random';
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

type DropoutFunc = (ones: tf.Tensor, rate: number) => tf.Tensor;

/**
 * TF.js draws dropout masks from Math.random; this draws them from a stream seeded by the run's
 * init stream, so a run with dropout is as reproducible as one without.
 */
function seededDropout(rng: Rng): DropoutFunc | undefined {
  const masks = createRng(`dropout/${rng.seed()}`);
  return (ones, rate) => tf.dropout(ones, rate, undefined, masks.seed());
}

/**
 * Layers rebuilt from their config (Bidirectional builds both directions so) lose a custom
 * dropout function: it is set on their cells again.
 */
function setDropoutFunc(layer: unknown, func: DropoutFunc): void {
  const cell = (layer as { cell?: { dropoutFunc?: DropoutFunc } }).cell;
  if (cell) cell.dropoutFunc = func;
}

type MaskHolder = { dropoutMask?: tf.Tensor | tf.Tensor[] | null; recurrentDropoutMask?: tf.Tensor | tf.Tensor[] | null };

/**
 * TF.js keeps an LSTM's last dropout masks on its cell until the layer's next call, and disposing the
 * model leaves them: they are freed here.
 */
export function disposeDropoutMasks(model: tf.LayersModel): void {
  for (const layer of model.layers) {
    const own = layer as unknown as { cell?: MaskHolder; forwardLayer?: { cell?: MaskHolder }; backwardLayer?: { cell?: MaskHolder } };
    for (const cell of [own.cell, own.forwardLayer?.cell, own.backwardLayer?.cell]) {
      if (!cell) continue;
      if (cell.dropoutMask) tf.dispose(cell.dropoutMask);
      if (cell.recurrentDropoutMask) tf.dispose(cell.recurrentDropoutMask);
      cell.dropoutMask = null;
      cell.recurrentDropoutMask = null;
    }
  }
}

/**
 * Keras' LSTM defaults, with the recurrent activation set to sigmoid (TF.js defaults to hardSigmoid).
 * Weight penalties are not given to TF.js: its RNN layers drop their cells' regularisation losses
 * (the model never sees them), so TfjsModel adds the penalties to the loss itself (penalties.ts).
 */
function lstm(layer: LstmLayerSpec, rng: Rng, extra: FirstLayerArgs): tf.layers.Layer {
  const dropout = usesDropout(layer) ? seededDropout(rng) : undefined;
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
    ...(dropout ? { dropout: layer.dropout ?? 0, recurrentDropout: layer.recurrentDropout ?? 0, dropoutFunc: dropout } : {}),
    ...extra,
  });
}

function bidirectional(layer: LstmLayerSpec, mergeMode: MergeMode, rng: Rng, extra: FirstLayerArgs): tf.layers.Layer {
  const inner = lstm(layer, rng, {}) as tf.RNN;
  const wrapper = tf.layers.bidirectional({ layer: inner, mergeMode, ...extra });
  if (usesDropout(layer)) {
    const own = wrapper as unknown as { forwardLayer: unknown; backwardLayer: unknown };
    const func = seededDropout(rng);
    if (func) {
      setDropoutFunc(own.forwardLayer, func);
      setDropoutFunc(own.backwardLayer, func);
    }
  }
  return wrapper;
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
      return bidirectional(layer.layer, layer.mergeMode, rng, extra);
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
