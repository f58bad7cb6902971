/**
 * What a TF.js layers model built from a description looks like when saved:
 * each layer's Keras class name (and the wrapped layer's) and the shapes of its
 * weight arrays in TF.js' getWeights() order. Pure: lets the page check a
 * model file against a description without loading TF.js.
 */
import type { ImageLayerSpec, LayerSpec, ModelSpec } from '../modelSpec';

export interface LayerLayout {
  /** Keras class name as saved in model.json, e.g. "LSTM", "TimeDistributed". */
  className: string;
  /** The wrapped layer's class name (TimeDistributed, Bidirectional). */
  innerClassName?: string;
  /** Units of an LSTM or Dense layer (the wrapped one for wrappers). */
  units?: number;
  /** Weight array shapes, in getWeights() order. */
  weights: number[][];
}

const IMAGE_CLASS: Record<ImageLayerSpec['type'], string> = { conv2d: 'Conv2D', maxPooling2d: 'MaxPooling2D', flatten: 'Flatten' };

function lstmWeights(inputDim: number, units: number): number[][] {
  return [
    [inputDim, 4 * units],
    [units, 4 * units],
    [4 * units],
  ];
}

function windowOutput(size: number, window: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

/** An image layer on [height, width, channels]: its weights and output shape. */
function imageLayout(layer: ImageLayerSpec, input: readonly number[]): { weights: number[][]; shape: number[] } {
  if (layer.type === 'flatten') return { weights: [], shape: [input.reduce((a, b) => a * b, 1)] };
  const [height = 0, width = 0, channels = 0] = input;
  const window = layer.type === 'conv2d' ? layer.kernelSize : layer.poolSize;
  const stride = layer.strides ?? (layer.type === 'conv2d' ? 1 : layer.poolSize);
  const padding = layer.padding ?? 'valid';
  const outHeight = windowOutput(height, window, stride, padding);
  const outWidth = windowOutput(width, window, stride, padding);
  if (layer.type === 'maxPooling2d') return { weights: [], shape: [outHeight, outWidth, channels] };
  return {
    weights: [[window, window, channels, layer.filters], [layer.filters]],
    shape: [outHeight, outWidth, layer.filters],
  };
}

function layerLayout(layer: LayerSpec, input: readonly number[]): { layout: LayerLayout; shape: number[] } {
  const features = input[input.length - 1] ?? 0;
  switch (layer.type) {
    case 'lstm':
      return {
        layout: { className: 'LSTM', units: layer.units, weights: lstmWeights(features, layer.units) },
        shape: layer.returnSequences ? [input[0] ?? 0, layer.units] : [layer.units],
      };
    case 'bidirectional': {
      const units = layer.layer.units;
      const width = layer.mergeMode === 'concat' ? 2 * units : units;
      return {
        layout: { className: 'Bidirectional', innerClassName: 'LSTM', units, weights: [...lstmWeights(features, units), ...lstmWeights(features, units)] },
        shape: layer.layer.returnSequences ? [input[0] ?? 0, width] : [width],
      };
    }
    case 'dense':
      return {
        layout: { className: 'Dense', units: layer.units, weights: [[features, layer.units], [layer.units]] },
        shape: [...input.slice(0, -1), layer.units],
      };
    case 'timeDistributedDense':
      return {
        layout: { className: 'TimeDistributed', innerClassName: 'Dense', units: layer.units, weights: [[features, layer.units], [layer.units]] },
        shape: [input[0] ?? 0, layer.units],
      };
    case 'repeatVector':
      return { layout: { className: 'RepeatVector', weights: [] }, shape: [layer.n, features] };
    case 'conv2d':
    case 'maxPooling2d':
    case 'flatten': {
      const out = imageLayout(layer, input);
      return { layout: { className: IMAGE_CLASS[layer.type], weights: out.weights }, shape: out.shape };
    }
    case 'timeDistributed': {
      const out = imageLayout(layer.layer, input.slice(1));
      return {
        layout: { className: 'TimeDistributed', innerClassName: IMAGE_CLASS[layer.layer.type], weights: out.weights },
        shape: [input[0] ?? 0, ...out.shape],
      };
    }
  }
}

/** The saved form of every layer of a description, in order. */
export function modelLayout(spec: ModelSpec): LayerLayout[] {
  let shape: readonly number[] = spec.inputShape;
  return spec.layers.map((layer) => {
    const { layout, shape: next } = layerLayout(layer, shape);
    shape = next;
    return layout;
  });
}

/** Every weight array's shape, in getWeights() order. */
export function weightShapes(spec: ModelSpec): number[][] {
  return modelLayout(spec).flatMap((layer) => layer.weights);
}
