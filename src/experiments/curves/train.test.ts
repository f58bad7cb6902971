import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose, type DiagnosisLabel } from '../../engine/diagnosis';
import { createTrainable } from '../../engine/engines';
import { runExperiment } from '../../engine/train';
import { defaultValues } from '../params';
import { curvesExperiment, type CurvesValues } from './experiment';
import type { PresetId } from './presets';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults: CurvesValues = defaultValues(curvesExperiment.params);

/** Trains a preset on the fused engine and returns its curves as the page receives them. */
async function train(id: PresetId, seed: number) {
  const loss: number[] = [];
  const validation: number[] = [];
  const samples: number[] = [];
  const { outcome, model } = await runExperiment({
    experiment: curvesExperiment,
    values: { ...defaults, preset: id },
    seed,
    createModel: (spec, optimizer, rng) => createTrainable('fused', spec, optimizer, rng),
    hooks: {
      onStart: (start) => expect(start.metricNames).toEqual(['loss', 'val_loss']),
      onStep: (point) => {
        loss.push(point.values[0] ?? Number.NaN);
        validation.push(point.values[1] ?? Number.NaN);
        samples.push(point.samplesSeen);
      },
    },
  });
  model.dispose();
  return { curves: { loss, validation, samples }, outcome };
}

/** The labels the page would show as the run grows, updated every 20 epochs with the previous label passed on. */
function liveLabels(curves: { loss: number[]; validation: number[]; samples: number[] }): DiagnosisLabel[] {
  const labels: DiagnosisLabel[] = [];
  let previous: DiagnosisLabel | undefined;
  for (let n = 20; n <= curves.loss.length; n += 20) {
    previous = diagnose({ loss: curves.loss.slice(0, n), validation: curves.validation.slice(0, n), samples: curves.samples.slice(0, n) }, previous).label;
    if (labels.at(-1) !== previous) labels.push(previous);
  }
  return labels;
}

describe('the presets trained on the fused engine reach the shape they are meant to show', () => {
  const cases: [PresetId, DiagnosisLabel][] = [
    ['more-training', 'improving'],
    ['capacity', 'underfit'],
    ['good', 'good'],
    ['overfit', 'overfit'],
  ];
  for (const [id, expected] of cases) {
    it(`${id}: ${expected} (seeds 1–3)`, async () => {
      for (const seed of [1, 2, 3]) {
        const { curves, outcome } = await train(id, seed);
        expect(outcome.status).toBe('completed');
        // One step and one validation score per epoch.
        expect(curves.validation.filter(Number.isFinite)).toHaveLength(curves.loss.length);
        expect(diagnose(curves).label, `${id}, seed ${seed}`).toBe(expected);
        // Followed live, the label moves on from shape to shape and never comes back to one.
        const live = liveLabels(curves);
        expect(new Set(live).size, `${id}, seed ${seed}: ${live.join(' → ')}`).toBe(live.length);
      }
    });
  }

  it('overfit: the validation loss turns up after its minimum, which comes well before the end', async () => {
    const { curves } = await train('overfit', 1);
    const best = diagnose(curves).best;
    expect(best?.epoch).toBeGreaterThan(100);
    expect(best?.epoch).toBeLessThan(1100);
    expect(curves.validation.at(-1)).toBeGreaterThan((best?.value ?? 0) * 1.1);
  });
});
