import { clip } from '../params';
import { formatNumber } from '../predictorText';
import type { Predictor } from '../types';
import { featuresOf, formatInput, parseInput, timestepsOf, type RegressionProblem } from './problems';

/**
 * Type a test input of the chosen problem ("30", "55, 80", "8, 51; 11, 56; 14, 61"); the model answers
 * its output beside the rule's. `problemOf` and `answerOf` are the experiment's own.
 */
export function regressionPredictor<V>(problemOf: (values: V) => RegressionProblem, answerOf: (problem: RegressionProblem, input: number[][]) => number[]): Predictor<V> {
  return {
    label: 'Test input',
    help: (values) => {
      const problem = problemOf(values);
      return `${timestepsOf(problem)} timestep(s) of ${featuresOf(problem)} feature(s): steps separated by ";", features by ",".`;
    },
    example: (values) => formatInput(problemOf(values).testInput),
    parse(text, values) {
      const problem = problemOf(values);
      const input = parseInput(text);
      const steps = timestepsOf(problem);
      const features = featuresOf(problem);
      if (!input) return { error: `"${clip(text.trim())}" is not a list of numbers such as "${formatInput(problem.testInput)}".` };
      if (input.length !== steps || input.some((step) => step.length !== features)) {
        return { error: `Problem ${problem.id} takes ${steps} timestep(s) of ${features} feature(s), like "${formatInput(problem.testInput)}".` };
      }
      return { x: Float32Array.from(input.flat()), xShape: [1, steps, features] };
    },
    async answer(input, values, predict) {
      const problem = problemOf(values);
      const features = featuresOf(problem);
      const steps = input.xShape[1] ?? 1;
      const rows = Array.from({ length: steps }, (_, t) => Array.from(input.x.slice(t * features, (t + 1) * features)));
      const predicted = Array.from(await predict(input.x, input.xShape));
      const expected = answerOf(problem, rows);
      return {
        summary: `Predicted ${predicted.map(formatNumber).join(', ')} (the rule gives ${expected.map(formatNumber).join(', ')})`,
        rows: predicted.map((value, i) => ({ label: predicted.length > 1 ? `output ${i + 1}` : 'output', value: `${formatNumber(value)} (expect ${formatNumber(expected[i] ?? Number.NaN)})` })),
      };
    },
  };
}
