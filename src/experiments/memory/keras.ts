/** The memory demonstration as a Keras script (see src/codegen): data.ts in numpy, evaluate() as experiment.ts scores it. */
import { defineRecipe } from '../../codegen/recipe';
import type { MemoryValues } from './experiment';

export const memoryKeras = defineRecipe<MemoryValues>({
  settings: (v) => [
    ['mode', v.mode, '"stateful" (one step per batch, the state carried), "sequence" or "stateless"'],
    ['epochs', v.epochs],
  ],
  helpers: () => ['resetStates', 'trainEpochs'],
  data: () => `
    SEQUENCES = [[3, 0, 1, 2, 3], [4, 0, 1, 2, 4]]  # they differ only in the first and last value
    SYMBOLS = 5
    STEPS = 4  # one-step pairs per sequence: x → the next x


    def one_hot(values):
        return np.eye(SYMBOLS, dtype="float32")[values]


    def sequence_batches(sequence):
        """The batches of one sequence as the mode reads it: (x, y, reset the state after it)."""
        if MODE == "sequence":
            return [(one_hot(sequence[:STEPS])[None], one_hot(sequence[1:])[None], False)]
        return [
            (one_hot([sequence[t]])[None], one_hot([sequence[t + 1]]), MODE == "stateful" and t == STEPS - 1)
            for t in range(STEPS)
        ]


    def epoch_batches():
        """One epoch: sequence 1 step by step, then sequence 2, in order (the order is the lesson)."""
        return [batch for sequence in SEQUENCES for batch in sequence_batches(sequence)]
  `,
  train: () => `
    train_epochs(model, EPOCHS, epoch_batches)
  `,
  evaluate: () => `
    def evaluate():
        """Both sequences through the model, each from zero state: the share of the 8 steps right, and of
        the 2 conflicting last steps (2→3 and 2→4)."""
        right = []
        for sequence in SEQUENCES:
            reset_states(model)
            outputs = np.concatenate([model.predict(x, verbose=0).reshape(-1, SYMBOLS) for x, _, _ in sequence_batches(sequence)])
            right.append(outputs.argmax(axis=-1) == np.array(sequence[1:]))
        reset_states(model)
        right = np.array(right)
        return {"steps": np.mean(right), "conflict": np.mean(right[:, -1])}
  `,
});
