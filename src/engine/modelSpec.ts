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
  | BidirectionalSpec;

export type Loss =
  | 'categoricalCrossentropy'
  | 'binaryCrossentropy'
  | 'meanSquaredError'
  | 'meanAbsoluteError';

export type Metric = 'accuracy';

export interface ModelSpec {
  /** Shape of one sample, without the batch dimension: [timesteps, features]. */
  inputShape: readonly number[];
  /** Fixed batch size (required by stateful layers). */
  batchSize?: number;
  layers: readonly LayerSpec[];
  loss: Loss;
  metrics: readonly Metric[];
}

export type OptimizerName = 'adam' | 'rmsprop' | 'adagrad' | 'sgd';

export interface OptimizerSpec {
  name: OptimizerName;
  learningRate: number;
  /** SGD only. */
  momentum?: number;
}

export const LOSS_LABELS: Record<Loss, string> = {
  categoricalCrossentropy: 'categorical cross-entropy',
  binaryCrossentropy: 'binary cross-entropy',
  meanSquaredError: 'mean squared error',
  meanAbsoluteError: 'mean absolute error',
};
