/**
 * A ModelSpec and an OptimizerSpec as Keras code: the Sequential model, the optimizer and
 * compile(). Pure. Every layer type is handled in one switch with an exhaustive check, and every
 * option of a layer in one list per type: adding an option to modelSpec.ts means adding a line here.
 */
import type { Activation, ImageLayerSpec, Initializer, LayerSpec, Loss, LstmLayerSpec, Metric, ModelSpec, OptimizerSpec, Regularizer } from '../engine/modelSpec';
import { py, pyArgs, pyFloat, pyTuple, snakeCase } from './python';

/** Keras' spelling of a loss (compile's loss=…). */
export const KERAS_LOSSES: Record<Loss, string> = {
  categoricalCrossentropy: 'categorical_crossentropy',
  binaryCrossentropy: 'binary_crossentropy',
  meanSquaredError: 'mean_squared_error',
  meanAbsoluteError: 'mean_absolute_error',
};

export const KERAS_METRICS: Record<Metric, string> = { accuracy: 'accuracy' };

const activation = (a: Activation) => py(snakeCase(a));
const initializer = (i: Initializer | undefined) => (i === undefined || i === 'glorotUniform' ? undefined : py(snakeCase(i)));

/**
 * The options of a layer the code below does not know yet (added to modelSpec.ts since): named in
 * a comment beside the layer rather than silently dropped.
 */
function unknownOptions(layer: object, known: readonly string[]): string {
  // Zero, false and absent are the options' "off": nothing to say.
  const extra = Object.entries(layer).filter(([key, value]) => !known.includes(key) && value !== undefined && value !== null && value !== 0 && value !== false);
  if (extra.length === 0) return '';
  return `  # not translated: ${extra.map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(', ')}`;
}

const regularizer = (r: Regularizer | undefined) => (r ? `keras.regularizers.L1L2(l1=${pyFloat(r.l1)}, l2=${pyFloat(r.l2)})` : undefined);
const share = (value: number | undefined) => (value ? pyFloat(value) : undefined);

function lstm(layer: LstmLayerSpec): string {
  const args = pyArgs([
    ['', String(layer.units)],
    ['activation', activation(layer.activation ?? 'tanh')],
    // Keras' default since 2.3; TF.js' is hard_sigmoid, so the playground sets it everywhere.
    ['recurrent_activation', activation(layer.recurrentActivation ?? 'sigmoid')],
    ['return_sequences', layer.returnSequences ? 'True' : undefined],
    ['go_backwards', layer.goBackwards ? 'True' : undefined],
    ['stateful', layer.stateful ? 'True' : undefined],
    ['kernel_initializer', initializer(layer.kernelInitializer)],
    ['dropout', share(layer.dropout)],
    ['recurrent_dropout', share(layer.recurrentDropout)],
    ['kernel_regularizer', regularizer(layer.kernelRegularizer)],
    ['recurrent_regularizer', regularizer(layer.recurrentRegularizer)],
    ['bias_regularizer', regularizer(layer.biasRegularizer)],
  ]);
  return `layers.LSTM(${args})`;
}
const LSTM_FIELDS = [
  'type',
  'units',
  'activation',
  'recurrentActivation',
  'returnSequences',
  'goBackwards',
  'stateful',
  'kernelInitializer',
  'dropout',
  'recurrentDropout',
  'kernelRegularizer',
  'recurrentRegularizer',
  'biasRegularizer',
];

function imageLayer(layer: ImageLayerSpec): string {
  switch (layer.type) {
    case 'conv2d':
      return `layers.Conv2D(${pyArgs([
        ['', String(layer.filters)],
        ['kernel_size', String(layer.kernelSize)],
        ['strides', layer.strides !== undefined && layer.strides !== 1 ? String(layer.strides) : undefined],
        ['padding', layer.padding && layer.padding !== 'valid' ? py(layer.padding) : undefined],
        ['activation', activation(layer.activation)],
        ['kernel_initializer', initializer(layer.kernelInitializer)],
      ])})`;
    case 'maxPooling2d':
      return `layers.MaxPooling2D(${pyArgs([
        ['pool_size', String(layer.poolSize)],
        ['strides', layer.strides !== undefined && layer.strides !== layer.poolSize ? String(layer.strides) : undefined],
        ['padding', layer.padding && layer.padding !== 'valid' ? py(layer.padding) : undefined],
      ])})`;
    case 'flatten':
      return 'layers.Flatten()';
  }
}
const IMAGE_FIELDS: Record<ImageLayerSpec['type'], readonly string[]> = {
  conv2d: ['type', 'filters', 'kernelSize', 'strides', 'padding', 'activation', 'kernelInitializer'],
  maxPooling2d: ['type', 'poolSize', 'strides', 'padding'],
  flatten: ['type'],
};

