/**
 * The "Python (Keras)" export: a runnable script that reproduces an experiment with the current
 * settings — the data generator in numpy, the model, compile and fit with the same
 * hyperparameters and seed, and the page's evaluation, printed. Pure: text from the experiment,
 * its values and the seed.
 */
import { isStateful } from '../engine/train';
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

const FRESH_BATCHES = dedent(`
  def training_batches(rng):
      """SAMPLES freshly generated examples in batches of BATCH_SIZE (the last one smaller when it does not divide)."""
      seen = 0
      while seen < SAMPLES:
          rows = min(BATCH_SIZE, SAMPLES - seen)
          yield make_batch(rng, rows)
          seen += rows
`);

/** One pass over fresh data, as model.fit over a generator; with a fresh validation set, cut into as many "epochs" as checks. */
function freshTraining(validated: boolean): string {
  if (!validated) {
    return [
      FRESH_BATCHES,
      '',
      '',
      '# One pass over fresh data: every example is new, so there are no epochs to speak of.',
      'model.fit(training_batches(data_rng), steps_per_epoch=math.ceil(SAMPLES / BATCH_SIZE), epochs=1, callbacks=callbacks)',
    ].join('\n');
  }
  return [
    FRESH_BATCHES,
    '',
    '',
    '# Fresh examples never trained on, scored VALIDATION_CHECKS times over the run (the dashed curves). Keras',
    '# validates after each epoch, so the one pass over fresh data is cut into that many "epochs" (the last',
    '# STEPS % checks batches are left out; the page scores at evenly spaced samples instead).',
    'validation = make_batch(val_rng, VALIDATION_ROWS)',
    'STEPS = math.ceil(SAMPLES / BATCH_SIZE)',
    'checks = min(VALIDATION_CHECKS, STEPS)',
    'model.fit(',
    '    training_batches(data_rng),',
    '    steps_per_epoch=STEPS // checks,',
    '    epochs=checks,',
    '    validation_data=validation,',
    '    callbacks=callbacks,',
    '    verbose=2,',
    ')',
  ].join('\n');
}

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
  // A stateful model gets no fresh validation set on the page (scoring it would move its state).
  const validated = !recipe.train && plan.freshValidation !== undefined && plan.freshValidation.rows > 0 && !isStateful(spec);
  if (!recipe.train) settings.push(['samples', values.samples as number], ['batchSize', plan.batchSize]);
  if (validated && plan.freshValidation) settings.push(['validationRows', plan.freshValidation.rows], ['validationChecks', plan.freshValidation.checks]);
  const fits = !recipe.train || recipe.fits === true;
  const stopping = fits && plan.earlyStopping !== undefined && (validated || recipe.train !== undefined);
  if (stopping && plan.earlyStopping) settings.push(['patience', plan.earlyStopping.patience, 'validation checks without a new low before training stops']);
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
    ...(validated ? ['val_rng = np.random.default_rng([SEED, 2])  # the validation set'] : []),
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
    ...(fits
      ? [
          stopping
            ? '# Keras\' EarlyStopping on val_loss (min_delta 0, the last weights kept), as the page stops.\ncallbacks = [keras.callbacks.EarlyStopping(monitor="val_loss", patience=PATIENCE)]'
            : 'callbacks = []',
          '',
        ]
      : []),
    recipe.train ? dedent(recipe.train(values)) : freshTraining(validated),
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
