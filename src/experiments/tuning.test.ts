import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseEngine, createTrainable } from '../engine/engines';
import type { ModelSpec } from '../engine/modelSpec';
import { createRng } from '../engine/random';
import { EarlyStopping, runExperiment, type StepPoint } from '../engine/train';
import { TfjsModel } from '../engine/tfjs/tfjsModel';
import { echoExperiment } from './echo/experiment';
import { defaultValues } from './params';
import { findExperiment } from './registry';
import { regressionExperiment } from './regression/experiment';
import { applyTuning, VALIDATION_CHECKS, withTuning } from './tuning';
import type { AnyExperiment, AnyParamValues } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const echo = findExperiment('echo') as AnyExperiment;
const echoValues = (patch: AnyParamValues = {}): AnyParamValues => ({ ...defaultValues(echo.params), ...patch });

describe('the tuning knobs', () => {
  it('at their defaults leave every experiment’s model exactly as it was', () => {
    const untuned = [echoExperiment, regressionExperiment] as AnyExperiment[];
    for (const raw of untuned) {
      const tuned = findExperiment(raw.id) as AnyExperiment;
      const values = defaultValues(tuned.params);
      expect(tuned.model(values)).toEqual(raw.model(values));
    }
  });

  it('stack the first LSTM: every copy but the last returns its sequence', () => {
    const spec = echo.model(echoValues({ layers: 3 }));
    expect(spec.layers.map((l) => l.type)).toEqual(['lstm', 'lstm', 'lstm', 'dense']);
    expect(spec.layers.map((l) => (l.type === 'lstm' ? (l.returnSequences ?? false) : null))).toEqual([true, true, false, null]);
  });

  it('set dropout, the penalty on the chosen weights, the activation and the initialiser', () => {
    const spec = echo.model(echoValues({ drop: 0.2, rdrop: 0.1, reg: 'l1l2', rega: 0.02, regw: 'recurrent', act: 'relu', init: 'randomNormal' }));
    const [lstm, dense] = spec.layers;
    expect(lstm).toMatchObject({ type: 'lstm', dropout: 0.2, recurrentDropout: 0.1, activation: 'relu', kernelInitializer: 'randomNormal', recurrentRegularizer: { l1: 0.02, l2: 0.02 } });
    expect(lstm).not.toHaveProperty('kernelRegularizer');
    expect(lstm).not.toHaveProperty('biasRegularizer');
    expect(dense).toMatchObject({ type: 'dense', kernelInitializer: 'randomNormal' });
    const all = echo.model(echoValues({ reg: 'l2', rega: 0.5, regw: 'all' })).layers[0];
    expect(all).toMatchObject({ kernelRegularizer: { l1: 0, l2: 0.5 }, recurrentRegularizer: { l1: 0, l2: 0.5 }, biasRegularizer: { l1: 0, l2: 0.5 } });
  });

  it('reach inside Bidirectional wrappers', () => {
    const cumsum = findExperiment('cumsum') as AnyExperiment;
    const spec = cumsum.model({ ...defaultValues(cumsum.params), drop: 0.3 });
    const first = spec.layers[0];
    expect(first?.type).toBe('bidirectional');
    if (first?.type === 'bidirectional') expect(first.layer.dropout).toBe(0.3);
  });

  it('take the experiment’s own activation as the default (the regression tutorials use relu)', () => {
    const regression = findExperiment('regression') as AnyExperiment;
    expect(regression.params.act?.default).toBe('relu');
    const tanh = regression.model({ ...defaultValues(regression.params), act: 'tanh' });
    expect(tanh.layers.filter((l) => l.type === 'lstm').every((l) => l.type === 'lstm' && l.activation === 'tanh')).toBe(true);
  });

  it('refuse a knob name the experiment already uses', () => {
    const clashing = { ...echoExperiment, params: { ...echoExperiment.params, drop: echoExperiment.params.units } } as AnyExperiment;
    expect(() => withTuning(clashing)).toThrow(/drop/);
  });

  it('put a fresh validation set and early stopping in the plan only when they apply', () => {
    expect(echo.plan(echoValues()).freshValidation).toEqual({ rows: 100, checks: VALIDATION_CHECKS });
    expect(echo.plan(echoValues({ vals: 0 })).freshValidation).toBeUndefined();
    expect(echo.plan(echoValues({ es: true, pat: 3 })).earlyStopping).toEqual({ patience: 3 });
    expect(echo.plan(echoValues({ es: true, vals: 0 })).earlyStopping).toBeUndefined();
    expect(echo.params.es?.relevant?.(echoValues({ vals: 0 }))).toBe(false);
  });

  it('send models with dropout or penalties to TF.js, saying why', () => {
    const spec = (patch: AnyParamValues): ModelSpec => echo.model(echoValues(patch));
    expect(chooseEngine('auto', spec({})).engine).toBe('fused');
    expect(chooseEngine('auto', spec({ drop: 0.1 }))).toEqual({ engine: 'tfjs', note: 'the fused engine has no dropout, so TF.js trains this model' });
    expect(chooseEngine('fused', spec({ reg: 'l2' })).note).toMatch(/weight penalties/);
    expect(chooseEngine('auto', spec({ layers: 2, init: 'glorotNormal', act: 'sigmoid' })).engine).toBe('fused');
  });

  it('applyTuning keeps a model without LSTM layers as it is, but for the initialiser', () => {
    const spec: ModelSpec = { inputShape: [4], layers: [{ type: 'dense', units: 2, activation: 'linear' }], loss: 'meanSquaredError', metrics: [] };
    expect(applyTuning(spec, { layers: 3 }, { layers: true })).toEqual(spec);
  });

  it('leave an experiment’s own layers knob to the experiment (the damped sine stacks its own)', () => {
    for (const id of ['sine', 'signals']) {
      const experiment = findExperiment(id) as AnyExperiment;
      const values = defaultValues(experiment.params);
      expect(values.layers).toBe(2);
      expect(experiment.model(values).layers.filter((l) => l.type === 'lstm')).toHaveLength(2);
    }
  });
});

