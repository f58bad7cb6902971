/**
 * A trainable model on either engine that starts from given weights (a loaded
 * model, or a model updated with another optimizer) instead of seeded ones.
 */
import type { EngineKind } from './engines';
import { FusedModel } from './fused/fusedModel';
import type { ModelSpec, OptimizerSpec } from './modelSpec';
import { createRng } from './random';
import { TfjsModel } from './tfjs/tfjsModel';
import type { TrainableModel } from './trainable';
import { setWeightsOf } from './tfjs/saveModel';

export function trainableWithWeights(engine: EngineKind, spec: ModelSpec, optimizer: OptimizerSpec, weights: readonly Float32Array[]): TrainableModel {
  if (engine === 'fused') return new FusedModel(spec, optimizer, weights);
  // The initializers' values are replaced at once; their seed does not matter.
  const model = new TfjsModel(spec, optimizer, createRng('lstm-playground/restore'));
  try {
    setWeightsOf(model.model, weights);
    return model;
  } catch (error) {
    model.dispose();
    throw error;
  }
}
