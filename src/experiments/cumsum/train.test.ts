import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TfjsModel } from '../../engine/tfjs/tfjsModel';
import { runExperiment } from '../../engine/train';
import { defaultValues } from '../params';
import { cumsumExperiment, type CumsumValues } from './experiment';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function train(values: CumsumValues) {
  const losses: number[] = [];
  const before = tf.memory().numTensors;
  const { outcome, model } = await runExperiment({
    experiment: cumsumExperiment,
    values,
    seed: 2,
    createModel: (spec, optimizer, rng) => new TfjsModel(spec, optimizer, rng),
    hooks: { onStep: (point) => losses.push(point.values[0] ?? Number.NaN) },
  });
  model.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return { outcome, losses };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('cumsum trains on TF.js (cpu)', () => {
  it('the default model: a short run lowers the loss and reports both accuracies', async () => {
    const { outcome, losses } = await train({ ...defaultValues(cumsumExperiment.params), samples: 600 });
    expect(outcome.status).toBe('completed');
    expect(losses).toHaveLength(60);
    expect(losses[0]).toBeCloseTo(Math.log(2), 0);
    expect(mean(losses.slice(-10))).toBeLessThan(mean(losses.slice(0, 10)) - 0.1);
    expect(Object.keys(outcome.evaluation?.metrics ?? {}).sort()).toEqual(['accuracy', 'sequences']);
    expect(outcome.evaluation?.metrics.accuracy).toBeGreaterThan(0.6);
  });

  it('backward only trains as well, on reversed targets', async () => {
    const { outcome, losses } = await train({ ...defaultValues(cumsumExperiment.params), dir: 'backward', units: 16, samples: 400 });
    expect(outcome.status).toBe('completed');
    expect(mean(losses.slice(-10))).toBeLessThan(mean(losses.slice(0, 10)));
  });
});
