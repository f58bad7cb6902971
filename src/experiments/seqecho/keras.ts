/** The whole- and partial-sequence echoes as Keras scripts (see src/codegen): data.ts in numpy, evaluate() as experiment.ts scores it. */
import { defineRecipe } from '../../codegen/recipe';
import type { SeqEchoValues } from './experiment';

export const seqEchoKeras = defineRecipe<SeqEchoValues>({
  settings: (v) => [
    ['length', v.length, 'random values drawn each epoch'],
    ['features', v.features, 'values are integers in [0, FEATURES), one-hot'],
    ['window', v.window, 'timesteps per sample'],
    ['out', v.out, 'values of each window to echo, from its start'],
    ['epochs', v.epochs],
    ['batchSize', v.bs, 'divides the number of windows when the layers are stateful'],
    ['validationSequences', v.vseq, 'fresh sequences scored after every epoch from zero state (0: none)'],
  ],
  helpers: () => ['resetStates', 'trainEpochs'],
  data: () => `
    def encode_windows(sequence):
        """The sliding windows of a sequence, one-hot: x [windows, WINDOW, FEATURES], y their first OUT values."""
        windows = np.array([sequence[w : w + WINDOW] for w in range(len(sequence) - WINDOW + 1)])
        one_hot = np.eye(FEATURES, dtype="float32")
        return one_hot[windows], one_hot[windows[:, :OUT]]


    def epoch_batches():
        """One epoch: a fresh sequence, its windows in order in batches of BATCH_SIZE, the state reset after the last."""
        x, y = encode_windows(data_rng.integers(0, FEATURES, size=LENGTH))
        count = len(x)
        for start in range(0, count, BATCH_SIZE):
            yield x[start : start + BATCH_SIZE], y[start : start + BATCH_SIZE], start + BATCH_SIZE >= count
  `,
  train: () => `
    val_rng = np.random.default_rng([SEED, 2])
    validation = [encode_windows(val_rng.integers(0, FEATURES, size=LENGTH)) for _ in range(VALIDATION_SEQUENCES)]


    def validate():
        """The validation sequences, each from zero state in the training batches (the dashed curves)."""
        scores = []
        for x, y in validation:
            reset_states(model)
            scores.append(model.evaluate(x, y, batch_size=BATCH_SIZE, verbose=0, return_dict=True))
        reset_states(model)
        return {f"val_{name}": np.mean([s[name] for s in scores]) for name in scores[0]} if scores else {}


    train_epochs(model, EPOCHS, epoch_batches, validate)
  `,
  evaluate: () => `
    EVALUATION_SEQUENCES = 20


    def evaluate():
        """Fresh sequences, each from zero state, their windows in the training batches."""
        right = []
        for _ in range(EVALUATION_SEQUENCES):
            x, y = encode_windows(eval_rng.integers(0, FEATURES, size=LENGTH))
            reset_states(model)
            predicted = model.predict(x, batch_size=BATCH_SIZE, verbose=0)
            right.append(predicted.argmax(axis=-1) == y.argmax(axis=-1))
        reset_states(model)
        right = np.concatenate(right)
        return {"accuracy": np.mean(right), "windows": np.mean(right.all(axis=1))}
  `,
});
