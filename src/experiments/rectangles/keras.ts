/** The rectangle generation as a Keras script (see src/codegen): data.ts in numpy, evaluate() as experiment.ts scores it. */
import { defineRecipe } from '../../codegen/recipe';
import type { RectanglesValues } from './experiment';

export const rectanglesKeras = defineRecipe<RectanglesValues>({
  settings: () => [],
  data: () => `
    def make_batch(rng, rows):
        """rows random rectangles (width and height uniform in [0, 1)) as their 3 corner pairs in order,
        BL→BR, BR→TR, TR→TL: inputs [3·rows, 1, 2], targets [3·rows, 2]."""
        x, y = [], []
        for width, height in rng.random((rows, 2)):
            corners = [(0.0, 0.0), (width, 0.0), (width, height), (0.0, height)]
            for p in range(3):
                x.append([corners[p]])
                y.append(corners[p + 1])
        return np.array(x, dtype="float32"), np.array(y, dtype="float32")
  `,
  evaluate: () => `
    EVALUATION_SIZE = 1000


    def generate_shape(start=(0.0, 0.0), steps=3):
        """From the start, predict the next corner and feed it back, steps times."""
        shape = [np.array(start, dtype="float32")]
        for _ in range(steps):
            shape.append(model.predict(shape[-1][None, None, :], verbose=0)[0])
        return shape


    def evaluate():
        bl, br, tr, tl = generate_shape()
        # The nearest axis-aligned rectangle: each side at the mean of the two corners on it.
        left, right = (bl[0] + tl[0]) / 2, (br[0] + tr[0]) / 2
        bottom, top = (bl[1] + br[1]) / 2, (tr[1] + tl[1]) / 2
        fitted = [(left, bottom), (right, bottom), (right, top), (left, top)]
        deviation = np.mean([np.hypot(c[0] - f[0], c[1] - f[1]) for c, f in zip((bl, br, tr, tl), fitted)])
        x, y = make_batch(eval_rng, EVALUATION_SIZE)
        mae = np.mean(np.abs(model.predict(x, verbose=0) - y))
        return {"deviation": deviation, "width": right - left, "height": top - bottom, "mae": mae}
  `,
});
