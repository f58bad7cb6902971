/** The learning-curve lesson as a Keras script (see src/codegen): data.ts inline, evaluate() as experiment.ts scores it. */
import { defineRecipe } from '../../codegen/recipe';
import { TRAIN_PAIRS, VALIDATION_PAIRS } from './data';
import type { CurvesValues } from './experiment';
import { configOf, PRESETS } from './presets';

export const curvesKeras = defineRecipe<CurvesValues>({
  settings: (v) => {
    const config = configOf(v);
    return [
      ['preset', PRESETS[v.preset].label, 'the lesson\'s preset, with the knobs below'],
      ['epochs', config.epochs],
      ['batchSize', config.batchSize, 'larger than the 5 training pairs: one update per epoch'],
    ];
  },
  data: () => `
    # 0.0, 0.1, … 1.0 as "next value" pairs: the first five train, the last five validate (beyond the training range).
    X_TRAIN = np.array(${JSON.stringify(TRAIN_PAIRS.map((p) => p.x))}, dtype="float32").reshape(-1, 1, 1)
    Y_TRAIN = np.array(${JSON.stringify(TRAIN_PAIRS.map((p) => p.y))}, dtype="float32").reshape(-1, 1)
    X_VALIDATION = np.array(${JSON.stringify(VALIDATION_PAIRS.map((p) => p.x))}, dtype="float32").reshape(-1, 1, 1)
    Y_VALIDATION = np.array(${JSON.stringify(VALIDATION_PAIRS.map((p) => p.y))}, dtype="float32").reshape(-1, 1)
  `,
  fits: true,
  train: () => `
    # The lesson trains with shuffle=False: the pairs in order, every epoch; the validation pairs scored after each.
    history = model.fit(
        X_TRAIN, Y_TRAIN, epochs=EPOCHS, batch_size=BATCH_SIZE, shuffle=False, validation_data=(X_VALIDATION, Y_VALIDATION), callbacks=callbacks, verbose=0
    )
    for epoch in sorted(set([0, len(history.history["loss"]) // 2, len(history.history["loss"]) - 1])):
        print(f"epoch {epoch + 1}: loss {history.history['loss'][epoch]:.5f}, val_loss {history.history['val_loss'][epoch]:.5f}")
  `,
  evaluate: () => `
    def evaluate():
        mse = lambda x, y: float(np.mean((model.predict(x, verbose=0) - y) ** 2))
        return {"validationMse": mse(X_VALIDATION, Y_VALIDATION), "trainMse": mse(X_TRAIN, Y_TRAIN)}
  `,
});
