/**
 * The two training engines: TF.js layers (every layer, every backend) and the
 * fused CPU engine (the LSTM stacks most experiments use, many times faster).
 */
import type { ModelSpec, OptimizerSpec } from './modelSpec';
import type { Rng } from './random';
import type { TrainableModel } from './trainable';
import { FusedModel } from './fused/fusedModel';
import { fusedUnsupportedReason } from './fused/support';
import { TfjsModel } from './tfjs/tfjsModel';

export type EngineKind = 'fused' | 'tfjs';

export interface EngineChoice {
  engine: EngineKind;
  /** Why this engine: the fused engine not used although it was wanted, or what "auto" measured. */
  note?: string;
}

/**
 * "fused" and "auto" take the fused engine when it supports the model; a named
 * TF.js backend always trains with TF.js.
 */
export function chooseEngine(preference: string, spec: ModelSpec): EngineChoice {
  if (preference !== 'fused' && preference !== 'auto') return { engine: 'tfjs' };
  const reason = fusedUnsupportedReason(spec);
  if (!reason) return { engine: 'fused' };
  return { engine: 'tfjs', note: `${reason}, so TF.js trains this model` };
}

/**
 * A trainable model on the chosen engine. The fused model starts from the
 * weights TF.js initialises from the same seed, so both engines start alike.
 */
export function createTrainable(engine: EngineKind, spec: ModelSpec, optimizer: OptimizerSpec, initRng: Rng): TrainableModel {
  const reference = new TfjsModel(spec, optimizer, initRng);
  if (engine === 'tfjs') return reference;
  try {
    const weights = reference.model.getWeights().map((w) => Float32Array.from(w.dataSync() as Float32Array));
    return new FusedModel(spec, optimizer, weights);
  } finally {
    reference.dispose();
  }
}
