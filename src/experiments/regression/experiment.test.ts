import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainable } from '../../engine/engines';
import { createStreams } from '../../engine/random';
import { summarize } from '../../engine/summary';
import { runExperiment, type StepPoint } from '../../engine/train';
import { defaultValues } from '../params';
import type { Predict } from '../types';
import { resolveValues } from '../values';
import { regressionExperiment, type RegressionValues } from './experiment';
import { formatData, parseData, parseInput, PROBLEMS, validationSplit } from './problems';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults: RegressionValues = defaultValues(regressionExperiment.params);
const withProblem = (patch: Partial<RegressionValues>) => resolveValues(regressionExperiment, { ...defaults, ...patch }).values as RegressionValues;

describe('regression problems', () => {
  it('hold the tutorial data: a = 15·x, b = x1·x2, c = sums of 3, d and e from two series', () => {
    expect(PROBLEMS.a.x.map((s) => s[0]?.[0])).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(PROBLEMS.a.y[19]).toEqual([300]);
    expect(PROBLEMS.b.x[24]).toEqual([[50, 75]]);
    expect(PROBLEMS.b.y[24]).toEqual([3750]);
    expect(PROBLEMS.c.x[14]).toEqual([[43], [44], [45]]);
    expect(PROBLEMS.c.y[14]).toEqual([132]);
    expect(PROBLEMS.d.x[0]).toEqual([
      [3, 5],
      [6, 10],
      [9, 15],
    ]);
    expect(PROBLEMS.d.y[0]).toEqual([24]);
    expect(PROBLEMS.d.x[14]?.[2]).toEqual([135, 225]);
    expect(PROBLEMS.e.y[0]).toEqual([12, 20]);
  });

  it('validation split: the last 20% held out, as Keras does', () => {
    expect(validationSplit(20, 0.2)).toEqual({ train: 16, validation: 4 });
    expect(validationSplit(25, 0.2)).toEqual({ train: 20, validation: 5 });
    expect(validationSplit(15, 0.2)).toEqual({ train: 12, validation: 3 });
    expect(validationSplit(15, 0)).toEqual({ train: 15, validation: 0 });
  });

  it('test inputs are read as timesteps separated by ";" and features by ","', () => {
    expect(parseInput('8, 51; 11, 56; 14,61')).toEqual([
      [8, 51],
      [11, 56],
      [14, 61],
    ]);
    expect(parseInput('30')).toEqual([[30]]);
    expect(parseInput('30; x')).toBeNull();
    expect(parseInput(' ; ')).toBeNull();
  });
});

describe('edited data sets', () => {
  it('round-trip through the compact text of links', () => {
    for (const problem of Object.values(PROBLEMS)) expect(parseData(formatData(problem.x, problem.y), problem)).toEqual({ x: problem.x, y: problem.y });
    expect(formatData(PROBLEMS.a.x.slice(0, 2), PROBLEMS.a.y.slice(0, 2))).toBe('1>15;2>30');
    expect(formatData(PROBLEMS.d.x.slice(0, 1), PROBLEMS.d.y.slice(0, 1))).toBe('3,5,6,10,9,15>24');
  });

  it('say what is wrong with a data set that does not fit the problem', () => {
    expect(parseData('1>15', PROBLEMS.a)).toBe('The data needs at least 2 samples.');
    expect(parseData('1>15;2,3>30', PROBLEMS.a)).toBe('Sample 2 has 2 input and 1 output values; problem a takes 1 and 1.');
    expect(parseData('1>15;x>30', PROBLEMS.a)).toBe('Sample 2 is not numbers in the form "x,…>y".');
    expect(parseData('1>15;2>>30', PROBLEMS.a)).toBe('Sample 2 is not numbers in the form "x,…>y".');
  });

  it('train the model instead of the tutorial data; one that does not fit is dropped with a note', () => {
    const edited = withProblem({ data: '1>10;2>20;3>30;4>40;5>50' });
    expect(regressionExperiment.sampleBatch(edited, createStreams(1).preview, 2).xShape).toEqual([5, 1, 1]);
    expect(Array.from(regressionExperiment.validation?.(edited)?.y ?? [])).toEqual([50]);
    const wrong = resolveValues(regressionExperiment, { ...defaults, problem: 'b', data: '1>10;2>20' });
    expect(wrong.values.data).toBe('');
    expect(wrong.warnings.join(' ')).toContain('problem b takes 2 and 1. Using the tutorial’s data for problem b.');
  });
});

