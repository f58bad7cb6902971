/** The small regression problems as a Keras script (see src/codegen): the data table inline, evaluate() as experiment.ts scores it. */
import { defineRecipe } from '../../codegen/recipe';
import type { RegressionValues } from './experiment';
import { parseData, parseInput, PROBLEMS, validationSplit, type ProblemId, type RegressionProblem } from './problems';

/** The problem with the user's edited samples when they fit it (as the experiment reads it). */
function problemOf(values: RegressionValues): RegressionProblem {
  const problem = PROBLEMS[values.problem];
  if (!values.data) return problem;
  const data = parseData(values.data, problem);
  return typeof data === 'string' ? problem : { ...problem, ...data };
}

/** Each problem's rule, in Python, for the expected answer of a test input x [timesteps, features]. */
const RULES: Record<ProblemId, string> = {
  a: 'return [15 * x[-1][0]]',
  b: 'return [x[-1][0] * x[-1][1]]',
  c: 'return [sum(step[0] for step in x)]',
  d: 'return [x[-1][0] + x[-1][1]]',
  e: 'return [x[-1][0] + 3, x[-1][1] + 5]',
};

const rows = (values: readonly unknown[]) => values.map((v) => `            ${JSON.stringify(v).replace(/,/g, ', ')},`).join('\n');

export const regressionKeras = defineRecipe<RegressionValues>({
  settings: (v) => {
    const problem = problemOf(v);
    const test = (v.test && parseInput(v.test)) || problem.testInput;
    return [
      ['problem', problem.label],
      ['testInput', test, 'timesteps × features'],
      ['epochs', v.epochs || problem.epochs],
      ['batchSize', v.bs || problem.batchSize],
      ['trainSamples', validationSplit(problem.x.length, v.val).train, `the rest (${Math.round(v.val * 100)}% from the end) validates`],
      ...(problem.id === 'e' ? [['horizon', v.horizon, 'steps both series are continued past the test input'] as const] : []),
    ];
  },
  helpers: () => [],
  data: (v) => {
    const problem = problemOf(v);
    return `
    # The data set (samples × timesteps × features → outputs), raw and unscaled as in the tutorial.
    X = np.array(
        [
${rows(problem.x)}
        ],
        dtype="float32",
    )
    Y = np.array(
        [
${rows(problem.y)}
        ],
        dtype="float32",
    )
    x_train, y_train = X[:TRAIN_SAMPLES], Y[:TRAIN_SAMPLES]
    x_validation, y_validation = X[TRAIN_SAMPLES:], Y[TRAIN_SAMPLES:]


    def rule(x):
        """The problem's rule: the answer a test input should get."""
        ${RULES[problem.id]}
    `;
  },
  fits: true,
  train: () => `
    # Keras shuffles the training samples every epoch; the held-out samples are scored after each.
    history = model.fit(
        x_train,
        y_train,
        epochs=EPOCHS,
        batch_size=BATCH_SIZE,
        shuffle=True,
        validation_data=(x_validation, y_validation) if len(x_validation) else None,
        callbacks=callbacks,
        verbose=0,
    )
    print("final loss:", ", ".join(f"{name} {values[-1]:.3f}" for name, values in history.history.items()))
  `,
  evaluate: (v) => {
    const continued = problemOf(v).id === 'e';
    const loops = `

        # Problem e: both series continued past the test input, open loop (from the true past) and
        # closed loop (the model's own steps fed back).
        window = np.array(TEST_INPUT, dtype="float32")
        last, truth = window, []
        for _ in range(HORIZON):
            truth.append(rule(last))
            last = np.concatenate([last[1:], np.array([truth[-1]], dtype="float32")])
        truth = np.array(truth, dtype="float32")
        past = np.concatenate([window, truth])
        open_ = model.predict(np.array([past[h : h + len(window)] for h in range(HORIZON)]), verbose=0)
        current, closed = window, []
        for _ in range(HORIZON):
            closed.append(model.predict(current[None], verbose=0)[0])
            current = np.concatenate([current, closed[-1][None]])[-len(window):]
        metrics["openError"] = np.mean(np.abs(open_ - truth))
        metrics["closedError"] = np.mean(np.abs(np.array(closed) - truth))`;
    return `
    def evaluate():
        predicted = model.predict(np.array([TEST_INPUT], dtype="float32"), verbose=0)[0]
        expected = np.array(rule(TEST_INPUT), dtype="float32")
        metrics = {"prediction": predicted[0], "error": np.mean(np.abs(predicted - expected))}
        if len(predicted) > 1:
            metrics["prediction2"] = predicted[1]${continued ? loops : ''}
        return metrics
    `;
  },
});
