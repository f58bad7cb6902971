/**
 * Runs every exported script end to end on a stand-in for Keras (./fakeKeras: shapes checked,
 * random outputs), so the scripts' numpy code — data, training loops, evaluation — is executed, not
 * only compiled. Needs python3 with numpy; skipped with the reason otherwise.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultValues } from '../experiments/params';
import { EXPERIMENTS } from '../experiments/registry';
import { bundledSeries } from '../experiments/timeseries/bundled';
import type { AnyExperiment, AnyParamValues } from '../experiments/types';
import { resolveValues } from '../experiments/values';
import { kerasScript } from './kerasScript';

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
const FAKE_KERAS = resolve(__dirname, 'fakeKeras');
const workDir = mkdtempSync(join(tmpdir(), 'keras-run-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function run(experiment: AnyExperiment, changes: AnyParamValues, args: string[] = []) {
  const values = resolveValues(experiment, { ...defaultValues(experiment.params), ...changes }).values;
  const file = join(workDir, `${experiment.id}.py`);
  writeFileSync(file, kerasScript(experiment, values, 3));
  const result = spawnSync('python3', [file, ...args], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: FAKE_KERAS }, timeout: 120_000 });
  return { ...result, values };
}

describe.skipIf(!hasNumpy)('Keras scripts run on a stand-in for Keras (python3 with numpy)', () => {
  for (const experiment of EXPERIMENTS) {
    it(`${experiment.id}: data, training and evaluation run and print every metric`, () => {
      const csv = experiment.id === 'timeseries' ? [resolve(__dirname, '../../public', bundledSeries('milk')?.file ?? '')] : [];
      const result = run(experiment, {}, csv);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      for (const metric of experiment.evaluationMetrics.filter((m) => m.relevant?.(result.values) ?? true)) {
        expect(result.stdout).toMatch(new RegExp(`^${metric.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: -?[\\d.]+%?$`, 'm'));
      }
    }, 130_000);
  }

  const TUNED: [string, AnyParamValues][] = [
    ['echo', { init: 'randomNormal', layers: 2, drop: 0.2, rdrop: 0.1, reg: 'l1l2', rega: 0.001, regw: 'all', vals: 50, es: true, pat: 3 }],
    ['sine', { vals: 0 }],
    ['regression', { es: true, pat: 20, reg: 'l2' }],
    ['curves', { es: true, pat: 10 }],
  ];
  for (const [id, changes] of TUNED) {
    it(`${id} with tuning knobs ${Object.keys(changes).join(', ')}: runs`, () => {
      const experiment = EXPERIMENTS.find((e) => e.id === id) as AnyExperiment;
      const result = run(experiment, changes);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }, 130_000);
  }

  it('timeseries: a missing CSV ends with a message, not a traceback', () => {
    const experiment = EXPERIMENTS.find((e) => e.id === 'timeseries') as AnyExperiment;
    const result = run(experiment, {}, [join(workDir, 'missing.csv')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Cannot read a series from .*missing\.csv/);
    expect(result.stderr).not.toMatch(/Traceback/);
  });
});

if (!hasNumpy) it.skip('Keras scripts run on a stand-in for Keras: skipped, python3 with numpy is not available', () => {});
