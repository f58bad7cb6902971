import * as tf from '@tensorflow/tfjs';
import { joinWeights, modelJsonText, type ModelMetadata, type WeightEntry } from '../modelFile/format';
import type { ModelSpec } from '../modelSpec';
import { createRng } from '../random';
import { buildModel } from './buildModel';

export interface SavedFiles {
  /** The text of model.json (topology, weights manifest, the playground's settings). */
  modelJson: string;
  /** The weights file's bytes. */
  weights: ArrayBuffer;
}

/** Gives a TF.js model these weights (getWeights() order); throws when their number or sizes do not fit. */
export function setWeightsOf(model: tf.LayersModel, weights: readonly Float32Array[]): void {
  const variables = model.weights;
  if (variables.length !== weights.length) throw new Error(`The model has ${variables.length} weight arrays, ${weights.length} were given.`);
  // Weight variables have complete shapes (no unknown dimensions).
  const tensors = weights.map((w, i) => tf.tensor(w, variables[i]?.shape as number[]));
  try {
    model.setWeights(tensors);
  } finally {
    tensors.forEach((t) => t.dispose());
  }
}

/** Builds the TF.js model of a description and gives it these weights (getWeights() order). The caller disposes it. */
export function tfjsModelWith(spec: ModelSpec, weights: readonly Float32Array[]): tf.Sequential {
  // The initializers' values are overwritten at once; their seed does not matter.
  const model = buildModel(spec, createRng('lstm-playground/restore'));
  try {
    setWeightsOf(model, weights);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return model;
}

/**
 * The files of a model in TF.js' layers format, saved through tf.io.withSaveHandler from the
 * TF.js model of the description (the source of truth, whichever engine trained the weights).
 */
export async function saveModelFiles(spec: ModelSpec, weights: readonly Float32Array[], metadata: ModelMetadata): Promise<SavedFiles> {
  const model = tfjsModelWith(spec, weights);
  try {
    let files: SavedFiles | null = null;
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const specs = (artifacts.weightSpecs ?? []).map((s): WeightEntry => ({ name: s.name, shape: [...s.shape], dtype: 'float32' }));
        const data = artifacts.weightData;
        const buffer = data === undefined ? joinWeights([]) : tf.io.CompositeArrayBuffer.join(data);
        files = { modelJson: modelJsonText(artifacts.modelTopology, specs, metadata), weights: buffer };
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    if (!files) throw new Error('TF.js saved no model.');
    return files;
  } finally {
    model.dispose();
  }
}
