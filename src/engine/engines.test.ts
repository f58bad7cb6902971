import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { echoExperiment } from '../experiments/echo/experiment';
import { defaultValues } from '../experiments/params';
import { chooseEngine, createTrainable, type EngineKind } from './engines';
import type { ModelSpec } from './modelSpec';
import { runExperiment } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function losses(engine: EngineKind, seed: number): Promise<{ losses: number[]; accuracy: number | undefined }> {
  const values = { ...defaultValues(echoExperiment.params), samples: 300, bs: 2 };
  const seen: number[] = [];
  const { outcome, model } = await runExperiment({
    experiment: echoExperiment,
    values,
    seed,
    createModel: (spec, optimizer, rng) => createTrainable(engine, spec, optimizer, rng),
    hooks: { onStep: (p) => seen.push(p.values[0] ?? Number.NaN) },
  });
  model.dispose();
  return { losses: seen, accuracy: outcome.evaluation?.metrics.accuracy };
}

describe('engines', () => {
  it('auto and fused pick the fused engine for LSTM stacks; a named TF.js backend picks TF.js', () => {
    const spec = echoExperiment.model(defaultValues(echoExperiment.params));
    expect(chooseEngine('auto', spec)).toEqual({ engine: 'fused' });
    expect(chooseEngine('fused', spec)).toEqual({ engine: 'fused' });
    expect(chooseEngine('wasm', spec)).toEqual({ engine: 'tfjs' });
  });

  it('falls back to TF.js, saying why, for a layer the fused engine lacks', () => {
    const spec = { inputShape: [5, 10], layers: [{ type: 'conv2d' }], loss: 'meanSquaredError', metrics: [] } as unknown as ModelSpec;
    const choice = chooseEngine('auto', spec);
    expect(choice.engine).toBe('tfjs');
    expect(choice.note).toMatch(/^the fused engine has no conv2d layer, so TF\.js trains this model$/);
  });

  it('with one seed both engines start from the same weights and follow the same loss curve', async () => {
    const tfjs = await losses('tfjs', 11);
    const fused = await losses('fused', 11);
    expect(fused.losses).toHaveLength(150);
    fused.losses.forEach((loss, i) => expect(Math.abs(loss - (tfjs.losses[i] ?? Number.NaN)), `step ${i + 1}`).toBeLessThan(1e-4));
    expect(fused.accuracy).toBe(tfjs.accuracy);
  });

  it('the fused engine holds no TF.js tensors', async () => {
    const before = tf.memory().numTensors;
    await losses('fused', 3);
    expect(tf.memory().numTensors).toBe(before);
  });
});
