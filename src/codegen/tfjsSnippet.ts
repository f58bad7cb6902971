/**
 * A ModelSpec and an OptimizerSpec as a TF.js snippet: an ES module that builds and compiles the
 * same model with @tensorflow/tfjs. Pure. One switch over the layer types with an exhaustive check.
 */
import type { ImageLayerSpec, LayerSpec, LstmLayerSpec, ModelSpec, OptimizerSpec, Regularizer } from '../engine/modelSpec';

/** A JavaScript literal in the project's style: single quotes, unquoted keys, spaced braces. */
function js(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(js).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, v]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : js(key)}: ${js(v)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return String(value);
}

function lstm(layer: LstmLayerSpec, extra: Record<string, unknown>): string {
  const body = js({
    units: layer.units,
    ...(layer.returnSequences ? { returnSequences: true } : {}),
    ...(layer.goBackwards ? { goBackwards: true } : {}),
    ...(layer.stateful ? { stateful: true } : {}),
    activation: layer.activation ?? 'tanh',
    // TF.js defaults to hardSigmoid; Keras (and the playground) use sigmoid.
    recurrentActivation: layer.recurrentActivation ?? 'sigmoid',
    ...(layer.kernelInitializer && layer.kernelInitializer !== 'glorotUniform' ? { kernelInitializer: layer.kernelInitializer } : {}),
    ...(layer.dropout ? { dropout: layer.dropout } : {}),
    ...(layer.recurrentDropout ? { recurrentDropout: layer.recurrentDropout } : {}),
    ...extra,
  });
  const penalties = regularizers(layer);
  return `tf.layers.lstm(${penalties ? body.replace(/ \}$/, `${penalties} }`) : body})`;
}

/** Penalties as TF.js regularizer objects (code, not literals). */
function regularizers(layer: LstmLayerSpec): string {
  const entries: [string, Regularizer | undefined][] = [
    ['kernelRegularizer', layer.kernelRegularizer],
    ['recurrentRegularizer', layer.recurrentRegularizer],
    ['biasRegularizer', layer.biasRegularizer],
  ];
  return entries
    .filter((entry): entry is [string, Regularizer] => entry[1] !== undefined)
    .map(([name, r]) => `, ${name}: tf.regularizers.l1l2(${js({ l1: r.l1, l2: r.l2 })})`)
    .join('');
}

function imageLayer(layer: ImageLayerSpec, extra: Record<string, unknown>): string {
  switch (layer.type) {
    case 'conv2d':
      return `tf.layers.conv2d(${js({
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        ...(layer.strides !== undefined && layer.strides !== 1 ? { strides: layer.strides } : {}),
        ...(layer.padding && layer.padding !== 'valid' ? { padding: layer.padding } : {}),
        activation: layer.activation,
        ...(layer.kernelInitializer && layer.kernelInitializer !== 'glorotUniform' ? { kernelInitializer: layer.kernelInitializer } : {}),
        ...extra,
      })})`;
    case 'maxPooling2d':
      return `tf.layers.maxPooling2d(${js({
        poolSize: layer.poolSize,
        ...(layer.strides !== undefined && layer.strides !== layer.poolSize ? { strides: layer.strides } : {}),
        ...(layer.padding && layer.padding !== 'valid' ? { padding: layer.padding } : {}),
        ...extra,
      })})`;
    case 'flatten':
      return `tf.layers.flatten(${Object.keys(extra).length ? js(extra) : ''})`;
  }
}

