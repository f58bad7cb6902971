import { describe, expect, it } from 'vitest';
import { summarize } from '../../engine/summary';
import { createStreams } from '../../engine/random';
import { defaultValues } from '../params';
import type { Predict } from '../types';
import { resolveRawValues } from '../values';
import { TRAIN_PAIRS, VALIDATION_PAIRS } from './data';
import { curvesExperiment, type CurvesValues } from './experiment';
import { changedFromPreset, configOf, PRESETS, type PresetId } from './presets';

const defaults: CurvesValues = defaultValues(curvesExperiment.params);
const preset = (id: PresetId, patch: Partial<CurvesValues> = {}): CurvesValues => ({ ...defaults, preset: id, ...patch });

describe('learning-curve data', () => {
  it('train pairs 0.0→0.1 … 0.4→0.5, validation pairs 0.5→0.6 … 0.9→1.0', () => {
    expect(TRAIN_PAIRS.map((p) => [p.x, p.y])).toEqual([
      [0, 0.1],
      [0.1, 0.2],
      [0.2, 0.3],
      [0.3, 0.4],
      [0.4, 0.5],
    ]);
    expect(VALIDATION_PAIRS.map((p) => [p.x, p.y])).toEqual([
      [0.5, 0.6],
      [0.6, 0.7],
      [0.7, 0.8],
      [0.8, 0.9],
      [0.9, 1],
    ]);
  });

  it('each pair is 1 timestep × 1 feature; validation is the fixed validation pairs', () => {
    const sample = curvesExperiment.sampleBatch(defaults, createStreams(1).preview, 5);
    expect(sample.xShape).toEqual([5, 1, 1]);
    expect(sample.yShape).toEqual([5, 1]);
    const validation = curvesExperiment.validation?.(defaults);
    expect(validation?.xShape).toEqual([5, 1, 1]);
    expect(Array.from(validation?.x ?? [])).toEqual(Array.from(Float32Array.from([0.5, 0.6, 0.7, 0.8, 0.9])));
    expect(Array.from(validation?.y ?? [])).toEqual(Array.from(Float32Array.from([0.6, 0.7, 0.8, 0.9, 1])));
  });
});

