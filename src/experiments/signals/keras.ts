/** The synthetic signals as a Keras script (see src/codegen): data.ts in numpy, evaluate() as experiment.ts scores it. */
import { defineRecipe } from '../../codegen/recipe';
import type { SignalsValues } from './experiment';

export const signalsKeras = defineRecipe<SignalsValues>({
  settings: (v) => [
    ['shape', v.shape, '"sine", "square", "sawtooth", "sinc", "sines" or "walk"'],
    ['noise', v.noise, 'standard deviation of the Gaussian noise on every value'],
    ['length', v.length, 'input steps'],
    ['output', v.output, 'steps forecast at once'],
    ['horizon', v.horizon, 'closed-loop horizon'],
    ['amplitudeMin', v.amin],
    ['amplitudeMax', v.amax],
    ['periodMin', v.pmin],
    ['periodMax', v.pmax],
  ],
  helpers: () => ['loops'],
  data: () => `
    def make_signals(rng, rows, steps):
        """rows signals of SHAPE over steps steps, each with its own amplitude, whole period and shift;
        returns the noiseless and the noisy values, [rows, steps] each."""
        t = np.arange(steps)
        clean = np.zeros((rows, steps), dtype="float32")
        for r in range(rows):
            a = rng.uniform(AMPLITUDE_MIN, AMPLITUDE_MAX)
            period = rng.integers(PERIOD_MIN, PERIOD_MAX + 1)
            # The sinc pulse peaks at a step of the input; the periodic shapes are shifted within a period.
            shift = rng.uniform(0, LENGTH) if SHAPE == "sinc" else rng.uniform(0, period)
            u = (t - shift) / period
            if SHAPE == "sine":
                clean[r] = a * np.sin(2 * np.pi * u)
            elif SHAPE == "square":
                clean[r] = a * np.where(u - np.floor(u) < 0.5, 1.0, -1.0)
            elif SHAPE == "sawtooth":
                clean[r] = a * (2 * (u - np.floor(u)) - 1)
            elif SHAPE == "sinc":
                clean[r] = a * np.sinc(2 * u)  # numpy's sinc(x) is sin(πx)/(πx)
            elif SHAPE == "sines":
                period2 = rng.integers(PERIOD_MIN, PERIOD_MAX + 1)
                shift2 = rng.uniform(0, period2)
                clean[r] = a * (np.sin(2 * np.pi * u) + np.sin(2 * np.pi * (t - shift2) / period2)) / 2
            else:  # a random walk from 0, steps of standard deviation a/√period
                clean[r, 1:] = np.cumsum(a / np.sqrt(period) * rng.standard_normal(steps - 1))
        noisy = clean + NOISE * rng.standard_normal(clean.shape).astype("float32") if NOISE > 0 else clean
        return clean, noisy


    def make_batch(rng, rows):
        """Input: the first LENGTH noisy values [rows, LENGTH, 1]; target: the next OUTPUT [rows, OUTPUT]."""
        _, noisy = make_signals(rng, rows, LENGTH + OUTPUT)
        return noisy[:, :LENGTH, None], noisy[:, LENGTH:]
  `,
  evaluate: () => `
    EVALUATION_SIZE = 1000
    EVALUATION_LOOPS = 100  # the open and closed loops run on the first signals only: every block re-reads the input


    def evaluate():
        _, noisy = make_signals(eval_rng, EVALUATION_SIZE, LENGTH + max(OUTPUT, HORIZON))
        windows, after = noisy[:, :LENGTH], noisy[:, LENGTH:]
        targets = after[:, :OUTPUT]
        predicted = model.predict(windows[:, :, None], verbose=0)
        some, truths = windows[:EVALUATION_LOOPS], after[:EVALUATION_LOOPS, :HORIZON]
        naive = np.repeat(some[:, -1:], HORIZON, axis=1)
        return {
            "mae": np.mean(np.abs(predicted - targets)),
            "baseline": np.mean(np.abs(np.repeat(windows[:, -1:], OUTPUT, axis=1) - targets)),
            "openMae": np.mean(np.abs(open_loop(model, some, truths, HORIZON, OUTPUT) - truths)),
            "closedMae": np.mean(np.abs(closed_loop(model, some, HORIZON, OUTPUT) - truths)),
            "naiveMae": np.mean(np.abs(naive - truths)),
        }
  `,
});