/** One layer as a TF.js expression; `extra` holds the input shape of the first layer. */
export function tfjsLayer(layer: LayerSpec, extra: Record<string, unknown> = {}): string {
  switch (layer.type) {
    case 'lstm':
      return lstm(layer, extra);
    case 'bidirectional':
      return `tf.layers.bidirectional({ layer: ${lstm(layer.layer, {})}, mergeMode: ${js(layer.mergeMode)}${extraText(extra)} })`;
    case 'dense':
    case 'timeDistributedDense': {
      const dense = `tf.layers.dense(${js({
        units: layer.units,
        activation: layer.activation,
        ...(layer.kernelInitializer && layer.kernelInitializer !== 'glorotUniform' ? { kernelInitializer: layer.kernelInitializer } : {}),
        ...(layer.type === 'dense' ? extra : {}),
      })})`;
      return layer.type === 'dense' ? dense : `tf.layers.timeDistributed({ layer: ${dense}${extraText(extra)} })`;
    }
    case 'repeatVector':
      return `tf.layers.repeatVector(${js({ n: layer.n, ...extra })})`;
    case 'conv2d':
    case 'maxPooling2d':
    case 'flatten':
      return imageLayer(layer, extra);
    case 'timeDistributed':
      return `tf.layers.timeDistributed({ layer: ${imageLayer(layer.layer, {})}${extraText(extra)} })`;
    default:
      return unreachable(layer);
  }
}

function unreachable(layer: never): never {
  throw new Error(`No TF.js code for layer ${JSON.stringify(layer)}`);
}

function extraText(extra: Record<string, unknown>): string {
  return Object.entries(extra)
    .map(([key, value]) => `, ${key}: ${js(value)}`)
    .join('');
}

/** The optimizer with Keras' default hyperparameters besides the learning rate (as the playground builds it). */
export function tfjsOptimizer(optimizer: OptimizerSpec): string {
  const lr = optimizer.learningRate;
  switch (optimizer.name) {
    case 'adam':
      return `tf.train.adam(${lr}, 0.9, 0.999, 1e-7)`;
    case 'rmsprop':
      return `tf.train.rmsprop(${lr}, 0.9, 0, 1e-7)`;
    case 'adagrad':
      return `tf.train.adagrad(${lr}, 0.1)`;
    case 'sgd':
      return optimizer.momentum ? `tf.train.momentum(${lr}, ${optimizer.momentum})` : `tf.train.sgd(${lr})`;
  }
}

export interface TfjsSnippetInput {
  title: string;
  spec: ModelSpec;
  optimizer: OptimizerSpec;
  batchSize: number;
}

/** An ES module exporting buildModel(): the model built and compiled, ready for fit(). */
export function tfjsSnippet({ title, spec, optimizer, batchSize }: TfjsSnippetInput): string {
  const first = spec.batchSize !== undefined ? { batchInputShape: [spec.batchSize, ...spec.inputShape] } : { inputShape: [...spec.inputShape] };
  const adds = spec.layers.map((layer, i) => `  model.add(${tfjsLayer(layer, i === 0 ? first : {})});`);
  const clip = optimizer.clipNorm
    ? [
        `// Gradient clipping (Keras' clipnorm ${optimizer.clipNorm}): TF.js optimizers have no such option. The playground`,
        '// rescales every gradient array g to g · clipNorm / max(‖g‖, clipNorm) in its own training step',
        '// (tf.variableGrads, then optimizer.applyGradients); fit() below trains without clipping.',
      ]
    : [];
  return [
    `// ${title}: the playground's model for the current settings, built with TF.js.`,
    '// npm install @tensorflow/tfjs — then import { buildModel } from this file.',
    '// Initial weights are random here; the playground seeds its initializers from the run\'s seed.',
    "import * as tf from '@tensorflow/tfjs';",
    '',
    ...clip,
    'export function buildModel() {',
    '  const model = tf.sequential();',
    ...adds,
    '  model.compile({',
    `    optimizer: ${tfjsOptimizer(optimizer)},`,
    `    loss: ${js(spec.loss)},`,
    `    metrics: ${js([...spec.metrics])},`,
    '  });',
    '  return model;',
    '}',
    '',
    '// const model = buildModel();',
    '// model.summary();',
    `// await model.fit(xs, ys, { batchSize: ${batchSize}, epochs: 1, shuffle: false });`,
    '',
  ].join('\n');
}
