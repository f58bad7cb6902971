import { describe, expect, it } from 'vitest';
import { createRng, createStreams } from '../../engine/random';
import { summarize } from '../../engine/summary';
import { defaultValues } from '../params';
import type { Predict } from '../types';
import { echoExperiment, type EchoValues } from './experiment';

const defaults: EchoValues = defaultValues(echoExperiment.params);

/** Answers with the one-hot input at position `at` of each row: right when at === outIndex. */
function echoingPredict(at: number): Predict {
  return async (x, xShape) => {
    const [rows = 0, length = 0, features = 0] = xShape;
    const out = new Float32Array(rows * features);
    for (let r = 0; r < rows; r++) out.set(x.subarray((r * length + at) * features, (r * length + at + 1) * features), r * features);
    return out;
  };
}

describe('echo experiment', () => {
  it('the reference model and plan', () => {
    const spec = echoExperiment.model(defaults);
    expect(spec.inputShape).toEqual([5, 10]);
    expect(summarize(spec).totalParams).toBe(3860);
    expect(echoExperiment.plan(defaults)).toEqual({ optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 1, totalSamples: 10_000 });
    expect(echoExperiment.plan({ ...defaults, opt: 'sgd', mom: 0.9 }).optimizer).toEqual({ name: 'sgd', learningRate: 0.001, momentum: 0.9 });
  });

  it('a model that echoes the right position scores 1, a wrong one about 1/10', async () => {
    const right = await echoExperiment.evaluate(defaults, echoingPredict(2), createRng('eval'));
    expect(right).toEqual({ metrics: { accuracy: 1 } });
    const wrong = await echoExperiment.evaluate(defaults, echoingPredict(4), createRng('eval'));
    expect(wrong.metrics.accuracy).toBeGreaterThan(0);
    expect(wrong.metrics.accuracy).toBeLessThan(0.3);
  });

  it('preview shows the sequence, expected and predicted values', async () => {
    const preview = await echoExperiment.preview(defaults, echoingPredict(2), createRng('preview'));
    expect(preview.sequence).toHaveLength(5);
    expect(preview.outIndex).toBe(2);
    expect(preview.expected).toBe(preview.sequence[2]);
    expect(preview.predicted).toBe(preview.expected);
    expect(preview.probabilities).toHaveLength(10);
    expect(preview.probabilities.reduce((s, p) => s + p, 0)).toBe(1);
  });

  it('batches: samples in batches of bs, the last one smaller', () => {
    const batches = [...echoExperiment.batches({ ...defaults, samples: 10, bs: 4 }, createStreams(1))];
    expect(batches.map((b) => b.xShape)).toEqual([
      [4, 5, 10],
      [4, 5, 10],
      [2, 5, 10],
    ]);
    expect(batches.map((b) => b.yShape[0])).toEqual([4, 4, 2]);
  });

  it('constrain keeps the echoed position inside the sequence', () => {
    expect(echoExperiment.constrain?.({ ...defaults, length: 2 })).toEqual({
      values: { ...defaults, length: 2, outIndex: 1 },
      notes: ['Echoed position 2 is outside a sequence of 2; using 1.'],
    });
    expect(echoExperiment.constrain?.(defaults)).toEqual({ values: defaults, notes: [] });
  });
});
