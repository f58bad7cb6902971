import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TfjsModel } from '../../engine/tfjs/tfjsModel';
import { runExperiment } from '../../engine/train';
import { defaultValues } from '../params';
import { additionExperiment } from './experiment';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('addition trains on TF.js (cpu)', () => {
  it('a short run lowers the loss from ln(12) and reports loss and per-character accuracy', async () => {
    // Smaller layers than the default keep the test quick (TF.js' orthogonal initializer alone takes
    // seconds for the 75-unit encoder) and a higher learning rate makes 40 steps enough; the data and the
    // layer stack are the defaults.
    const values = { ...defaultValues(additionExperiment.params), enc: 24, dec: 16, samples: 1280, lr: 0.005 };
    const losses: number[] = [];
    const before = tf.memory().numTensors;
    const { outcome, model } = await runExperiment({
      experiment: additionExperiment,
      values,
      seed: 3,
      createModel: (spec, optimizer, rng) => new TfjsModel(spec, optimizer, rng),
      hooks: {
        onStart: (start) => expect(start.metricNames).toEqual(['loss', 'acc']),
        onStep: (point) => losses.push(point.values[0] ?? Number.NaN),
      },
    });
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(outcome.status).toBe('completed');
    expect(losses).toHaveLength(40);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(losses[0]).toBeCloseTo(Math.log(12), 0);
    expect(mean(losses.slice(-5))).toBeLessThan(mean(losses.slice(0, 5)) - 0.2);
    const metrics = outcome.evaluation?.metrics ?? {};
    expect(Object.keys(metrics).sort()).toEqual(['accuracy', 'answers', 'loss']);
    expect(metrics.loss).toBeLessThan(Math.log(12));
    expect(metrics.accuracy).toBeGreaterThan(0.1);
  });
});
