import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { echoExperiment, type EchoPreview, type EchoValues } from '../experiments/echo/experiment';
import { defaultValues } from '../experiments/params';
import type { Batch, Predict } from '../experiments/types';
import { createRng, type Streams } from './random';
import { TfjsModel } from './tfjs/tfjsModel';
import type { TrainableModel } from './trainable';
import { runExperiment, type ModelFactory, type RunOptions, type RunStart, type StepPoint } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const tfjsFactory: ModelFactory = (spec, optimizer, rng) => new TfjsModel(spec, optimizer, rng);

function echoValues(patch: Partial<EchoValues>): EchoValues {
  return { ...defaultValues(echoExperiment.params), ...patch };
}

async function trainEcho(values: EchoValues, seed: number, extra: Partial<RunOptions> = {}) {
  const points: StepPoint[] = [];
  const { outcome, model } = await runExperiment({
    experiment: echoExperiment,
    values,
    seed,
    createModel: tfjsFactory,
    hooks: { onStep: (point) => points.push(point) },
    ...extra,
  });
  model.dispose();
  return { outcome, points, losses: points.map((p) => p.values[0] ?? Number.NaN) };
}

describe('runExperiment on echo with TF.js (cpu)', () => {
  it('batch size 1: the same seed gives bit-identical losses and evaluation; another seed differs', async () => {
    const values = echoValues({ samples: 200, bs: 1 });
    const a = await trainEcho(values, 5);
    const b = await trainEcho(values, 5);
    expect(a.points).toHaveLength(200);
    expect(a.points.map((p) => p.step)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(a.points.at(-1)?.samplesSeen).toBe(200);
    expect(a.points[0]?.values).toHaveLength(2); // loss, acc
    // Bit for bit: toEqual on numbers compares with Object.is.
    expect(b.losses).toEqual(a.losses);
    expect(b.points).toEqual(a.points);
    expect(b.outcome).toEqual(a.outcome);
    expect(a.outcome.status).toBe('completed');
    expect(a.outcome.steps).toBe(200);
    expect(a.outcome.evaluation?.metrics.accuracy).toBeGreaterThanOrEqual(0);
    // At the start the loss is near ln(10), pure guessing.
    expect(a.losses[0]).toBeGreaterThan(1.8);
    expect(a.losses[0]).toBeLessThan(2.9);

    const c = await trainEcho(values, 6);
    expect(c.losses).not.toEqual(a.losses);
    expect(c.losses[0]).not.toBe(a.losses[0]);
  });

  it('batch size 8: deterministic too, with a smaller last batch', async () => {
    const values = echoValues({ samples: 203, bs: 8 });
    const a = await trainEcho(values, 11);
    const b = await trainEcho(values, 11);
    expect(a.points).toHaveLength(26);
    expect(a.points.map((p) => p.samplesSeen).slice(-2)).toEqual([200, 203]);
    expect(b.losses).toEqual(a.losses);
    expect(b.outcome.evaluation).toEqual(a.outcome.evaluation);
    const c = await trainEcho(values, 12);
    expect(c.losses).not.toEqual(a.losses);
  });

  it('frees every tensor after the run, after predictions and after dispose', async () => {
    const values = echoValues({ samples: 40, bs: 4 });
    const before = tf.memory().numTensors;
    const { outcome, model } = await runExperiment({ experiment: echoExperiment, values, seed: 3, createModel: tfjsFactory });
    expect(outcome.status).toBe('completed');
    const alive = tf.memory().numTensors;
    expect(alive).toBeGreaterThan(before);
    const sample = echoExperiment.sampleBatch(values, (await import('./random')).createRng('predict'), 5);
    for (let i = 0; i < 3; i++) {
      const out = await model.predict(sample.x, sample.xShape);
      expect(out).toHaveLength(5 * 10);
      expect(tf.memory().numTensors).toBe(alive);
    }
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);

    // A second run: nothing accumulates across runs either.
    await trainEcho(values, 4);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a checkpoint that says stop ends the run after that batch, and still evaluates', async () => {
    let calls = 0;
    const previews: unknown[] = [];
    const { outcome, points } = await trainEcho(echoValues({ samples: 1000, bs: 2 }), 1, {
      checkpoint: async () => ++calls < 3,
      hooks: { onPreview: (p) => previews.push(p) },
    });
    expect(calls).toBe(3);
    expect(points).toHaveLength(0); // hooks were replaced: onStep not given
    expect(outcome.status).toBe('stopped');
    expect(outcome.steps).toBe(3);
    expect(outcome.samplesSeen).toBe(6);
    expect(outcome.message).toBe('Stopped after 6 of 1,000 samples.');
    expect(outcome.evaluation?.metrics.accuracy).toBeTypeOf('number');
    // The final preview after the run.
    expect(previews).toHaveLength(1);
    const preview = previews[0] as EchoPreview;
    expect(preview.sequence).toHaveLength(5);
    expect(preview.probabilities).toHaveLength(10);
    expect(preview.expected).toBe(preview.sequence[2]);
  });
});

