/** The damped sine as a Keras script (see src/codegen): data.ts in numpy, evaluate() as experiment.ts scores it. */
import { defineRecipe } from '../../codegen/recipe';
import type { SineValues } from './experiment';

export const sineKeras = defineRecipe<SineValues>({
  settings: (v) => [
    ['length', v.length, 'input steps'],
    ['output', v.output, 'steps forecast at once'],
    ['horizon', v.horizon, 'closed-loop horizon'],
    ['periodMin', v.pmin],
    ['periodMax', v.pmax],
    ['decayMin', v.dmin],
    ['decayMax', v.dmax],
  ],
  helpers: () => ['loops'],
  data: () => `
    def make_waves(rng, rows, steps):
        """Damped sine waves 0.5 + 0.5·sin(2π·i/period)·exp(−decay·i), a whole period in [PERIOD_MIN, PERIOD_MAX]
        and a decay in [DECAY_MIN, DECAY_MAX) each."""
        i = np.arange(steps)
        waves = np.empty((rows, steps), dtype="float32")
        for r in range(rows):
            period = rng.integers(PERIOD_MIN, PERIOD_MAX + 1)
            decay = rng.uniform(DECAY_MIN, DECAY_MAX)
            waves[r] = 0.5 + 0.5 * np.sin(2 * np.pi * i / period) * np.exp(-decay * i)
        return waves


    def make_batch(rng, rows):
        """Input: the first LENGTH values [rows, LENGTH, 1]; target: the next OUTPUT values [rows, OUTPUT]."""
        waves = make_waves(rng, rows, LENGTH + OUTPUT)
        return waves[:, :LENGTH, None], waves[:, LENGTH:]
  `,
  evaluate: () => `
    EVALUATION_SIZE = 1000
    EVALUATION_LOOPS = 100  # the open and closed loops run on the first waves only: every block re-reads the input


    def evaluate():
        waves = make_waves(eval_rng, EVALUATION_SIZE, LENGTH + max(OUTPUT, HORIZON))
        windows, after = waves[:, :LENGTH], waves[:, LENGTH:]
        targets = after[:, :OUTPUT]
        predicted = model.predict(windows[:, :, None], verbose=0)
        repeated = np.repeat(windows[:, -1:], OUTPUT, axis=1)
        some, truths = windows[:EVALUATION_LOOPS], after[:EVALUATION_LOOPS, :HORIZON]
        return {
            "mae": np.mean(np.abs(predicted - targets)),
            "baseline": np.mean(np.abs(repeated - targets)),
            "openMae": np.mean(np.abs(open_loop(model, some, truths, HORIZON, OUTPUT) - truths)),
            "closedMae": np.mean(np.abs(closed_loop(model, some, HORIZON, OUTPUT) - truths)),
        }
  `,
});