describe('learning-curve presets', () => {
  it('LSTM(10) → Dense(1): 491 parameters; too little capacity: LSTM(1), 14; 5 cells: 146', () => {
    expect(curvesExperiment.model(defaults)).toMatchObject({ inputShape: [1, 1], loss: 'meanSquaredError', metrics: [] });
    expect(curvesExperiment.model(defaults).layers).toEqual([
      { type: 'lstm', units: 10 },
      { type: 'dense', units: 1, activation: 'linear' },
    ]);
    expect(summarize(curvesExperiment.model(defaults)).totalParams).toBe(4 * (10 * (1 + 10) + 10) + (10 + 1));
    expect(summarize(curvesExperiment.model(preset('capacity'))).totalParams).toBe(4 * (1 * (1 + 1) + 1) + (1 + 1));
    expect(summarize(curvesExperiment.model({ ...defaults, units: 5 })).totalParams).toBe(146);
  });

  it('the five configurations of §12, with Keras’ default learning rates and batch size', () => {
    const plans = Object.fromEntries((Object.keys(PRESETS) as PresetId[]).map((id) => [id, curvesExperiment.plan(preset(id))]));
    expect(plans).toEqual({
      'more-training': { optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 32, totalSamples: 100 * 5 },
      capacity: { optimizer: { name: 'sgd', learningRate: 0.01, momentum: 0 }, batchSize: 32, totalSamples: 300 * 5 },
      good: { optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 32, totalSamples: 800 * 5 },
      overfit: { optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 32, totalSamples: 1200 * 5 },
      repeats: { optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 32, totalSamples: 300 * 5 },
    });
    expect(curvesExperiment.model(preset('capacity')).loss).toBe('meanAbsoluteError');
    expect(curvesExperiment.curveLesson?.(preset('repeats'))).toEqual({ name: 'Multiple runs (5 × 300 epochs)', expected: null, changed: [], repeats: 5 });
    expect(curvesExperiment.curveLesson?.(preset('overfit'))).toEqual({ name: 'Overfit', expected: 'overfit', changed: [] });
  });

  it('knobs set by the user override the preset, and the lesson lists them', () => {
    expect(configOf(preset('capacity', { units: 10, opt: 'adam' }))).toMatchObject({ units: 10, optimizer: 'adam', learningRate: 0.001, loss: 'mae' });
    expect(configOf(preset('good', { opt: 'sgd', lr: 0.05, mom: 0.9 }))).toMatchObject({ optimizer: 'sgd', learningRate: 0.05, momentum: 0.9 });
    expect(changedFromPreset(preset('capacity', { units: 10, opt: 'adam' }))).toEqual(['LSTM units', 'Optimizer', 'Learning rate']);
    expect(changedFromPreset(preset('more-training', { epochs: 800 }))).toEqual(['Epochs']);
    // Choosing what the preset already uses, or a batch still holding all 5 pairs, changes nothing.
    expect(changedFromPreset(preset('good', { opt: 'adam', lr: 0.001, loss: 'mse', units: 10, bs: 5 }))).toEqual([]);
    expect(changedFromPreset(preset('good', { bs: 2 }))).toEqual(['Batch size']);
    // Momentum matters to SGD only.
    expect(changedFromPreset(preset('good', { mom: 0.9 }))).toEqual([]);
    expect(changedFromPreset(preset('capacity', { mom: 0.9 }))).toEqual(['Momentum']);
    // Gradient clipping, as on every experiment: off in every preset.
    expect(changedFromPreset(preset('overfit', { clip: 1 }))).toEqual(['Gradient clipping']);
    expect(curvesExperiment.plan(preset('overfit', { clip: 1 })).optimizer).toEqual({ name: 'adam', learningRate: 0.001, clipNorm: 1 });
  });

  it('links carry the preset and the overrides', () => {
    const { values, warnings } = resolveRawValues(curvesExperiment, new Map([['preset', 'overfit'], ['epochs', '1500'], ['loss', 'mae']]));
    expect(warnings).toEqual([]);
    expect(configOf(values as CurvesValues)).toMatchObject({ epochs: 1500, loss: 'mae', units: 10 });
    expect(resolveRawValues(curvesExperiment, new Map([['preset', 'nope']])).warnings.join(' ')).toContain('"nope" is not one of more-training, capacity, good, overfit, repeats');
  });

  it('each epoch: the 5 training pairs in order (the lesson’s shuffle=False), in one batch or several', () => {
    const one = [...curvesExperiment.batches(preset('more-training', { epochs: 3 }), createStreams(1))];
    expect(one.map((b) => [b.xShape[0], b.epochEnd])).toEqual([
      [5, true],
      [5, true],
      [5, true],
    ]);
    expect(Array.from(one[0]?.x ?? [])).toEqual(Array.from(Float32Array.from([0, 0.1, 0.2, 0.3, 0.4])));
    const small = [...curvesExperiment.batches(preset('good', { epochs: 2, bs: 2 }), createStreams(1))];
    expect(small.map((b) => [b.xShape[0], b.epochEnd === true])).toEqual([
      [2, false],
      [2, false],
      [1, true],
      [2, false],
      [2, false],
      [1, true],
    ]);
    expect([...curvesExperiment.batches(preset('overfit'), createStreams(1))]).toHaveLength(1200);
  });

  it('evaluation: the mean squared error on the training and on the validation pairs', async () => {
    const perfect: Predict = async (x) => x.map((v) => v + 0.1);
    const evaluation = await curvesExperiment.evaluate(defaults, perfect, createStreams(1).evaluation);
    expect(evaluation.metrics.trainMse).toBeCloseTo(0, 12);
    expect(evaluation.metrics.validationMse).toBeCloseTo(0, 12);
    // Always answering 0.3: training errors −0.2 … 0.2, validation errors 0.3 … 0.7.
    const constant: Predict = async (x) => x.map(() => 0.3);
    const metrics = (await curvesExperiment.evaluate(defaults, constant, createStreams(1).evaluation)).metrics;
    expect(metrics.trainMse).toBeCloseTo((0.04 + 0.01 + 0 + 0.01 + 0.04) / 5, 6);
    expect(metrics.validationMse).toBeCloseTo((0.09 + 0.16 + 0.25 + 0.36 + 0.49) / 5, 6);
    const preview = await curvesExperiment.preview(defaults, constant, createStreams(1).preview);
    expect(preview.rows.map((r) => r.validation)).toEqual([false, false, false, false, false, true, true, true, true, true]);
  });
});