/** A model that returns scripted losses: exercises the loop without TF.js. */
class ScriptedModel implements TrainableModel {
  readonly metricNames = ['loss'] as const;
  readonly paramCount = 7;
  readonly batches: Batch[] = [];
  /** What happened, in order: 'train', 'reset', 'predict', 'evaluate'. */
  readonly log: string[] = [];
  disposed = 0;
  constructor(
    private readonly losses: readonly number[],
    private readonly failAt = -1,
  ) {}
  async trainBatch(batch: Batch): Promise<number[]> {
    this.batches.push(batch);
    this.log.push('train');
    if (this.batches.length === this.failAt) throw new Error('boom');
    return [this.losses[this.batches.length - 1] ?? 0.5];
  }
  async evaluateBatch(batch: Batch): Promise<number[]> {
    this.log.push('evaluate');
    return [batch.xShape[0] ?? 0];
  }
  predict: Predict = async (_x, xShape) => {
    this.log.push('predict');
    return new Float32Array((xShape[0] ?? 0) * 10).fill(0.1);
  };
  resetStates(): void {
    this.log.push('reset');
  }
  getWeights(): Float32Array[] {
    return [];
  }
  lastGradientNorms(): null {
    return null;
  }
  dispose(): void {
    this.disposed++;
  }
}

