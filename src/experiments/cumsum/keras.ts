/** The cumulative sum (bidirectional) as a Keras script (see src/codegen): data.ts in numpy, evaluate() as experiment.ts scores it. */
import { defineRecipe } from '../../codegen/recipe';
import type { CumsumValues } from './experiment';

export const cumsumKeras = defineRecipe<CumsumValues>({
  settings: (v) => [
    ['length', v.length, 'values per sequence; a label turns to 1 once the running sum reaches LENGTH / 4'],
    ['reversedTargets', v.dir === 'backward', 'a go_backwards LSTM returns its outputs last step first'],
  ],
  data: () => `
    def make_batch(rng, rows):
        """rows sequences of LENGTH values uniform in [0, 1) [rows, LENGTH, 1]; per step, 1 once the running sum
        reached LENGTH / 4, else 0 [rows, LENGTH, 1] (last step first with REVERSED_TARGETS)."""
        x = rng.random((rows, LENGTH)).astype("float32")
        labels = (np.cumsum(x, axis=1) >= LENGTH / 4).astype("float32")
        y = labels[:, ::-1] if REVERSED_TARGETS else labels
        return x[:, :, None], np.ascontiguousarray(y)[:, :, None]
  `,
  evaluate: () => `
    EVALUATION_SIZE = 100


    def evaluate():
        x, y = make_batch(eval_rng, EVALUATION_SIZE)
        right = (model.predict(x, verbose=0) >= 0.5) == (y >= 0.5)
        return {"accuracy": np.mean(right), "sequences": np.mean(right.all(axis=(1, 2)))}
  `,
});
