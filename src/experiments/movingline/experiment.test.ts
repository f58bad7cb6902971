import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, createStreams } from '../../engine/random';
import { summarize } from '../../engine/summary';
import { TfjsModel } from '../../engine/tfjs/tfjsModel';
import { runExperiment } from '../../engine/train';
import { defaultValues } from '../params';
import type { Predict } from '../types';
import { movingLineExperiment, type MovingLineValues } from './experiment';

const defaults: MovingLineValues = defaultValues(movingLineExperiment.params);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * Answers P(right) from the first frame alone: 0.9 when its lit pixel is in
 * column 0, else 0.1 — or the reverse, to be always wrong.
 */
function firstFramePredict(correct: boolean): Predict {
  return async (x, xShape) => {
    const [rows = 0, frames = 0, size = 0] = xShape;
    const out = new Float32Array(rows);
    for (let r = 0; r < rows; r++) {
      const frame = x.subarray(r * frames * size * size, (r * frames + 1) * size * size);
      const startsLeft = Array.from({ length: size }, (_, row) => frame[row * size]).some((v) => v === 1);
      out[r] = startsLeft === correct ? 0.9 : 0.1;
    }
    return out;
  };
}

describe('moving line experiment', () => {
  it('the reference model: 240,661 parameters at size 50, 16,661 at size 10; the plan', () => {
    const spec = movingLineExperiment.model(defaults);
    expect(spec.inputShape).toEqual([50, 50, 50, 1]);
    expect(spec.loss).toBe('binaryCrossentropy');
    expect(summarize(spec).rows.map((r) => r.params)).toEqual([10, 0, 0, 240_600, 51]);
    expect(summarize(spec).totalParams).toBe(240_661);
    expect(summarize(movingLineExperiment.model({ ...defaults, size: 10 })).totalParams).toBe(16_661);
    expect(movingLineExperiment.plan(defaults)).toEqual({ optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 32, totalSamples: 5000 });
  });

  it('the knobs reach the model: filters, kernel, pool and units', () => {
    const rows = summarize(movingLineExperiment.model({ ...defaults, size: 20, filters: 3, kernel: 3, pool: 3, units: 7 })).rows;
    // conv 18×18×3 (3·3·1·3 + 3 = 30), pool 6×6×3 = 108 features, LSTM 4·7·(108 + 7 + 1) = 3,248.
    expect(rows.map((r) => [r.outputShape, r.params])).toEqual([
      [[null, 20, 18, 18, 3], 30],
      [[null, 20, 6, 6, 3], 0],
      [[null, 20, 108], 0],
      [[null, 7], 3248],
      [[null, 1], 8],
    ]);
  });

  it('batches: samples in batches of bs, the last one smaller; videos of size frames', () => {
    const batches = [...movingLineExperiment.batches({ ...defaults, size: 6, samples: 70, bs: 32 }, createStreams(1))];
    expect(batches.map((b) => b.xShape)).toEqual([
      [32, 6, 6, 6, 1],
      [32, 6, 6, 6, 1],
      [6, 6, 6, 6, 1],
    ]);
    expect(batches.map((b) => b.yShape)).toEqual([
      [32, 1],
      [32, 1],
      [6, 1],
    ]);
  });

  it('evaluation: a model that reads the first frame scores 1, its opposite 0', async () => {
    const values = { ...defaults, size: 12 };
    expect(await movingLineExperiment.evaluate(values, firstFramePredict(true), createRng('eval'))).toEqual({ metrics: { accuracy: 1 } });
    expect(await movingLineExperiment.evaluate(values, firstFramePredict(false), createRng('eval'))).toEqual({ metrics: { accuracy: 0 } });
  });

  it('evaluation predicts 100 videos a few at a time', async () => {
    const calls: number[][] = [];
    const predict: Predict = async (_x, xShape) => {
      calls.push(xShape);
      return new Float32Array(xShape[0] ?? 0).fill(0.7);
    };
    const result = await movingLineExperiment.evaluate({ ...defaults, size: 8 }, predict, createRng('eval'));
    expect(calls).toEqual(Array.from({ length: 4 }, () => [25, 8, 8, 8, 1]));
    // Always "right": about half right.
    expect(result.metrics.accuracy).toBeGreaterThan(0.3);
    expect(result.metrics.accuracy).toBeLessThan(0.7);
  });

  it('preview: the path, expected and predicted direction, and P(right)', async () => {
    const preview = await movingLineExperiment.preview({ ...defaults, size: 9 }, firstFramePredict(true), createRng('preview'));
    expect(preview.size).toBe(9);
    expect(preview.path.rows).toHaveLength(9);
    expect(preview.expected).toBe(preview.path.right ? 'right' : 'left');
    expect(preview.predicted).toBe(preview.expected);
    expect(preview.probabilityRight).toBeCloseTo(preview.path.right ? 0.9 : 0.1);
  });

  it('constrain keeps the kernel and the pool inside the frame', () => {
    expect(movingLineExperiment.constrain?.({ ...defaults, size: 4, kernel: 5, pool: 4 })).toEqual({
      values: { ...defaults, size: 4, kernel: 4, pool: 1 },
      notes: ['Kernel size 5 is larger than a 4 px frame; using 4.', 'Pool size 4 is larger than the 1 px convolved frame; using 1.'],
    });
    expect(movingLineExperiment.constrain?.({ ...defaults, size: 5, pool: 4 })).toEqual({
      values: { ...defaults, size: 5, pool: 4 },
      notes: [],
    });
    expect(movingLineExperiment.constrain?.(defaults)).toEqual({ values: defaults, notes: [] });
    // Every constrained combination makes a model the summary accepts.
    for (const size of [4, 5, 7]) {
      for (const kernel of [1, 3, 5]) {
        for (const pool of [1, 2, 4]) {
          const fixed = movingLineExperiment.constrain?.({ ...defaults, size, kernel, pool }).values ?? defaults;
          expect(() => summarize(movingLineExperiment.model(fixed))).not.toThrow();
        }
      }
    }
  });

  it('a short run on 10 × 10 frames lowers the loss', async () => {
    const values: MovingLineValues = { ...defaults, size: 10, samples: 1280 };
    const losses: number[] = [];
    const { outcome, model } = await runExperiment({
      experiment: movingLineExperiment,
      values,
      seed: 3,
      createModel: (spec, optimizer, rng) => new TfjsModel(spec, optimizer, rng),
      hooks: { onStep: (point) => losses.push(point.values[0] ?? Number.NaN) },
    });
    model.dispose();
    expect(outcome.status).toBe('completed');
    expect(losses).toHaveLength(40);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const first = mean(losses.slice(0, 5));
    const last = mean(losses.slice(-5));
    expect(first).toBeGreaterThan(0.6); // a coin toss: ln 2 ≈ 0.69
    expect(last).toBeLessThan(first - 0.3);
    expect(outcome.evaluation?.metrics.accuracy).toBeGreaterThan(0.8);
  });
});