/** One layer as a Keras expression, with a comment naming any option not translated. */
export function kerasLayer(layer: LayerSpec): string {
  switch (layer.type) {
    case 'lstm':
      return lstm(layer) + unknownOptions(layer, LSTM_FIELDS);
    case 'bidirectional':
      return `layers.Bidirectional(${lstm(layer.layer)}, merge_mode=${py(layer.mergeMode)})` + unknownOptions(layer, ['type', 'layer', 'mergeMode']) + unknownOptions(layer.layer, LSTM_FIELDS);
    case 'dense':
      return `layers.Dense(${pyArgs([
        ['', String(layer.units)],
        ['activation', activation(layer.activation)],
        ['kernel_initializer', initializer(layer.kernelInitializer)],
      ])})` + unknownOptions(layer, ['type', 'units', 'activation', 'kernelInitializer']);
    case 'timeDistributedDense':
      return `layers.TimeDistributed(layers.Dense(${pyArgs([
        ['', String(layer.units)],
        ['activation', activation(layer.activation)],
        ['kernel_initializer', initializer(layer.kernelInitializer)],
      ])}))` + unknownOptions(layer, ['type', 'units', 'activation', 'kernelInitializer']);
    case 'repeatVector':
      return `layers.RepeatVector(${layer.n})` + unknownOptions(layer, ['type', 'n']);
    case 'conv2d':
    case 'maxPooling2d':
    case 'flatten':
      return imageLayer(layer) + unknownOptions(layer, IMAGE_FIELDS[layer.type]);
    case 'timeDistributed':
      return `layers.TimeDistributed(${imageLayer(layer.layer)})` + unknownOptions(layer, ['type', 'layer']) + unknownOptions(layer.layer, IMAGE_FIELDS[layer.layer.type]);
    default:
      return unreachable(layer);
  }
}

function unreachable(layer: never): never {
  throw new Error(`No Keras code for layer ${JSON.stringify(layer)}`);
}

/** The Keras input: keras.Input(shape=…), with the fixed batch size a stateful model needs. */
export function kerasInput(spec: ModelSpec): string {
  return `keras.Input(${pyArgs([
    ['shape', pyTuple(spec.inputShape)],
    ['batch_size', spec.batchSize !== undefined ? String(spec.batchSize) : undefined],
  ])})`;
}

/** `model = keras.Sequential([...])`, one layer per line. */
export function kerasSequential(spec: ModelSpec, name: string): string {
  const lines = [kerasInput(spec), ...spec.layers.map(kerasLayer)].map((line) => {
    // A trailing comment goes after the comma.
    const at = line.indexOf('  # ');
    return at < 0 ? `        ${line},` : `        ${line.slice(0, at)},${line.slice(at)}`;
  });
  return ['model = keras.Sequential(', '    [', ...lines, '    ],', `    name=${py(name)},`, ')'].join('\n');
}

/** The optimizer with Keras' defaults besides what the playground sets (the same defaults the playground uses). */
export function kerasOptimizer(optimizer: OptimizerSpec): string {
  const clip: [string, string | undefined] = ['clipnorm', optimizer.clipNorm ? pyFloat(optimizer.clipNorm) : undefined];
  const lr: [string, string] = ['learning_rate', pyFloat(optimizer.learningRate)];
  switch (optimizer.name) {
    case 'adam':
      return `keras.optimizers.Adam(${pyArgs([lr, clip])})`;
    case 'rmsprop':
      return `keras.optimizers.RMSprop(${pyArgs([lr, clip])})`;
    case 'adagrad':
      return `keras.optimizers.Adagrad(${pyArgs([lr, clip])})`;
    case 'sgd':
      return `keras.optimizers.SGD(${pyArgs([lr, ['momentum', optimizer.momentum ? pyFloat(optimizer.momentum) : undefined], clip])})`;
  }
}

/** model.compile(...) with the loss and metrics in Keras' spelling. */
export function kerasCompile(spec: ModelSpec, optimizer: OptimizerSpec): string {
  return [
    'model.compile(',
    `    optimizer=${kerasOptimizer(optimizer)},`,
    `    loss=${py(KERAS_LOSSES[spec.loss])},`,
    `    metrics=${py(spec.metrics.map((m) => KERAS_METRICS[m]))},`,
    ')',
  ].join('\n');
}
