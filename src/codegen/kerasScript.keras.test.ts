/**
 * Runs exported scripts on a real Keras (3, any backend; or TensorFlow 2's) with small settings, so
 * every experiment's data, model, training loop and evaluation go through Keras itself. Needs a
 * Python with Keras: PLAYGROUND_KERAS_PYTHON=/path/to/python (default python3), KERAS_BACKEND as
 * usual. Skipped, with the reason, when that Python cannot import keras.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultValues } from '../experiments/params';
import { findExperiment } from '../experiments/registry';
import { bundledSeries } from '../experiments/timeseries/bundled';
import type { AnyExperiment, AnyParamValues } from '../experiments/types';
import { resolveValues } from '../experiments/values';
import { kerasScript } from './kerasScript';

const PYTHON = process.env.PLAYGROUND_KERAS_PYTHON ?? 'python3';
const hasKeras = spawnSync(PYTHON, ['-c', 'import keras'], { encoding: 'utf8', timeout: 120_000 }).status === 0;
const workDir = mkdtempSync(join(tmpdir(), 'keras-real-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Small runs of every experiment, and the tuning knobs, optimizers and architectures worth a real build. */
const CASES: [id: string, name: string, changes: AnyParamValues][] = [
  ['echo', 'echo', { samples: 200, bs: 10, vals: 20 }],
  ['echo', 'echo-tuned', { samples: 200, bs: 10, vals: 20, init: 'glorotNormal', layers: 2, drop: 0.2, rdrop: 0.1, reg: 'l1l2', rega: 0.001, regw: 'all', es: true, pat: 2, opt: 'sgd', mom: 0.9, clip: 1 }],
  ['sine', 'sine', { samples: 100, bs: 10, vals: 20 }],
  ['signals', 'signals', { samples: 100, bs: 10, vals: 20, shape: 'walk', noise: 0.1 }],
  ['signals', 'signals-sines', { samples: 100, bs: 10, vals: 0, shape: 'sines' }],
  ['movingline', 'movingline', { size: 8, samples: 64, bs: 16, vals: 16 }],
  ['addition', 'addition', { samples: 200, bs: 32, vals: 20 }],
  ['cumsum', 'cumsum', { samples: 200, bs: 10, vals: 20 }],
  ['cumsum', 'cumsum-backward', { samples: 200, bs: 10, vals: 0, dir: 'backward', opt: 'rmsprop' }],
  ['rectangles', 'rectangles', { samples: 50, vals: 20 }],
  ['memory', 'memory', { epochs: 3 }],
  ['memory', 'memory-sequence', { epochs: 3, mode: 'sequence' }],
  ['echowhole', 'echowhole', { epochs: 2 }],
  ['echopartial', 'echopartial', { epochs: 2, units: 10 }],
  ['regression', 'regression', { epochs: 3, es: true, pat: 2 }],
  ['regression', 'regression-e', { epochs: 3, problem: 'e', arch: 'bidirectional' }],
  ['timeseries', 'timeseries', { epochs: 2 }],
  ['curves', 'curves', { epochs: 3, es: true, pat: 2, opt: 'adagrad' }],
];

describe.skipIf(!hasKeras)(`Keras scripts on real Keras (${PYTHON})`, () => {
  for (const [id, name, changes] of CASES) {
    it(`${name}: trains and prints the page's evaluation`, () => {
      const experiment = findExperiment(id) as AnyExperiment;
      const values = resolveValues(experiment, { ...defaultValues(experiment.params), ...changes }).values;
      const file = join(workDir, `${name}.py`);
      writeFileSync(file, kerasScript(experiment, values, 5));
      const args = id === 'timeseries' ? [resolve(__dirname, '../../public', bundledSeries('milk')?.file ?? '')] : [];
      const result = spawnSync(PYTHON, [file, ...args], { encoding: 'utf8', timeout: 280_000 });
      expect(result.status, result.stderr.slice(-2000)).toBe(0);
      for (const metric of experiment.evaluationMetrics.filter((m) => m.relevant?.(values) ?? true)) {
        expect(result.stdout).toMatch(new RegExp(`^${metric.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: -?[\\d.]+%?$`, 'm'));
      }
    }, 300_000);
  }
});

if (!hasKeras) it.skip(`Keras scripts on real Keras: skipped, ${PYTHON} cannot import keras (set PLAYGROUND_KERAS_PYTHON)`, () => {});
