import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainable, type EngineKind } from '../../engine/engines';
import { runExperiment, type StepPoint } from '../../engine/train';
import { defaultValues } from '../params';
import { findExperiment } from '../registry';
import type { AnyExperiment, AnyParamValues } from '../types';
import { resolveValues } from '../values';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const whole = findExperiment('echowhole') as AnyExperiment;

async function train(patch: AnyParamValues, engine: EngineKind) {
  const { values } = resolveValues(whole, { ...defaultValues(whole.params), epochs: 4, ...patch });
  const points: StepPoint[] = [];
  const { outcome, model } = await runExperiment({
    experiment: whole,
    values,
    seed: 2,
    createModel: (spec, optimizer, rng) => createTrainable(engine, spec, optimizer, rng),
    hooks: { onStep: (point) => points.push(point) },
  });
  model.dispose();
  return { outcome, points };
}

describe('held-out sequences for a stateful model (echo whole sequence)', () => {
  for (const engine of ['fused', 'tfjs'] as const) {
    it(`${engine}: scored after every epoch from zero state, without changing the training`, async () => {
      const scored = await train({ vseq: 2 }, engine);
      const bare = await train({ vseq: 0 }, engine);
      // Training is untouched: the same losses step by step, and the same evaluation.
      expect(scored.points.map((p) => p.values.slice(0, 2))).toEqual(bare.points.map((p) => p.values));
      expect(scored.outcome.evaluation).toEqual(bare.outcome.evaluation);
      // One validation score per epoch, finite, on the epoch's last batch.
      const perEpoch = scored.points.length / 4;
      expect(Number.isInteger(perEpoch) && perEpoch > 1).toBe(true);
      const checked = scored.points.filter((p) => Number.isFinite(p.values[2]));
      expect(checked.map((p) => p.step)).toEqual([1, 2, 3, 4].map((epoch) => epoch * perEpoch));
      for (const p of checked) {
        expect(p.values[2]).toBeGreaterThan(0);
        expect(p.values[3]).toBeGreaterThanOrEqual(0);
        expect(p.values[3]).toBeLessThanOrEqual(1);
      }
    });
  }

  it('one validation batch (a batch as long as the sequence) leaves the state at zero for the next epoch too', async () => {
    const scored = await train({ vseq: 1, bs: 21 }, 'fused');
    const bare = await train({ vseq: 0, bs: 21 }, 'fused');
    expect(scored.points.map((p) => p.values.slice(0, 2))).toEqual(bare.points.map((p) => p.values));
    expect(scored.points.filter((p) => Number.isFinite(p.values[2]))).toHaveLength(4);
  });

  it('the validation sequences come from the seed: two runs score alike', async () => {
    const a = await train({ vseq: 1 }, 'fused');
    const b = await train({ vseq: 1 }, 'fused');
    expect(b.points).toEqual(a.points);
  });
});
