import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPERIMENTS } from '../../experiments/registry';
import { defaultValues } from '../../experiments/params';
import { buildModel } from '../tfjs/buildModel';
import { createRng } from '../random';
import type { LayerSpec, ModelSpec } from '../modelSpec';
import { modelLayout, weightShapes } from './layout';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function shrinkLayer(layer: LayerSpec): LayerSpec {
  if (layer.type === 'lstm') return { ...layer, units: Math.min(layer.units, 7) };
  if (layer.type === 'bidirectional') return { ...layer, layer: { ...layer.layer, units: Math.min(layer.layer.units, 7) } };
  return layer;
}
const shrink = (spec: ModelSpec): ModelSpec => ({ ...spec, layers: spec.layers.map(shrinkLayer) });

describe('modelLayout', () => {
  for (const experiment of EXPERIMENTS) {
    it(`matches the TF.js model of ${experiment.id}'s defaults: class names, units and weight shapes`, () => {
      const values = defaultValues(experiment.params);
      // Small LSTMs keep TF.js' orthogonal initializer quick; the shapes follow the units either way.
      const spec = shrink(experiment.model(values));
      const model = buildModel(spec, createRng('layout-test'));
      try {
        expect(weightShapes(spec)).toEqual(model.getWeights().map((w) => w.shape));
        const saved = (model.toJSON(null, false) as { config: { layers: { class_name: string; config: { units?: number; layer?: { class_name: string } } }[] } }).config.layers;
        const layout = modelLayout(spec);
        expect(saved.map((l) => l.class_name)).toEqual(layout.map((l) => l.className));
        expect(saved.map((l) => l.config.layer?.class_name)).toEqual(layout.map((l) => l.innerClassName));
      } finally {
        model.dispose();
      }
    });
  }
});
