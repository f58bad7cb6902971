import type { ModelSpec } from '../modelSpec';

/** Why the fused engine cannot run this model (null when it can). */
export function fusedUnsupportedReason(spec: ModelSpec): string | null {
  for (const layer of spec.layers) {
    switch (layer.type) {
      case 'lstm':
      case 'bidirectional':
      case 'dense':
      case 'timeDistributedDense':
      case 'repeatVector':
        continue;
      default:
        return `the fused engine has no ${(layer as { type: string }).type} layer`;
    }
  }
  if (spec.inputShape.length !== 2 && spec.layers[0]?.type !== 'dense') return 'the fused engine takes sequence inputs [timesteps, features]';
  return null;
}
