import type { ImageLayerSpec, LayerSpec, ModelSpec } from './modelSpec';

/** One row of a Keras-style model summary. */
export interface SummaryRow {
  name: string;
  kind: string;
  /** Output shape with the batch dimension as null, e.g. [null, 25]. */
  outputShape: (number | null)[];
  params: number;
}

export interface ModelSummary {
  rows: SummaryRow[];
  totalParams: number;
}

const KIND: Record<Exclude<LayerSpec['type'], 'timeDistributed'>, string> = {
  lstm: 'LSTM',
  dense: 'Dense',
  timeDistributedDense: 'TimeDistributed(Dense)',
  repeatVector: 'RepeatVector',
  bidirectional: 'Bidirectional(LSTM)',
  conv2d: 'Conv2D',
  maxPooling2d: 'MaxPooling2D',
  flatten: 'Flatten',
};

function kindOf(layer: LayerSpec): string {
  return layer.type === 'timeDistributed' ? `TimeDistributed(${KIND[layer.layer.type]})` : KIND[layer.type];
}

/** Keras' default layer names: lstm, lstm_1, dense, … */
const BASE_NAME: Record<LayerSpec['type'], string> = {
  lstm: 'lstm',
  dense: 'dense',
  timeDistributedDense: 'time_distributed',
  repeatVector: 'repeat_vector',
  bidirectional: 'bidirectional',
  conv2d: 'conv2d',
  maxPooling2d: 'max_pooling2d',
  flatten: 'flatten',
  timeDistributed: 'time_distributed',
};

export class ModelSpecError extends Error {}

/** Parameters of an LSTM layer: four gates, each with kernel, recurrent kernel and bias. */
export function lstmParams(inputDim: number, units: number): number {
  return 4 * units * (inputDim + units + 1);
}

/** Output side of a convolution or pooling window along one dimension (Keras' conv_output_length). */
function windowOutput(size: number, window: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

/** An image layer on one image [height, width, channels] (Flatten: any shape). */
function imageLayerOutput(layer: ImageLayerSpec, input: readonly number[]): { shape: number[]; params: number } {
  if (layer.type === 'flatten') return { shape: [input.reduce((a, b) => a * b, 1)], params: 0 };
  const name = layer.type === 'conv2d' ? 'Conv2D' : 'MaxPooling2D';
  if (input.length !== 3) throw new ModelSpecError(`${name} needs an image input [height, width, channels].`);
  const [height = 0, width = 0, channels = 0] = input;
  const window = layer.type === 'conv2d' ? layer.kernelSize : layer.poolSize;
  const stride = layer.strides ?? (layer.type === 'conv2d' ? 1 : layer.poolSize);
  const padding = layer.padding ?? 'valid';
  const outHeight = windowOutput(height, window, stride, padding);
  const outWidth = windowOutput(width, window, stride, padding);
  if (outHeight < 1 || outWidth < 1) {
    throw new ModelSpecError(`${name} with a ${window}×${window} window does not fit a ${height}×${width} image.`);
  }
  if (layer.type === 'maxPooling2d') return { shape: [outHeight, outWidth, channels], params: 0 };
  return {
    shape: [outHeight, outWidth, layer.filters],
    params: (window * window * channels + 1) * layer.filters,
  };
}

function layerOutput(layer: LayerSpec, input: readonly number[]): { shape: number[]; params: number } {
  const features = input[input.length - 1] ?? 0;
  switch (layer.type) {
    case 'lstm': {
      if (input.length !== 2) throw new ModelSpecError('An LSTM layer needs a sequence input [timesteps, features].');
      const shape = layer.returnSequences ? [input[0] ?? 0, layer.units] : [layer.units];
      return { shape, params: lstmParams(features, layer.units) };
    }
    case 'bidirectional': {
      if (input.length !== 2) throw new ModelSpecError('A bidirectional layer needs a sequence input.');
      const width = layer.mergeMode === 'concat' ? 2 * layer.layer.units : layer.layer.units;
      const shape = layer.layer.returnSequences ? [input[0] ?? 0, width] : [width];
      return { shape, params: 2 * lstmParams(features, layer.layer.units) };
    }
    case 'dense':
      return { shape: [...input.slice(0, -1), layer.units], params: (features + 1) * layer.units };
    case 'timeDistributedDense':
      if (input.length !== 2) throw new ModelSpecError('TimeDistributed(Dense) needs a sequence input.');
      return { shape: [input[0] ?? 0, layer.units], params: (features + 1) * layer.units };
    case 'repeatVector':
      if (input.length !== 1) throw new ModelSpecError('RepeatVector needs a flat input.');
      return { shape: [layer.n, features], params: 0 };
    case 'conv2d':
    case 'maxPooling2d':
    case 'flatten':
      return imageLayerOutput(layer, input);
    case 'timeDistributed': {
      if (input.length < 2) throw new ModelSpecError('TimeDistributed needs a sequence input [timesteps, …].');
      const step = imageLayerOutput(layer.layer, input.slice(1));
      return { shape: [input[0] ?? 0, ...step.shape], params: step.params };
    }
  }
}

/** The summary a Keras `model.summary()` prints, computed from the description alone. */
export function summarize(spec: ModelSpec): ModelSummary {
  const counts = new Map<string, number>();
  const rows: SummaryRow[] = [];
  let shape: readonly number[] = spec.inputShape;
  for (const layer of spec.layers) {
    const base = BASE_NAME[layer.type];
    const index = counts.get(base) ?? 0;
    counts.set(base, index + 1);
    const out = layerOutput(layer, shape);
    rows.push({
      name: index === 0 ? base : `${base}_${index}`,
      kind: kindOf(layer),
      outputShape: [spec.batchSize ?? null, ...out.shape],
      params: out.params,
    });
    shape = out.shape;
  }
  return { rows, totalParams: rows.reduce((sum, row) => sum + row.params, 0) };
}

/** "(None, 5, 25)" as Keras prints it. */
export function formatShape(shape: readonly (number | null)[]): string {
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
}

/** The model's output shape for one sample. */
export function outputShape(spec: ModelSpec): number[] {
  const last = summarize(spec).rows.at(-1);
  return last ? (last.outputShape.slice(1) as number[]) : [...spec.inputShape];
}
