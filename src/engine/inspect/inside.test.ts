import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryExperiment } from '../../experiments/memory/experiment';
import { movingLineExperiment } from '../../experiments/movingline/experiment';
import { echoExperiment } from '../../experiments/echo/experiment';
import { defaultValues } from '../../experiments/params';
import type { ModelSpec } from '../modelSpec';
import { createRng } from '../random';
import { TfjsModel } from '../tfjs/tfjsModel';
import { inspectModel, weightStats } from './inside';
import { probeModel } from './probe';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function weightsOf(spec: ModelSpec) {
  const model = new TfjsModel(spec, { name: 'adam', learningRate: 0.001 }, createRng('inside'));
  const weights = model.getWeights();
  model.dispose();
  return weights;
}

describe('inside the model', () => {
  it('a stateful model is probed over a stretch of batches, its state carried and reset where training resets it', () => {
    const values = defaultValues(memoryExperiment.params);
    const spec = memoryExperiment.model(values);
    const weights = weightsOf(spec);
    const inside = inspectModel({ experiment: memoryExperiment, values, spec, weights, gradientNorms: null, settings: { layerIndex: 0, example: 0 } });
    expect(inside.unsupported).toBeNull();
    expect(inside.resets).toEqual([4, 8]);
    const trace = inside.traces[0];
    expect(trace?.timesteps).toBe(8);
    // Step 5 (the first of sequence 2, after the reset) equals a probe of its input from zero state…
    const fromZero = probeModel(spec, weights, inside.input.subarray(4 * 5, 5 * 5), 0);
    if (fromZero.kind !== 'lstm') throw new Error('expected an LSTM probe');
    expect(Array.from(trace?.maps.hidden.subarray(4 * 20, 5 * 20) ?? [])).toEqual(Array.from(fromZero.trace.hidden));
    // …while step 2 carries step 1's state (so it differs from its own input read from zero).
    const second = probeModel(spec, weights, inside.input.subarray(5, 10), 0);
    if (second.kind !== 'lstm') throw new Error('expected an LSTM probe');
    expect(Array.from(trace?.maps.cell.subarray(20, 40) ?? [])).not.toEqual(Array.from(second.trace.cell));
  });

  it('a stateless model: one fresh example per number; a convolution before the LSTM is explained, not probed', () => {
    const values = defaultValues(echoExperiment.params);
    const spec = echoExperiment.model(values);
    const weights = weightsOf(spec);
    const a = inspectModel({ experiment: echoExperiment, values, spec, weights, gradientNorms: null, settings: { layerIndex: 7, example: 1 } });
    expect(a.layerIndex).toBe(0);
    expect(a.inputShape).toEqual([5, 10]);
    expect(a.resets).toEqual([]);
    const b = inspectModel({ experiment: echoExperiment, values, spec, weights, gradientNorms: null, settings: { layerIndex: 0, example: 2 } });
    expect(Array.from(b.input)).not.toEqual(Array.from(a.input));
    const line = { ...defaultValues(movingLineExperiment.params), size: 8, frames: 4 };
    const lineSpec = movingLineExperiment.model(line);
    const probe = inspectModel({ experiment: movingLineExperiment, values: line, spec: lineSpec, weights: weightsOf(lineSpec), gradientNorms: null, settings: { layerIndex: 0, example: 0 } });
    expect(probe.unsupported).toMatch(/^The probe cannot run through /);
  });

  it('what it remembers: another value at the echoed position moves the cell state only from that step on', () => {
    const values = defaultValues(echoExperiment.params);
    const spec = echoExperiment.model(values);
    const inside = inspectModel({ experiment: echoExperiment, values, spec, weights: weightsOf(spec), gradientNorms: null, settings: { layerIndex: 0, example: 0 } });
    const contrast = inside.contrast;
    expect(contrast?.label).toMatch(/^position 2 holds \d+ instead of \d+$/);
    expect(Array.from(contrast?.cellDiff.subarray(0, 2 * 25) ?? [1])).toEqual(new Array(50).fill(0));
    expect(Math.max(...Array.from(contrast?.cellDiff.subarray(2 * 25) ?? []).map(Math.abs))).toBeGreaterThan(0);
    expect(contrast?.top).toHaveLength(3);
    expect(Math.abs(contrast?.top[0]?.diff ?? 0)).toBeGreaterThanOrEqual(Math.abs(contrast?.top[2]?.diff ?? 0));
  });

  it('what it remembers, stateful memory demo: sequence 2 against sequence 1, step by step', () => {
    const values = defaultValues(memoryExperiment.params);
    const spec = memoryExperiment.model(values);
    const inside = inspectModel({ experiment: memoryExperiment, values, spec, weights: weightsOf(spec), gradientNorms: null, settings: { layerIndex: 0, example: 0 } });
    expect(inside.contrast?.label).toBe('sequence 2 against sequence 1, step by step');
    expect(inside.contrast?.timesteps).toBe(4);
    const cell = inside.traces[0]?.maps.cell ?? new Float32Array();
    expect(inside.contrast?.cellDiff[3 * 20 + 5]).toBeCloseTo((cell[7 * 20 + 5] ?? 0) - (cell[3 * 20 + 5] ?? 0), 6);
    // Stateless: no state, nothing to contrast.
    const stateless = { ...values, mode: 'stateless' as const };
    const spec2 = memoryExperiment.model(stateless);
    expect(inspectModel({ experiment: memoryExperiment, values: stateless, spec: spec2, weights: weightsOf(spec2), gradientNorms: null, settings: { layerIndex: 0, example: 0 } }).contrast).toBeNull();
  });

  it('weight statistics: the histogram counts every weight, the norm is the L2 norm, gradients where known', () => {
    const spec = echoExperiment.model(defaultValues(echoExperiment.params));
    const weights = [Float32Array.from([3, -4]), Float32Array.from([0, 0, 1]), new Float32Array(5), new Float32Array(3), new Float32Array(3)];
    const stats = weightStats(spec, weights, [1, 2, 3, 4, 5]);
    expect(stats.map((s) => s.name)).toEqual(['1 lstm kernel', '1 lstm recurrent kernel', '1 lstm bias', '2 dense kernel', '2 dense bias']);
    expect(stats[0]?.norm).toBe(5);
    expect(stats.map((s) => s.histogram.reduce((a, b) => a + b, 0))).toEqual([2, 3, 5, 3, 3]);
    expect(stats[4]?.gradientNorm).toBe(5);
    expect(weightStats(spec, weights, null)[0]?.gradientNorm).toBeNull();
  });
});
