import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../engine/tfjs/buildModel';
import { TfjsModel } from '../../engine/tfjs/tfjsModel';
import { createRng, createStreams } from '../../engine/random';
import { summarize } from '../../engine/summary';
import { runExperiment } from '../../engine/train';
import { defaultValues } from '../params';
import type { Predict } from '../types';
import { rectangleBatch } from './data';
import { rectanglesExperiment, type RectanglesPreview, type RectanglesValues } from './experiment';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults: RectanglesValues = defaultValues(rectanglesExperiment.params);

/** Knows one rectangle, row by row: from (0,0) go right, from the bottom edge go up, else go left. */
function rectangleDrawer(width: number, height: number): Predict {
  return async (x, xShape) => {
    const rows = xShape[0] ?? 0;
    const out = new Float32Array(rows * 2);
    for (let r = 0; r < rows; r++) {
      const px = x[2 * r] ?? 0;
      const py = x[2 * r + 1] ?? 0;
      out.set(px === 0 && py === 0 ? [width, 0] : py === 0 ? [px, height] : [0, py], 2 * r);
    }
    return out;
  };
}

describe('rectangles experiment', () => {
  it('the reference model: LSTM(10) → Dense(2, linear), 520 + 22 = 542', () => {
    const spec = rectanglesExperiment.model(defaults);
    expect(spec.inputShape).toEqual([1, 2]);
    expect(spec.loss).toBe('meanAbsoluteError');
    const summary = summarize(spec);
    expect(summary.rows.map((r) => [r.outputShape, r.params])).toEqual([
      [[null, 10], 520],
      [[null, 2], 22],
    ]);
    expect(summary.totalParams).toBe(542);
    for (const [units, expected] of [
      [10, 542],
      [3, 4 * 3 * 6 + 8],
    ] as const) {
      const model = buildModel(rectanglesExperiment.model({ ...defaults, units }), createRng('count'));
      expect(model.countParams()).toBe(expected);
      expect(summarize(rectanglesExperiment.model({ ...defaults, units })).totalParams).toBe(expected);
      model.dispose();
    }
  });

  it('the plan counts rectangles: 25,000, one per update (a batch of its 3 pairs), in order', () => {
    expect(rectanglesExperiment.plan(defaults)).toEqual({ optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 1, totalSamples: 25_000 });
    const batches = [...rectanglesExperiment.batches({ ...defaults, samples: 5, bs: 2 }, createStreams(4))];
    expect(batches.map((b) => [b.xShape, b.yShape, b.samples])).toEqual([
      [[6, 1, 2], [6, 2], 2],
      [[6, 1, 2], [6, 2], 2],
      [[3, 1, 2], [3, 2], 1],
    ]);
    // The same rectangles, in the same order, as drawing them in one go.
    const all = rectangleBatch(createStreams(4).data, 5);
    expect(Float32Array.from(batches.flatMap((b) => Array.from(b.x)))).toEqual(all.x);
    expect(Float32Array.from(batches.flatMap((b) => Array.from(b.y)))).toEqual(all.y);
  });

  it('snapshots after 100, 500, 1,000, 5,000 and 10,000 rectangles, as far as training goes', () => {
    expect(rectanglesExperiment.snapshotsAt?.(defaults)).toEqual([100, 500, 1000, 5000, 10_000]);
    expect(rectanglesExperiment.snapshotsAt?.({ ...defaults, samples: 1000 })).toEqual([100, 500, 1000]);
    expect(rectanglesExperiment.snapshotsAt?.({ ...defaults, samples: 50 })).toEqual([]);
  });

  it('evaluation: the drawn shape’s rectangularity and size, and the one-step error on fresh rectangles', async () => {
    const { metrics } = await rectanglesExperiment.evaluate(defaults, rectangleDrawer(0.5, 0.25), createRng('eval'));
    const fresh = rectangleBatch(createRng('eval'), 1000).rectangles;
    // From BL it says width 0.5, from BR height 0.25, from TR it is exact: 2 of 6 coordinates carry an error.
    const expected = fresh.reduce((s, r) => s + Math.abs(Math.fround(r.width) - 0.5) + Math.abs(Math.fround(r.height) - 0.25), 0) / 6000;
    expect(metrics).toEqual({ deviation: 0, width: 0.5, height: 0.25, mae: expect.closeTo(expected, 6) });
  });

  it('preview: the shape drawn from (0, 0) and its fit', async () => {
    const preview = await rectanglesExperiment.preview(defaults, rectangleDrawer(0.5, 0.25), createRng('preview'));
    expect(preview.shape).toEqual([
      [0, 0],
      [0.5, 0],
      [0.5, 0.25],
      [0, 0.25],
    ]);
    expect(preview.fit).toMatchObject({ deviation: 0, width: 0.5, height: 0.25 });
  });

  it('training in Node lowers the loss, counts rectangles and keeps snapshots', async () => {
    const values: RectanglesValues = { ...defaults, samples: 600, lr: 0.01 };
    const losses: number[] = [];
    const seen: number[] = [];
    const snapshots: { samplesSeen: number; preview: RectanglesPreview }[] = [];
    const { outcome, model } = await runExperiment({
      experiment: rectanglesExperiment,
      values,
      seed: 3,
      createModel: (spec, optimizer, rng) => new TfjsModel(spec, optimizer, rng),
      hooks: {
        onStep: (point) => {
          losses.push(point.values[0] ?? Number.NaN);
          seen.push(point.samplesSeen);
        },
        onSnapshot: (samplesSeen, preview) => snapshots.push({ samplesSeen, preview: preview as RectanglesPreview }),
      },
    });
    model.dispose();
    expect(outcome).toMatchObject({ status: 'completed', steps: 600, samplesSeen: 600 });
    expect(seen.slice(0, 3)).toEqual([1, 2, 3]);
    expect(snapshots.map((s) => s.samplesSeen)).toEqual([100, 500]);
    expect(snapshots[1]?.preview.shape).toHaveLength(4);
    const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
    expect(mean(losses.slice(-100))).toBeLessThan(0.6 * mean(losses.slice(0, 20)));
    expect(outcome.evaluation?.metrics.mae).toBeLessThan(0.2);
  });
});
