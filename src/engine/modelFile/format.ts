/**
 * The playground's model files: TF.js' layers format (model.json + one
 * weights file) with what the model was trained for in userDefinedMetadata,
 * so loading it restores the experiment's settings. Pure.
 */
import type { AnyParamValues } from '../../experiments/params';

/** The key under userDefinedMetadata that holds the playground's part. */
export const METADATA_KEY = 'lstmPlayground';
export const METADATA_VERSION = 1;
export const WEIGHTS_FILE = 'weights.bin';
export const MODEL_FILE = 'model.json';

/** What a saved model was trained for, and how far. */
export interface ModelMetadata {
  version: number;
  experimentId: string;
  /** The experiment's settings (every knob). */
  params: AnyParamValues;
  seed: number;
  /** Training samples (or rows of epochs) the model has seen, updates included. */
  samplesSeen: number;
  /** Evaluation metrics when it was saved (the experiment's own evaluation). */
  metrics: Record<string, number>;
  /** ISO date of saving. */
  savedAt: string;
}

/** One entry of the weights manifest. */
export interface WeightEntry {
  name: string;
  shape: number[];
  dtype: 'float32';
}

/** The text of model.json, as TF.js' browserDownloads writes it. */
export function modelJsonText(modelTopology: unknown, weightSpecs: readonly WeightEntry[], metadata: ModelMetadata, weightsPath = WEIGHTS_FILE): string {
  return JSON.stringify({
    modelTopology,
    format: 'layers-model',
    generatedBy: 'LSTM playground',
    convertedBy: null,
    weightsManifest: [{ paths: [`./${weightsPath}`], weights: weightSpecs }],
    userDefinedMetadata: { [METADATA_KEY]: metadata },
  });
}

/** Joins Float32Arrays into one little-endian buffer (the weights file). */
export function joinWeights(weights: readonly Float32Array[]): ArrayBuffer {
  const total = weights.reduce((sum, w) => sum + w.length, 0);
  const out = new Float32Array(total);
  let offset = 0;
  for (const w of weights) {
    out.set(w, offset);
    offset += w.length;
  }
  return out.buffer;
}
