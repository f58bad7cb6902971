/** The moving line (CNN-LSTM) as a Keras script (see src/codegen): data.ts in numpy, evaluate() as experiment.ts scores it. */
import { defineRecipe } from '../../codegen/recipe';
import type { MovingLineValues } from './experiment';

export const movingLineKeras = defineRecipe<MovingLineValues>({
  settings: (v) => [['size', v.size, 'frames per video, each SIZE × SIZE pixels']],
  data: () => `
    def make_batch(rng, rows):
        """rows videos [rows, SIZE, SIZE, SIZE, 1]: a line drawn one column per frame from the left or the right
        edge, each step on the same row or one up or down; the target is 1 for a line moving right."""
        x = np.zeros((rows, SIZE, SIZE, SIZE, 1), dtype="float32")
        y = np.zeros((rows, 1), dtype="float32")
        for r in range(rows):
            row = rng.integers(SIZE)
            right = rng.random() < 0.5
            for step in range(SIZE):
                if step > 0:
                    row = rng.integers(max(0, row - 1), min(SIZE - 1, row + 1) + 1)
                column = step if right else SIZE - 1 - step
                x[r, step:, row, column, 0] = 1  # lit from this frame on
            y[r, 0] = 1.0 if right else 0.0
        return x, y
  `,
  evaluate: () => `
    EVALUATION_SIZE = 100
    EVALUATION_CHUNK = 25  # videos per predict call


    def evaluate():
        correct = 0
        for _ in range(EVALUATION_SIZE // EVALUATION_CHUNK):
            x, y = make_batch(eval_rng, EVALUATION_CHUNK)
            predicted = model.predict(x, verbose=0)
            correct += int(np.sum((predicted > 0.5) == (y > 0.5)))
        return {"accuracy": correct / EVALUATION_SIZE}
  `,
});
