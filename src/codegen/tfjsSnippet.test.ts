/**
 * The TF.js snippet runs: each experiment's snippet is written to a module file and imported (no
 * eval), its buildModel() builds the model with @tensorflow/tfjs in Node, and the parameter count
 * equals the playground's own summary.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../engine/summary';
import { defaultValues } from '../experiments/params';
import { EXPERIMENTS, findExperiment } from '../experiments/registry';
import type { AnyExperiment, AnyParamValues } from '../experiments/types';
import { resolveValues } from '../experiments/values';
import { tfjsSnippet } from './tfjsSnippet';

// Inside the project, so the snippet's `import '@tensorflow/tfjs'` resolves to node_modules.
const dir = resolve(__dirname, '../../node_modules/.cache/tfjs-snippets');
beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Built {
  countParams(): number;
  layers: { getClassName(): string }[];
  dispose(): void;
}

async function build(experiment: AnyExperiment, changes: AnyParamValues = {}, name = experiment.id) {
  const values = resolveValues(experiment, { ...defaultValues(experiment.params), ...changes }).values;
  const spec = experiment.model(values);
  const plan = experiment.plan(values);
  const code = tfjsSnippet({ title: experiment.title, spec, optimizer: plan.optimizer, batchSize: plan.batchSize });
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, code);
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { buildModel(): Built };
  return { model: module.buildModel(), spec, code };
}

const SMALLER: Record<string, AnyParamValues> = { movingline: { size: 12 }, echopartial: { units: 12 }, cumsum: { units: 8 }, addition: { enc: 12, dec: 10 } };

describe('TF.js snippets', () => {
  for (const experiment of EXPERIMENTS) {
    // TF.js' orthogonal initializer takes minutes on 150 units in Node: smaller layers check the same code.
    const changes = SMALLER[experiment.id] ?? {};
    it(`${experiment.id}: builds and compiles, with the summary's parameter count`, async () => {
      const { model, spec } = await build(experiment, changes);
      try {
        expect(model.countParams()).toBe(summarize(spec).totalParams);
        expect(model.layers).toHaveLength(spec.layers.length);
      } finally {
        model.dispose();
      }
    });
  }

  it('bidirectional merge modes, backwards, SGD with momentum and clipping', async () => {
    const cumsum = findExperiment('cumsum') as AnyExperiment;
    for (const merge of ['sum', 'mul', 'ave'] as const) {
      const { model, spec, code } = await build(cumsum, { merge, opt: 'sgd', mom: 0.9, clip: 1, units: 6 }, `cumsum-${merge}`);
      expect(code).toContain(`mergeMode: '${merge}'`);
      expect(code).toContain('tf.train.momentum(0.001, 0.9)');
      expect(code).toContain("Keras' clipnorm 1");
      expect(model.countParams()).toBe(summarize(spec).totalParams);
      model.dispose();
    }
    const { model, code } = await build(cumsum, { dir: 'backward', units: 6 }, 'cumsum-backward');
    expect(code).toContain('goBackwards: true');
    model.dispose();
  });

  it('golden text of every experiment at its defaults', async () => {
    for (const experiment of EXPERIMENTS) {
      const values = resolveValues(experiment, defaultValues(experiment.params)).values;
      const plan = experiment.plan(values);
      const code = tfjsSnippet({ title: experiment.title, spec: experiment.model(values), optimizer: plan.optimizer, batchSize: plan.batchSize });
      await expect(code).toMatchFileSnapshot(`./__golden__/${experiment.id}.js`);
    }
  });

  it('tuning knobs: initialiser, depth, dropout and penalties build with the same parameter count', async () => {
    const echo = findExperiment('echo') as AnyExperiment;
    const changes = { init: 'randomUniform', layers: 2, drop: 0.2, rdrop: 0.1, reg: 'l1l2', rega: 0.001, regw: 'all', units: 6 };
    const { model, spec, code } = await build(echo, changes, 'echo-tuned');
    expect(code).toContain("dropout: 0.2, recurrentDropout: 0.1, kernelRegularizer: tf.regularizers.l1l2({ l1: 0.001, l2: 0.001 })");
    expect(code).toContain("kernelInitializer: 'randomUniform'");
    expect(model.countParams()).toBe(summarize(spec).totalParams);
    expect(model.layers).toHaveLength(3);
    model.dispose();
  });

  it('stateful layers get the batch input shape', async () => {
    const { model, code } = await build(findExperiment('echowhole') as AnyExperiment);
    expect(code).toContain('batchInputShape: [7, 5, 100]');
    expect(code).toContain('stateful: true');
    model.dispose();
  });
});
