/**
 * A pure description of a Keras-style sequential model. Experiments describe
 * their model with it; the TF.js builder, the model summary (and later other
 * engines and code export) all read the same description.
 */

export type Activation = 'tanh' | 'sigmoid' | 'relu' | 'linear' | 'softmax' | 'hardSigmoid';
export type Initializer = 'glorotUniform' | 'glorotNormal' | 'randomUniform' | 'randomNormal';

export interface LstmLayerSpec {
  type: 'lstm';
  units: number;
  returnSequences?: boolean;
  goBackwards?: boolean;
  stateful?: boolean;
  activation?: Activation;
  recurrentActivation?: Activation;
  kernelInitializer?: Initializer;
  /** Keras' dropout: the share of the inputs dropped, with a fresh mask per sequence while training. */
  dropout?: number;
  /** Keras' recurrent_dropout: the share of the carried output h dropped at every step while training. */
  recurrentDropout?: number;
  /** Penalties on the input kernel, the recurrent kernel and the bias, added to the training loss. */
  kernelRegularizer?: Regularizer;
  recurrentRegularizer?: Regularizer;
  biasRegularizer?: Regularizer;
}

/** Keras' L1L2 weight penalty: l1 · Σ|w| + l2 · Σw². */
export interface Regularizer {
  l1: number;
  l2: number;
}

export interface DenseLayerSpec {
  type: 'dense';
  units: number;
  activation: Activation;
  kernelInitializer?: Initializer;
}

export interface TimeDistributedDenseSpec {
  type: 'timeDistributedDense';
  units: number;
  activation: Activation;
  kernelInitializer?: Initializer;
}

export interface RepeatVectorSpec {
  type: 'repeatVector';
  n: number;
}

/** A 2-D convolution over [height, width, channels] inputs (Keras Conv2D, channels last). */
export interface Conv2dSpec {
  type: 'conv2d';
  filters: number;
  /** Square kernel side. */
  kernelSize: number;
  /** Step of the kernel in both directions; 1 when absent. */
  strides?: number;
  /** 'valid' (no padding, the Keras default) or 'same'. */
  padding?: Padding;
  activation: Activation;
  kernelInitializer?: Initializer;
}

export type Padding = 'valid' | 'same';

/** 2-D max pooling over [height, width, channels] inputs (Keras MaxPooling2D). */
export interface MaxPooling2dSpec {
  type: 'maxPooling2d';
  /** Square window side. */
  poolSize: number;
  /** The pool size when absent (Keras' default). */
  strides?: number;
  padding?: Padding;
}

/** Flattens everything but the batch dimension. */
export interface FlattenSpec {
  type: 'flatten';
}

/** The layers that work on one image, alone or wrapped in TimeDistributed. */
export type ImageLayerSpec = Conv2dSpec | MaxPooling2dSpec | FlattenSpec;

/**
 * Applies an image layer to every timestep of a sequence of images
 * [timesteps, height, width, channels], with the same weights at every step.
 */
export interface TimeDistributedSpec {
  type: 'timeDistributed';
  layer: ImageLayerSpec;
}

export type MergeMode = 'concat' | 'sum' | 'mul' | 'ave';

export interface BidirectionalSpec {
  type: 'bidirectional';
  layer: LstmLayerSpec;
  mergeMode: MergeMode;
}

export type LayerSpec =
  | LstmLayerSpec
  | DenseLayerSpec
  | TimeDistributedDenseSpec
  | RepeatVectorSpec
  | BidirectionalSpec
  | ImageLayerSpec
  | TimeDistributedSpec;

export type Loss =
  | 'categoricalCrossentropy'
  | 'binaryCrossentropy'
  | 'meanSquaredError'
  | 'meanAbsoluteError';

export type Metric = 'accuracy';

export interface ModelSpec {
  /**
   * Shape of one sample, without the batch dimension: [timesteps, features],
   * or [timesteps, height, width, channels] for a sequence of images.
   */
  inputShape: readonly number[];
  /** Fixed batch size (required by stateful layers). */
  batchSize?: number;
  layers: readonly LayerSpec[];
  loss: Loss;
  metrics: readonly Metric[];
}

/** Whether an LSTM layer drops inputs or carried outputs while training. */
export function usesDropout(layer: LstmLayerSpec): boolean {
  return (layer.dropout ?? 0) > 0 || (layer.recurrentDropout ?? 0) > 0;
}

/** The LSTM of a layer (a Bidirectional's inner layer), or null for other layers. */
export function lstmOf(layer: LayerSpec): LstmLayerSpec | null {
  return layer.type === 'lstm' ? layer : layer.type === 'bidirectional' ? layer.layer : null;
}

/** The names of the values a model reports per batch, loss first (Keras' history keys). */
export function metricNamesOf(spec: Pick<ModelSpec, 'metrics'>): string[] {
  return ['loss', ...spec.metrics.map((m) => (m === 'accuracy' ? 'acc' : m))];
}

export type OptimizerName = 'adam' | 'rmsprop' | 'adagrad' | 'sgd';

export interface OptimizerSpec {
  name: OptimizerName;
  learningRate: number;
  /** SGD only. */
  momentum?: number;
  /**
   * Keras' clipnorm: before each update every gradient array is rescaled to an L2 norm of at most
   * this (g · clipNorm / max(‖g‖, clipNorm)). Absent or 0: no clipping.
   */
  clipNorm?: number;
}

export const LOSS_LABELS: Record<Loss, string> = {
  categoricalCrossentropy: 'categorical cross-entropy',
  binaryCrossentropy: 'binary cross-entropy',
  meanSquaredError: 'mean squared error',
  meanAbsoluteError: 'mean absolute error',
};
