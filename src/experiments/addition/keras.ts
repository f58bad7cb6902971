/** The addition (encoder-decoder) as a Keras script (see src/codegen): data.ts in numpy, evaluate() as score.ts scores it. */
import { defineRecipe } from '../../codegen/recipe';
import type { AdditionValues } from './experiment';

export const additionKeras = defineRecipe<AdditionValues>({
  settings: (v) => [
    ['terms', v.terms, 'numbers added per question'],
    ['largest', v.largest, 'each number is drawn from 1 to LARGEST'],
  ],
  data: () => `
    ALPHABET = "0123456789+ "  # one-hot order; the space pads
    IN_LENGTH = TERMS * len(str(LARGEST)) + TERMS - 1
    OUT_LENGTH = len(str(TERMS * (LARGEST + 1) - 1))


    def encode(texts):
        """Strings of equal length, one-hot [len(texts), length, len(ALPHABET)]."""
        return np.eye(len(ALPHABET), dtype="float32")[[[ALPHABET.index(c) for c in text] for text in texts]]


    def make_batch(rng, rows):
        """rows questions like "  9+10+9", left-padded to IN_LENGTH; the answers like "28", padded to OUT_LENGTH."""
        numbers = rng.integers(1, LARGEST + 1, size=(rows, TERMS))
        questions = ["+".join(str(n) for n in row).rjust(IN_LENGTH) for row in numbers]
        answers = [str(int(row.sum())).rjust(OUT_LENGTH) for row in numbers]
        return encode(questions), encode(answers)
  `,
  evaluate: () => `
    EVALUATION_SIZE = 100
    EPSILON = 1e-7  # Keras clips probabilities before the log


    def evaluate():
        x, y = make_batch(eval_rng, EVALUATION_SIZE)
        predicted = model.predict(x, verbose=0)
        right = predicted.argmax(axis=-1) == y.argmax(axis=-1)
        p = np.clip(np.sum(predicted * y, axis=-1), EPSILON, 1 - EPSILON)
        return {"accuracy": np.mean(right), "answers": np.mean(right.all(axis=1)), "loss": np.mean(-np.log(p))}
  `,
});
