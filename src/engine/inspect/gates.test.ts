/**
 * The gate computation against values worked out by hand and against the
 * LSTM equations written out directly (no TF.js here: probe.test.ts compares
 * with TF.js layers).
 */
import { describe, expect, it } from 'vitest';
import { activateInPlace, computeLstmGates, inInputOrder, layerOutput } from './gates';

const f32 = (values: number[]) => Float32Array.from(values);

function expectClose(actual: Float32Array, expected: number[], tolerance = 1e-6): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, k) => expect(Math.abs(v - (expected[k] ?? Number.NaN))).toBeLessThan(tolerance));
}

describe('computeLstmGates on one unit, one feature, two steps', () => {
  // Gate columns i, f, c, o. Hard sigmoid clip(0.2x + 0.5, 0, 1) and a linear
  // activation keep every value a short decimal.
  const kernel = f32([1, -1, 2, 0.5]);
  const recurrent = f32([0, 0, 1, 0]);
  const bias = f32([0, 0, 0, 0]);

  it('matches the values computed by hand', () => {
    const trace = computeLstmGates({ units: 1, activation: 'linear', recurrentActivation: 'hardSigmoid' }, [kernel, recurrent, bias], f32([1, 2]));
    // Step 1: x = 1, h = c = 0 → z = (1, -1, 2, 0.5): i = 0.7, f = 0.3, g = 2, o = 0.6;
    //   c = 0.3·0 + 0.7·2 = 1.4, h = 0.6·1.4 = 0.84.
    // Step 2: x = 2, h = 0.84 → z = (2, -2, 4.84, 1): i = 0.9, f = 0.1, g = 4.84, o = 0.7;
    //   c = 0.1·1.4 + 0.9·4.84 = 4.496, h = 0.7·4.496 = 3.1472.
    expectClose(trace.inputGate, [0.7, 0.9]);
    expectClose(trace.forgetGate, [0.3, 0.1]);
    expectClose(trace.candidate, [2, 4.84]);
    expectClose(trace.outputGate, [0.6, 0.7]);
    expectClose(trace.cell, [1.4, 4.496]);
    expectClose(trace.hidden, [0.84, 3.1472]);
    expect(Array.from(trace.inputIndex)).toEqual([0, 1]);
    expect(trace.timesteps).toBe(2);
    expect(trace.inputDim).toBe(1);
    expectClose(trace.finalState.c, [4.496]);
    expectClose(trace.finalState.h, [3.1472]);
    expectClose(layerOutput(trace, false), [3.1472]);
    expectClose(layerOutput(trace, true), [0.84, 3.1472]);
  });

  it('c follows c = f·c_prev + i·tanh(z_c) with sigmoid gates, from a given state, read backwards', () => {
    const w = [f32([0.5, -0.3, 0.8, 0.2]), f32([0.1, 0.4, -0.6, 0.3]), f32([0.05, 1, -0.1, 0])];
    const x = [0.7, -1.2];
    const h0 = 0.25;
    const c0 = -0.5;
    const trace = computeLstmGates({ units: 1, goBackwards: true }, w, f32(x), { h: f32([h0]), c: f32([c0]) });
    const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));
    const at = (a: Float32Array, k: number) => a[k] ?? Number.NaN;
    let h = h0;
    let c = c0;
    const cells: number[] = [];
    const hiddens: number[] = [];
    // goBackwards: step 0 reads x[1], step 1 reads x[0].
    for (const xt of [x[1] ?? 0, x[0] ?? 0]) {
      const z = [0, 1, 2, 3].map((g) => at(w[0] as Float32Array, g) * xt + at(w[1] as Float32Array, g) * h + at(w[2] as Float32Array, g));
      const [zi = 0, zf = 0, zc = 0, zo = 0] = z;
      c = sigmoid(zf) * c + sigmoid(zi) * Math.tanh(zc);
      h = sigmoid(zo) * Math.tanh(c);
      cells.push(c);
      hiddens.push(h);
    }
    expectClose(trace.cell, cells);
    expectClose(trace.hidden, hiddens);
    expect(Array.from(trace.inputIndex)).toEqual([1, 0]);
    expect(trace.goBackwards).toBe(true);
    expectClose(trace.initialState.c, [c0]);
    // In input order, row 0 is the step that read x[0]: the second one.
    expectClose(inInputOrder(trace, trace.cell), [cells[1] ?? 0, cells[0] ?? 0]);
    expect(inInputOrder(computeLstmGates({ units: 1 }, w, f32(x)), trace.cell)).toBe(trace.cell);
  });
});

describe('computeLstmGates checks its arguments', () => {
  const units = 2;
  const weights = [new Float32Array(3 * 8), new Float32Array(2 * 8), new Float32Array(8)];
  it('rejects weights, inputs and states of the wrong size', () => {
    expect(() => computeLstmGates({ units }, weights, new Float32Array(7))).toThrow(/timesteps/);
    expect(() => computeLstmGates({ units }, weights.slice(0, 2), new Float32Array(6))).toThrow(/three weights/);
    expect(() => computeLstmGates({ units }, [weights[0] as Float32Array, new Float32Array(8), weights[2] as Float32Array], new Float32Array(6))).toThrow(/recurrent/);
    expect(() => computeLstmGates({ units }, weights, new Float32Array(6), { h: new Float32Array(2), c: new Float32Array(3) })).toThrow(/initial state/);
  });

  it('does not modify the initial state it is given', () => {
    const state = { h: f32([0.5, -0.5]), c: f32([1, 2]) };
    const trace = computeLstmGates({ units }, weights, f32([1, 2, 3, 4, 5, 6]), state);
    expect(Array.from(state.c)).toEqual([1, 2]);
    expect(trace.initialState.c).not.toBe(state.c);
  });
});

describe('activateInPlace', () => {
  it('hardSigmoid is clip(0.2x + 0.5, 0, 1) and softmax sums to one', () => {
    const hard = Float64Array.from([-3, -2.5, 0, 1, 2.5, 4]);
    activateInPlace('hardSigmoid', hard);
    expect(Array.from(hard).map((v) => Number(v.toFixed(12)))).toEqual([0, 0, 0.5, 0.7, 1, 1]);
    const soft = Float64Array.from([1, 2, 3]);
    activateInPlace('softmax', soft);
    expect(soft.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(soft[2]).toBeGreaterThan(soft[1] ?? 1);
  });
});
