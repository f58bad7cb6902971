import { beforeEach, describe, expect, it } from 'vitest';
import type { Batch } from '../experiments/types';
import { calibrateAuto, clearCalibrations, type CalibrationInput } from './calibrate';
import type { EngineKind } from './engines';
import type { ModelSpec } from './modelSpec';
import type { TrainableModel } from './trainable';

const spec: ModelSpec = { inputShape: [5, 10], layers: [{ type: 'lstm', units: 25 }], loss: 'meanSquaredError', metrics: [] };
const batch: Batch = { x: new Float32Array(50), xShape: [1, 5, 10], y: new Float32Array(25), yShape: [1, 25] };

/** Models whose steps advance a fake clock by a fixed time per engine; counts what was built and freed. */
function harness(msPerStep: Record<EngineKind, number | ((step: number) => number)>) {
  let clock = 0;
  const built: EngineKind[] = [];
  let disposed = 0;
  const input: CalibrationInput = {
    spec,
    backend: 'wasm',
    batch,
    now: () => clock,
    create: (engine) => {
      built.push(engine);
      let steps = 0;
      return {
        metricNames: ['loss'],
        paramCount: 0,
        trainBatch: async () => {
          const cost = msPerStep[engine];
          clock += typeof cost === 'number' ? cost : cost(steps++);
          return [0];
        },
        evaluateBatch: async () => [0],
        predict: async () => new Float32Array(0),
        resetStates: () => {},
        getWeights: () => [],
        lastGradientNorms: () => null,
        dispose: () => void disposed++,
      } satisfies TrainableModel;
    },
  };
  return { input, built, disposed: () => disposed };
}

describe('auto between the fused engine and TF.js', () => {
  beforeEach(clearCalibrations);

  it('a fused step under TF.js’ floor wins without timing TF.js', async () => {
    const h = harness({ fused: 0.5, tfjs: 7 });
    const decision = await calibrateAuto(h.input);
    expect(decision.engine).toBe('fused');
    expect(decision.fusedMs).toBeCloseTo(0.5);
    expect(h.built).toEqual(['fused']);
    expect(h.disposed()).toBe(1);
    expect(decision.note).toMatch(/under TF\.js' floor/);
  });

  it('times both when the fused step is slow, and picks TF.js when it is faster, saying why', async () => {
    const h = harness({ fused: 60, tfjs: 25 });
    const decision = await calibrateAuto(h.input);
    expect(decision).toMatchObject({ engine: 'tfjs', fusedMs: 60, tfjsMs: 25 });
    expect(decision.note).toBe('auto: TF.js wasm is faster here (fused CPU 60 ms per batch, TF.js wasm 25 ms, timed on this model)');
    expect(h.built).toEqual(['fused', 'tfjs']);
    expect(h.disposed()).toBe(2);
  });

  it('times the steady state: slow first steps (before the JIT compiler optimised them) do not count', async () => {
    const h = harness({ fused: (step) => (step < 10 ? 30 : 0.2), tfjs: 7 });
    const decision = await calibrateAuto(h.input);
    expect(decision.engine).toBe('fused');
    expect(decision.fusedMs).toBeCloseTo(0.2);
  });

  it('keeps the fused engine when it is the faster of the two', async () => {
    const decision = await calibrateAuto(harness({ fused: 12, tfjs: 30 }).input);
    expect(decision.engine).toBe('fused');
  });

  it('remembers the choice per model shape and backend', async () => {
    await calibrateAuto(harness({ fused: 60, tfjs: 25 }).input);
    const again = harness({ fused: 1, tfjs: 1000 });
    const decision = await calibrateAuto(again.input);
    expect(decision.engine).toBe('tfjs');
    expect(decision.note).toMatch(/measured earlier on this model$/);
    expect(again.built).toEqual([]);
    const otherBackend = harness({ fused: 60, tfjs: 100 });
    expect((await calibrateAuto({ ...otherBackend.input, backend: 'cpu' })).engine).toBe('fused');
  });
});
