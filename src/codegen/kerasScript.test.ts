/**
 * Golden texts of every experiment's Keras script (./__golden__/<id>.py) and valid Python. A change
 * to an experiment's defaults changes its script: read the diff, then update the goldens with
 * `npx vitest run src/codegen -u`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPERIMENTS, findExperiment } from '../experiments/registry';
import { defaultValues } from '../experiments/params';
import { resolveValues } from '../experiments/values';
import type { AnyExperiment, AnyParamValues } from '../experiments/types';
import { kerasRecipeOf, kerasScript } from './kerasScript';

/** Defaults with some knobs changed, checked and constrained as the page does. */
function settings(experiment: AnyExperiment, changes: AnyParamValues = {}): AnyParamValues {
  return resolveValues(experiment, { ...defaultValues(experiment.params), ...changes }).values;
}

function experiment(id: string): AnyExperiment {
  const found = findExperiment(id);
  if (!found) throw new Error(`no experiment ${id}`);
  return found;
}

const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : null;
const workDir = mkdtempSync(join(tmpdir(), 'keras-scripts-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Compiles the script with python3 -m py_compile (syntax only: TensorFlow need not be installed). */
function expectValidPython(name: string, code: string) {
  if (!python) return;
  const file = join(workDir, `${name}.py`);
  writeFileSync(file, code);
  const result = spawnSync(python, ['-m', 'py_compile', file], { encoding: 'utf8' });
  expect(result.stderr, `${name}.py does not compile`).toBe('');
  expect(result.status).toBe(0);
}

const NON_DEFAULT: [id: string, name: string, changes: AnyParamValues][] = [
  ['echo', 'echo-rmsprop-clip', { opt: 'rmsprop', lr: 0.01, clip: 5, units: 8, length: 7 }],
  ['cumsum', 'cumsum-backward-sgd', { dir: 'backward', opt: 'sgd', mom: 0.9 }],
  ['cumsum', 'cumsum-bidirectional-ave', { merge: 'ave', opt: 'adagrad' }],
  ['echowhole', 'echowhole-stateless', { stateful: false, bs: 3 }],
  ['regression', 'regression-e-stacked', { problem: 'e', arch: 'stacked', test: '1, 2; 4, 7; 7, 12' }],
  ['timeseries', 'timeseries-airline-standard', { series: 'airline', scale: 'standard', lookBack: 12 }],
  ['memory', 'memory-sequence', { mode: 'sequence' }],
  // The tuning knobs: initialiser, activation, depth, dropout, penalties, validation, early stopping.
  ['echo', 'echo-tuned', { init: 'glorotNormal', act: 'relu', layers: 2, drop: 0.2, rdrop: 0.1, reg: 'l1l2', rega: 0.001, regw: 'all', vals: 50, es: true, pat: 3 }],
  ['regression', 'regression-early-stopping', { es: true, pat: 20, reg: 'l2', regw: 'kernel' }],
];

describe('Keras scripts', () => {
  it('cover every experiment of the catalogue', () => {
    expect(EXPERIMENTS.filter((e) => !kerasRecipeOf(e.id)).map((e) => e.id)).toEqual([]);
  });

  if (!python) it.skip('compile with python3 -m py_compile (skipped: python3 is not installed here)', () => {});

  for (const exp of EXPERIMENTS) {
    it(`${exp.id}: defaults, golden text, valid Python`, async () => {
      const code = kerasScript(exp, settings(exp), 1);
      await expect(code).toMatchFileSnapshot(`./__golden__/${exp.id}.py`);
      expectValidPython(exp.id, code);
    });
  }

  for (const [id, name, changes] of NON_DEFAULT) {
    it(`${name}: non-default settings, golden text, valid Python`, async () => {
      const code = kerasScript(experiment(id), settings(experiment(id), changes), 7);
      await expect(code).toMatchFileSnapshot(`./__golden__/${name}.py`);
      expectValidPython(name, code);
    });
  }

  it('sets the seed, the learning rate, clipnorm and the layers from the settings', () => {
    const code = kerasScript(experiment('echo'), settings(experiment('echo'), { opt: 'rmsprop', lr: 0.0123, clip: 2.5, units: 8 }), 42);
    expect(code).toContain('SEED = 42\nkeras.utils.set_random_seed(SEED)');
    expect(code).toContain('keras.optimizers.RMSprop(learning_rate=0.0123, clipnorm=2.5)');
    expect(code).toContain('layers.LSTM(8, activation="tanh", recurrent_activation="sigmoid")');
    expect(code).toContain('loss="categorical_crossentropy"');
  });

  it('stateful models get a fixed batch size and a manual epoch loop that resets states', () => {
    const code = kerasScript(experiment('memory'), settings(experiment('memory')), 1);
    expect(code).toContain('keras.Input(shape=(1, 5), batch_size=1)');
    expect(code).toContain('stateful=True');
    expect(code).toContain('train_epochs(model, EPOCHS, epoch_batches)');
    expect(code).toContain('layer.reset_states()');
  });

  it('never renders a text knob into code: a regression test input with quotes stays data', () => {
    const exp = experiment('regression');
    const values = { ...settings(exp), test: '30' };
    const code = kerasScript(exp, values, 1);
    expect(code).toContain('TEST_INPUT = [[30]]');
  });

  it('the python3 check can fail: a broken script is refused', () => {
    if (!python) return;
    const file = join(workDir, 'broken.py');
    writeFileSync(file, 'def broken(:\n');
    expect(() => execFileSync(python, ['-m', 'py_compile', file], { stdio: 'pipe' })).toThrow();
  });
});
