/**
 * What each experiment adds to its Keras script: its settings, its data generator in numpy, how
 * it trains and how it is evaluated. Each experiment keeps its recipe beside it
 * (src/experiments/<id>/keras.ts); ./recipes.ts maps experiment ids to them.
 */
import type { AnyParamValues } from '../experiments/types';
import type { PyValue } from './python';

/** Python helpers a recipe may ask for; the script defines them once, before the data. */
export type PythonHelper = 'resetStates' | 'trainEpochs' | 'loops';

export interface KerasRecipe<V = AnyParamValues> {
  /** Settings the data, training and evaluation read, as Python constants (NAME = value), in order. */
  settings(values: V): readonly (readonly [name: string, value: PyValue, comment?: string])[];
  /** Extra imports (e.g. "import pandas as pd"). */
  imports?(values: V): readonly string[];
  helpers?(values: V): readonly PythonHelper[];
  /** Python that defines the data: generators (def make_batch(rng, rows) …) or arrays. */
  data(values: V): string;
  /**
   * Python that trains `model`. Absent: one pass over SAMPLES freshly generated examples in
   * batches of BATCH_SIZE from make_batch(data_rng, rows), as model.fit over a generator.
   */
  train?(values: V): string;
  /** The train() code calls model.fit with callbacks=callbacks (early stopping when the settings ask for it). */
  fits?: boolean;
  /** Python that defines evaluate(): the page's evaluation, returning {metric key: value}. */
  evaluate(values: V): string;
  /** Text for the top of the script: how to run it, what it reads. */
  usage?(values: V): readonly string[];
}

/** A recipe typed for its experiment's values, stored with its values type erased. */
export function defineRecipe<V>(recipe: KerasRecipe<V>): KerasRecipe {
  return recipe as unknown as KerasRecipe;
}
