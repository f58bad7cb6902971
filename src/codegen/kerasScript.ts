/**
 * The "Python (Keras)" export: a runnable script that reproduces an experiment with the current
 * settings — the data generator in numpy, the model, compile and fit with the same
 * hyperparameters and seed, and the page's evaluation, printed. Pure: text from the experiment,
 * its values and the seed.
 */
import type { AnyExperiment, AnyParamValues } from '../experiments/types';
import { HELPER_ORDER, PYTHON_HELPERS } from './helpers';
import { kerasCompile, kerasSequential } from './kerasModel';
import { constantName, dedent, py, type PyValue } from './python';
import type { KerasRecipe } from './recipe';
import { KERAS_RECIPES } from './recipes';

/** The recipe of an experiment, if it has one. */
export function kerasRecipeOf(experimentId: string): KerasRecipe | undefined {
  return Object.hasOwn(KERAS_RECIPES, experimentId) ? KERAS_RECIPES[experimentId] : undefined;
}

const FRESH_TRAINING = dedent(`
  def training_batches(rng):
      """SAMPLES freshly generated examples in batches of BATCH_SIZE (the last one smaller when it does not divide)."""
      seen = 0
      while seen < SAMPLES:
          rows = min(BATCH_SIZE, SAMPLES - seen)
          yield make_batch(rng, rows)
          seen += rows


  # One pass over fresh data: every example is new, so there are no epochs to speak of.
  model.fit(training_batches(data_rng), steps_per_epoch=math.ceil(SAMPLES / BATCH_SIZE), epochs=1)
`);

/** A setting line: NAME = value  # comment. */
function settingLine([name, value, comment]: readonly [string, PyValue, string?]): string {
  return `${constantName(name)} = ${py(value)}${comment ? `  # ${comment}` : ''}`;
}

function printEvaluation(experiment: AnyExperiment, values: AnyParamValues): string {
  const shown = experiment.evaluationMetrics.filter((metric) => metric.relevant?.(values) ?? true);
  const rows = shown.map((m) => `    (${py(m.key)}, ${py(m.label)}, ${py(m.format === 'percent')}),`);
  return [
    'metrics = evaluate()',
    'for key, label, percent in [',
    ...rows,
    ']:',
    '    value = float(metrics[key])',
    '    print(f"{label}: {100 * value:.1f}%" if percent else f"{label}: {value:.4f}")',
  ].join('\n');
}

/** The whole script for the experiment at these (valid, constrained) values and seed. */
export function kerasScript(experiment: AnyExperiment, values: AnyParamValues, seed: number): string {
  const recipe = kerasRecipeOf(experiment.id);
  if (!recipe) throw new Error(`No Keras script for the experiment "${experiment.id}" yet.`);
  const spec = experiment.model(values);
  const plan = experiment.plan(values);
  const settings = [...recipe.settings(values)];
  if (!recipe.train) settings.push(['samples', values.samples as number], ['batchSize', plan.batchSize]);
  const imports = recipe.imports?.(values) ?? [];
  const helpers = new Set(recipe.helpers?.(values) ?? []);
  const usage = recipe.usage?.(values) ?? [`Run: python3 ${experiment.id}.py`];
  const section = (title: string) => `# --- ${title} ${'-'.repeat(Math.max(3, 92 - title.length))}`;

  return [
    '#!/usr/bin/env python3',
    `"""${experiment.title}: ${experiment.subtitle}.`,
    '',
    'Exported from the LSTM playground: its experiment with the settings of the page, on Keras',
    '(TensorFlow 2 or Keras 3). Needs numpy and tensorflow (pip install tensorflow numpy).',
    ...usage,
    '',
    'The data are drawn with numpy\'s random generator seeded from SEED: the same kind of data as in',
    'the playground, not the same numbers (the page draws its data and initial weights from its own',
    'seeded streams), so results agree in distribution, not bit for bit.',
    '"""',
    '',
    'import math',
    ...imports,
    '',
    'import numpy as np',
    'import keras',
    'from keras import layers',
    '',
    `SEED = ${seed}`,
    'keras.utils.set_random_seed(SEED)  # Python\'s, numpy\'s and TensorFlow\'s generators: initial weights, shuffling',
    'data_rng = np.random.default_rng([SEED, 0])  # the training data',
    'eval_rng = np.random.default_rng([SEED, 1])  # fresh data for the evaluation, never trained on',
    '',
    section('Settings'),
    ...settings.map(settingLine),
    '',
    ...HELPER_ORDER.filter((h) => helpers.has(h)).flatMap((h) => [PYTHON_HELPERS[h], '', '']),
    section('Data'),
    dedent(recipe.data(values)),
    '',
    '',
    section('Model'),
    kerasSequential(spec, experiment.id),
    kerasCompile(spec, plan.optimizer),
    'model.summary()',
    '',
    section('Training'),
    recipe.train ? dedent(recipe.train(values)) : FRESH_TRAINING,
    '',
    '',
    section('Evaluation, as the playground reports it'),
    dedent(recipe.evaluate(values)),
    '',
    '',
    printEvaluation(experiment, values),
    '',
  ].join('\n');
}