describe('runExperiment loop', () => {
  const values = echoValues({ samples: 10, bs: 3 });

  it('reports the start, batches of 3,3,3,1 and a completed outcome', async () => {
    const model = new ScriptedModel([2, 1.5, 1, 0.5]);
    const starts: unknown[] = [];
    const result = await runExperiment({
      experiment: echoExperiment,
      values,
      seed: 1,
      createModel: () => model,
      hooks: { onStart: (s) => starts.push(s) },
    });
    expect(starts).toEqual([{ metricNames: ['loss'], paramCount: 7, totalSamples: 10 }]);
    expect(model.batches.map((b) => b.xShape)).toEqual([
      [3, 5, 10],
      [3, 5, 10],
      [3, 5, 10],
      [1, 5, 10],
    ]);
    expect(result.outcome).toEqual({ status: 'completed', steps: 4, samplesSeen: 10, lastValues: [0.5], evaluation: { metrics: { accuracy: expect.any(Number) } } });
    expect(result.model).toBe(model);
    expect(model.disposed).toBe(0);
  });

  it('stops on a non-finite loss with advice, without evaluating', async () => {
    const model = new ScriptedModel([2, Number.NaN, 1]);
    const previews: unknown[] = [];
    const { outcome } = await runExperiment({
      experiment: echoExperiment,
      values,
      seed: 1,
      createModel: () => model,
      hooks: { onPreview: (p) => previews.push(p), wantsPreview: () => false },
    });
    expect(outcome.status).toBe('diverged');
    expect(outcome.steps).toBe(2);
    expect(outcome.evaluation).toBeUndefined();
    expect(outcome.message).toMatch(/^The loss became NaN at step 2: .*Lower the learning rate/);
    expect(previews).toEqual([]);
  });

  it('asks for previews after each step and computes one only when wanted', async () => {
    let asked = 0;
    const previews: unknown[] = [];
    await runExperiment({
      experiment: echoExperiment,
      values,
      seed: 1,
      createModel: () => new ScriptedModel([]),
      hooks: { wantsPreview: () => ++asked % 2 === 0, onPreview: (p) => previews.push(p) },
    });
    expect(asked).toBe(4);
    expect(previews).toHaveLength(2 + 1);
  });

  it('the preview after the run is the same however many live previews the page asked for', async () => {
    const finalPreview = async (wantsPreview: () => boolean) => {
      const previews: unknown[] = [];
      await runExperiment({ experiment: echoExperiment, values, seed: 1, createModel: () => new ScriptedModel([]), hooks: { wantsPreview, onPreview: (p) => previews.push(p) } });
      return { count: previews.length, last: previews.at(-1) };
    };
    const none = await finalPreview(() => false);
    const every = await finalPreview(() => true);
    expect(none.count).toBe(1);
    expect(every.count).toBe(4 + 1);
    expect(every.last).toEqual(none.last);
  });

  it('keeps one snapshot for each batch that passes snapshot points, with the samples seen then', async () => {
    const snapshots: number[] = [];
    await runExperiment({
      experiment: { ...echoExperiment, snapshotsAt: () => [1, 3, 4, 9, 50] },
      values,
      seed: 1,
      createModel: () => new ScriptedModel([]),
      hooks: { onSnapshot: (samplesSeen) => snapshots.push(samplesSeen) },
    });
    // Batches end at 3, 6, 9, 10 samples: points 1 and 3 are passed by the first batch, 4 by the second.
    expect(snapshots).toEqual([3, 6, 9]);
  });

  it('disposes the model and rethrows when training fails', async () => {
    const model = new ScriptedModel([], 2);
    await expect(runExperiment({ experiment: echoExperiment, values, seed: 1, createModel: () => model })).rejects.toThrow('boom');
    expect(model.disposed).toBe(1);
  });

  it('the training data depends only on the seed', async () => {
    const a = new ScriptedModel([]);
    const b = new ScriptedModel([]);
    const c = new ScriptedModel([]);
    await runExperiment({ experiment: echoExperiment, values, seed: 9, createModel: () => a });
    await runExperiment({ experiment: echoExperiment, values, seed: 9, createModel: () => b, hooks: { wantsPreview: () => true } });
    await runExperiment({ experiment: echoExperiment, values, seed: 10, createModel: () => c });
    expect(b.batches).toEqual(a.batches);
    expect(c.batches).not.toEqual(a.batches);
  });

  it('resets the state after batches that end a sequence, and previews a stateful model only then, from zero state', async () => {
    const model = new ScriptedModel([]);
    const statefulEcho = {
      ...echoExperiment,
      model: (v: typeof values) => {
        const spec = echoExperiment.model(v);
        return { ...spec, batchSize: 3, layers: spec.layers.map((l) => (l.type === 'lstm' ? { ...l, stateful: true } : l)) };
      },
      // Sequences of two batches: the state is reset after the 2nd and the 4th.
      *batches(v: typeof values, streams: Streams) {
        let i = 0;
        for (const batch of echoExperiment.batches(v, streams)) yield { ...batch, resetStatesAfter: ++i % 2 === 0 };
      },
    };
    await runExperiment({ experiment: statefulEcho, values, seed: 1, createModel: () => model, hooks: { wantsPreview: () => true, onPreview: () => undefined } });
    // The final evaluation and preview start from zero state and leave none behind.
    expect(model.log.join(' ')).toBe('train train reset predict reset train train reset predict reset reset predict reset predict reset');
  });

  it('scores the validation data after each epoch as val_ metrics, NaN between', async () => {
    const model = new ScriptedModel([]);
    const withValidation = {
      ...echoExperiment,
      validation: (v: typeof values) => echoExperiment.sampleBatch(v, createRng('validation'), 2),
      *batches(v: typeof values, streams: Streams) {
        let i = 0;
        for (const batch of echoExperiment.batches(v, streams)) yield { ...batch, epochEnd: ++i % 2 === 0 };
      },
    };
    const starts: RunStart[] = [];
    const points: StepPoint[] = [];
    await runExperiment({ experiment: withValidation, values, seed: 1, createModel: () => model, hooks: { onStart: (s) => starts.push(s), onStep: (p) => points.push(p) } });
    expect(starts[0]?.metricNames).toEqual(['loss', 'val_loss']);
    expect(points.map((p) => p.values[1])).toEqual([Number.NaN, 2, Number.NaN, 2]);
    expect(model.log.filter((entry) => entry === 'evaluate')).toHaveLength(2);
  });
});