describe('regression experiment', () => {
  it('the models of §10: simple LSTM(50, relu), stacked 50+50, bidirectional; b with its Dense layers', () => {
    expect(summarize(regressionExperiment.model(defaults)).totalParams).toBe(4 * (50 * (1 + 50) + 50) + 51);
    expect(regressionExperiment.model(withProblem({ arch: 'stacked' })).layers.map((l) => l.type)).toEqual(['lstm', 'lstm', 'dense']);
    const b = regressionExperiment.model(withProblem({ problem: 'b', arch: 'stacked' }));
    expect(b.layers.map((l) => ('units' in l ? l.units : l.type))).toEqual([200, 100, 50, 25, 20, 10, 1]);
    expect(regressionExperiment.model(withProblem({ problem: 'e' })).layers.at(-1)).toMatchObject({ units: 2 });
    expect(regressionExperiment.plan(defaults)).toMatchObject({ batchSize: 5, totalSamples: 2000 * 16 });
    expect(regressionExperiment.plan(withProblem({ problem: 'b' }))).toMatchObject({ batchSize: 3, totalSamples: 1000 * 20 });
  });

  it('each epoch: the 16 training samples shuffled, in batches of 5, the last ending the epoch; validation is the last 4', () => {
    const values = withProblem({ epochs: 2 });
    const batches = [...regressionExperiment.batches(values, createStreams(1))];
    expect(batches.map((b) => b.xShape[0])).toEqual([5, 5, 5, 1, 5, 5, 5, 1]);
    expect(batches.map((b) => b.epochEnd === true)).toEqual([false, false, false, true, false, false, false, true]);
    const firstEpoch = batches.slice(0, 4).flatMap((b) => Array.from(b.x)).sort((p, q) => p - q);
    expect(firstEpoch).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(Array.from(batches[0]?.x ?? [])).not.toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(regressionExperiment.validation?.(values)?.x ?? [])).toEqual([17, 18, 19, 20]);
    expect(regressionExperiment.validation?.(withProblem({ val: 0 }))).toBeUndefined();
  });

  it('a test input that does not fit the problem falls back to its own, with a note', () => {
    const resolved = resolveValues(regressionExperiment, { ...defaults, problem: 'd', test: '30' });
    expect(resolved.values.test).toBe('');
    expect(resolved.warnings.join(' ')).toContain('Problem d takes 3 timestep(s) of 2 feature(s)');
    expect(resolveValues(regressionExperiment, { ...defaults, problem: 'd', test: '1,2;3,4;5,6' }).values.test).toBe('1,2;3,4;5,6');
  });

  it('evaluation: the prediction for the test input and its error against the problem’s rule', async () => {
    // A model that answers 15·x exactly, and one that answers 2 · the last step's features.
    const times15: Predict = async (x) => x.map((v) => 15 * v);
    expect(await regressionExperiment.evaluate(withProblem({ test: '7' }), times15, createStreams(1).evaluation)).toEqual({ metrics: { prediction: 105, error: 0 } });
    const twoOut: Predict = async (x, shape) => {
      const rows = shape[0] ?? 0;
      const out = new Float32Array(rows * 2);
      for (let r = 0; r < rows; r++) {
        out[r * 2] = (x[r * 6 + 4] ?? 0) + 3;
        out[r * 2 + 1] = (x[r * 6 + 5] ?? 0) + 4;
      }
      return out;
    };
    expect(await regressionExperiment.evaluate(withProblem({ problem: 'e' }), twoOut, createStreams(1).evaluation)).toEqual({
      // Its second series is off by 1 each step: by 1 in the open loop, growing to 10 in the closed loop over the horizon of 10.
      metrics: { prediction: 29, prediction2: 48, error: 0.5, openError: 0.5, closedError: 2.75 },
    });
  });

  it('trains problem c with validation after each epoch (fused engine, 200 epochs): both losses fall', async () => {
    const points: StepPoint[] = [];
    let names: readonly string[] = [];
    const { outcome, model } = await runExperiment({
      experiment: regressionExperiment,
      values: withProblem({ problem: 'c', epochs: 200 }),
      seed: 1,
      createModel: (spec, optimizer, rng) => createTrainable('fused', spec, optimizer, rng),
      hooks: { onStart: (s) => (names = s.metricNames), onStep: (p) => points.push(p) },
    });
    model.dispose();
    expect(names).toEqual(['loss', 'val_loss']);
    const validation = points.map((p) => p.values[1] ?? Number.NaN).filter(Number.isFinite);
    expect(validation).toHaveLength(200);
    expect(validation.at(-1)).toBeLessThan((validation[0] ?? 0) / 100);
    expect(outcome.evaluation?.metrics.error).toBeLessThan(30);
  });
});
