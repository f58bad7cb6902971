/** The knobs and layers of a stack of 1–4 LSTM layers over a series, each with its own width. */
import type { LayerSpec } from '../engine/modelSpec';
import type { IntParam } from './params';

export const MAX_LAYERS = 4;

function unitsParam(layer: number, reads: string): IntParam {
  return {
    kind: 'int',
    label: `Units, layer ${layer}`,
    help:
      layer === 1
        ? `Memory cells in the first LSTM layer, which reads ${reads} step by step.`
        : `Memory cells in LSTM layer ${layer}, which reads the sequence of layer ${layer - 1}'s outputs.`,
    section: 'model',
    ...(layer > 1 ? { relevant: (values) => Number(values.layers) >= layer } : {}),
    default: 20,
    min: 1,
    max: 256,
  };
}

/** `layers` and the units of each layer; `reads` names what the first layer reads ("the wave"). */
export function stackedLstmParams(reads: string) {
  return {
    layers: {
      kind: 'int',
      label: 'LSTM layers',
      help: 'Stacked LSTM layers; every layer but the last passes its whole output sequence to the next.',
      section: 'model',
      default: 2,
      min: 1,
      max: MAX_LAYERS,
    } satisfies IntParam,
    units: unitsParam(1, reads),
    units2: unitsParam(2, reads),
    units3: unitsParam(3, reads),
    units4: unitsParam(4, reads),
  };
}

interface StackValues {
  layers: number;
  units: number;
  units2: number;
  units3: number;
  units4: number;
}

/** Units of each LSTM layer, first to last. */
export function layerUnits(values: StackValues): number[] {
  return [values.units, values.units2, values.units3, values.units4].slice(0, values.layers);
}

/** The LSTM layers: every one but the last returns its whole sequence. */
export function stackedLstmLayers(values: StackValues): LayerSpec[] {
  const units = layerUnits(values);
  return units.map((n, i) => ({ type: 'lstm', units: n, returnSequences: i < units.length - 1 }));
}
