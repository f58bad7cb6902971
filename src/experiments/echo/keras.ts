/** The echo experiment as a Keras script (see src/codegen): data.ts in numpy, evaluate() as experiment.ts scores it. */
import { defineRecipe } from '../../codegen/recipe';
import type { EchoValues } from './experiment';

export const echoKeras = defineRecipe<EchoValues>({
  settings: (v) => [
    ['length', v.length, 'values per sequence'],
    ['features', v.features, 'values are integers in [0, FEATURES), one-hot'],
    ['outIndex', v.outIndex, 'the position to echo (0-based)'],
  ],
  data: () => `
    def make_batch(rng, rows):
        """rows random sequences of LENGTH integers, one-hot [rows, LENGTH, FEATURES]; the target is the value at OUT_INDEX."""
        sequences = rng.integers(0, FEATURES, size=(rows, LENGTH))
        one_hot = np.eye(FEATURES, dtype="float32")
        return one_hot[sequences], one_hot[sequences[:, OUT_INDEX]]
  `,
  evaluate: () => `
    EVALUATION_SIZE = 100


    def evaluate():
        x, y = make_batch(eval_rng, EVALUATION_SIZE)
        predicted = model.predict(x, verbose=0)
        return {"accuracy": np.mean(predicted.argmax(axis=-1) == y.argmax(axis=-1))}
  `,
});
