import { formatNumber, formatPercent, parseNumbers, seriesInput } from '../predictorText';
import type { Predictor } from '../types';
import { cumsumLabels, outputsInTimeOrder, runningSums, threshold } from './data';

interface CumsumPredictorValues {
  length: number;
  dir: string;
}

/** Type values in [0, 1]; the model answers a bit per step: has the running sum passed n/4? */
export const cumsumPredictor: Predictor<CumsumPredictorValues> = {
  label: 'Values',
  help: ({ length }) => `${length} numbers from 0 to 1; each step's label is 1 once the running sum passes ${formatNumber(threshold(length))}.`,
  example: ({ length }) => Array.from({ length }, (_, i) => ((i * 37) % 100) / 100).join(' '),
  parse(text, { length }) {
    const values = parseNumbers(text, { count: length, min: 0, max: 1 });
    return Array.isArray(values) ? seriesInput(values.map(Math.fround)) : values;
  },
  async answer(input, { length, dir }, predict) {
    const output = await predict(input.x, input.xShape);
    const probabilities = outputsInTimeOrder(output, 0, length, dir === 'backward');
    const values = Array.from(input.x);
    const bits = probabilities.map((p) => (p >= 0.5 ? 1 : 0));
    const expected = cumsumLabels(values);
    const sums = runningSums(values);
    const wrong = bits.filter((bit, t) => bit !== expected[t]).length;
    return {
      summary: `Predicted bits: ${bits.join(' ')} (${wrong === 0 ? 'all right' : `${wrong} of ${length} wrong`}; expected ${expected.join(' ')})`,
      rows: probabilities.map((p, t) => ({
        label: `step ${t + 1}: sum ${formatNumber(sums[t] ?? 0)}`,
        value: `${bits[t]} (${formatPercent(p)})${bits[t] === expected[t] ? '' : ` — expected ${expected[t]}`}`,
      })),
    };
  },
};
