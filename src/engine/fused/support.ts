import { usesDropout, type LstmLayerSpec, type ModelSpec } from '../modelSpec';

/** What of an LSTM layer's options the fused engine lacks, if anything. */
function lstmUnsupported(layer: LstmLayerSpec): string | null {
  if (usesDropout(layer)) return 'the fused engine has no dropout';
  const penalties = [layer.kernelRegularizer, layer.recurrentRegularizer, layer.biasRegularizer];
  if (penalties.some((p) => p && (p.l1 > 0 || p.l2 > 0))) return 'the fused engine has no weight penalties (L1/L2)';
  return null;
}

/** Why the fused engine cannot run this model (null when it can). */
export function fusedUnsupportedReason(spec: ModelSpec): string | null {
  for (const layer of spec.layers) {
    switch (layer.type) {
      case 'lstm':
      case 'bidirectional': {
        const reason = lstmUnsupported(layer.type === 'lstm' ? layer : layer.layer);
        if (reason) return reason;
        continue;
      }
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