describe('training with the tuning knobs (TF.js, cpu)', () => {
  const small = (patch: AnyParamValues) => echoValues({ samples: 60, bs: 4, units: 8, ...patch });
  async function train(values: AnyParamValues, seed = 3) {
    const points: StepPoint[] = [];
    const { outcome, model } = await runExperiment({
      experiment: echo,
      values,
      seed,
      createModel: (spec, optimizer, rng) => new TfjsModel(spec, optimizer, rng),
      hooks: { onStep: (point) => points.push(point) },
    });
    model.dispose();
    return { outcome, points, losses: points.map((p) => p.values[0] ?? Number.NaN) };
  }

  it('dropout masks come from the seed: the same seed trains bit for bit alike, and unlike no dropout', async () => {
    const before = tf.memory().numTensors;
    const a = await train(small({ drop: 0.3, rdrop: 0.3 }));
    const b = await train(small({ drop: 0.3, rdrop: 0.3 }));
    const plain = await train(small({}));
    expect(b.losses).toEqual(a.losses);
    expect(a.losses.slice(1)).not.toEqual(plain.losses.slice(1));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a penalty is added to the training loss: L2 · Σw² of the penalised kernel at the first step', async () => {
    const values = small({ reg: 'l2', rega: 0.5, regw: 'kernel', vals: 0 });
    const spec = echo.model(values);
    const plan = echo.plan(values);
    const penalised = createTrainable('tfjs', spec, plan.optimizer, createRng('penalty'));
    const plain = createTrainable('tfjs', echo.model(small({ vals: 0 })), plan.optimizer, createRng('penalty'));
    const kernel = penalised.getWeights()[0] as Float32Array;
    const expected = 0.5 * kernel.reduce((sum, w) => sum + w * w, 0);
    const batch = echo.sampleBatch(values, createRng('batch'), 4);
    // Both start from the same weights: the validation loss includes the penalty (as in Keras), and so does the training loss.
    const [valWith] = await penalised.evaluateBatch(batch);
    const [valWithout] = await plain.evaluateBatch(batch);
    expect((valWith ?? 0) - (valWithout ?? 0)).toBeCloseTo(expected, 4);
    const [withPenalty] = await penalised.trainBatch(batch);
    const [without] = await plain.trainBatch(batch);
    expect((withPenalty ?? 0) - (without ?? 0)).toBeCloseTo(expected, 4);
    penalised.dispose();
    plain.dispose();
  });

  it('scores the fresh validation set at evenly spaced checks, the last at the end of the run', async () => {
    const { points } = await train(small({ samples: 200, bs: 1, vals: 20 }));
    const checked = points.filter((p) => Number.isFinite(p.values[2]));
    expect(points[0]?.values).toHaveLength(4); // loss, acc, val_loss, val_acc
    expect(checked).toHaveLength(VALIDATION_CHECKS);
    expect(checked.map((p) => p.samplesSeen)).toEqual(Array.from({ length: VALIDATION_CHECKS }, (_, i) => (i + 1) * 5));
  });

  it('early stopping ends the run when the validation loss stops falling, and says so', async () => {
    // A learning rate far too high: the validation loss stops improving quickly.
    const { outcome, points } = await train(small({ samples: 2000, bs: 1, vals: 20, lr: 1, es: true, pat: 2 }));
    expect(outcome.status).toBe('stopped');
    expect(outcome.message).toMatch(/^Early stopping: the validation loss has not reached a new low for 2 validation checks/);
    expect(points.length).toBeLessThan(2000);
    expect(outcome.evaluation).toBeDefined();
  });
});

describe('EarlyStopping (Keras semantics: min_delta 0)', () => {
  it('stops after `patience` checks without a strictly lower loss', () => {
    const stopper = new EarlyStopping(2);
    expect([1, 0.5, 0.5, 0.6].map((loss, i) => stopper.stopAfter(loss, i))).toEqual([false, false, false, true]);
    const again = new EarlyStopping(2);
    expect([1, 0.9, 1, 0.8, 0.85, Number.NaN].map((loss, i) => again.stopAfter(loss, i))).toEqual([false, false, false, false, false, true]);
    expect(again.explain(false)).toMatch(/2 epochs; its lowest, 0\.8000, came after 3 samples/);
  });
});
