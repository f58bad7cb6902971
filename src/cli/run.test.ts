import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, usage } from './run';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// '--samples 1' keeps a regression from turning a refused command into a full run.
describe('runCli: bad arguments give readable errors', () => {
  it('no experiment', async () => {
    await expect(runCli([])).rejects.toThrow(/^Name an experiment\.\nusage: npm run experiment -- <experiment>/);
  });

  it('unknown experiment', async () => {
    await expect(runCli(['nope'])).rejects.toThrow(/^Unknown experiment "nope"\. Known: (.+, )?echo[,.]/);
  });

  it.each(['abc', '-1', '1.5', '2147483648', '', ' ', 'Infinity'])('bad seed %j', async (seed) => {
    await expect(runCli(['echo', '--samples', '1', '--seed', seed])).rejects.toThrow('--seed must be an integer in [0, 2147483647].');
  });

  it('a flag-only seed is refused too', async () => {
    await expect(runCli(['echo', '--samples', '1', '--seed'])).rejects.toThrow('--seed must be an integer');
  });

  it('bad backend', async () => {
    await expect(runCli(['echo', '--samples', '1', '--backend', 'webgl'])).rejects.toThrow('--backend must be cpu, wasm or fused.');
  });

  it('extra arguments', async () => {
    await expect(runCli(['echo', 'twice', '--samples', '1'])).rejects.toThrow('Unexpected argument "twice".');
  });

  it('usage lists every knob with its default', () => {
    const text = usage();
    expect(text).toContain('echo: Echo sequence');
    expect(text).toMatch(/--units\s+LSTM units \(default 25\)/);
    expect(text).toMatch(/--samples\s+Training samples \(default 10000\)/);
  });
});

describe('runCli runs', () => {
  it('a short run: warnings logged, values resolved, result filled, tensors freed', async () => {
    const lines: string[] = [];
    const before = tf.memory().numTensors;
    const result = await runCli(['echo', '--seed', '4', '--samples', '50', '--bs', '5', '--units', '3', '--outIndex', '9', '--foo', '1', '--quiet'], (line) =>
      lines.push(line),
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(result).toMatchObject({
      experiment: 'echo',
      seed: 4,
      backend: 'cpu',
      paramCount: 4 * 3 * (10 + 3 + 1) + (3 + 1) * 10,
      status: 'completed',
      samplesSeen: 50,
    });
    expect(result.params).toEqual({ length: 5, features: 10, outIndex: 4, units: 3, samples: 50, bs: 5, opt: 'adam', lr: 0.001, mom: 0, clip: 0, layers: 1, init: 'glorotUniform', act: 'tanh', drop: 0, rdrop: 0, reg: 'none', rega: 0.01, regw: 'kernel', vals: 100, es: false, pat: 5 });
    expect(result.finalLoss).toBeGreaterThan(0);
    expect(result.evaluation?.accuracy).toBeGreaterThanOrEqual(0);
    expect(result.evaluation?.accuracy).toBeLessThanOrEqual(1);
    expect(result.wallTimeSeconds).toBeGreaterThan(0);
    expect(lines).toContain('warning: Ignored unknown setting "foo".');
    expect(lines).toContain('warning: Echoed position 9 is outside a sequence of 5; using 4.');
    expect(lines).toContain('echo: 208 parameters, 50 samples, seed 4, TF.js cpu');
    expect(lines.at(-1)).toMatch(/^ {2}50\/50 samples {2}loss \d+\.\d{4} {2}\d+ samples\/s$/);
  });

  // About 50 s on TF.js' CPU backend on an idle 2-core machine; the limit leaves room for a busy one.
  it(
    'the default echo run (10,000 samples, batch 1) learns the task on TF.js: accuracy ≥ 0.95',
    async () => {
      const result = await runCli(['echo', '--seed', '1']);
      expect(result.engine).toBe('tfjs');
      expect(result.paramCount).toBe(3860);
      expect(result.status).toBe('completed');
      expect(result.samplesSeen).toBe(10_000);
      expect(result.evaluation?.accuracy).toBeGreaterThanOrEqual(0.95);
      expect(result.finalLoss).toBeLessThan(0.5);
    },
    400_000,
  );

  it(
    'the default echo run learns the task on the fused engine too, in seconds: accuracy ≥ 0.95 over seeds 1–3',
    async () => {
      for (const seed of ['1', '2', '3']) {
        const result = await runCli(['echo', '--seed', seed, '--backend', 'fused']);
        expect(result.engine).toBe('fused');
        expect(result.paramCount).toBe(3860);
        expect(result.samplesSeen).toBe(10_000);
        expect(result.evaluation?.accuracy).toBeGreaterThanOrEqual(0.95);
      }
    },
    120_000,
  );
});
