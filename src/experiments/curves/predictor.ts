import { formatNumber, parseNumbers, seriesInput } from '../predictorText';
import type { Predictor } from '../types';

/** Type one value of the lesson's sequence 0.0, 0.1, …; the model answers the next (the value + 0.1). */
export const curvesPredictor: Predictor<unknown> = {
  label: 'Value',
  help: () => 'One number; the model was trained on 0.0 → 0.1 … 0.4 → 0.5 and checked on 0.5 → 0.6 … 0.9 → 1.0.',
  example: () => '0.7',
  parse(text) {
    const value = parseNumbers(text, { count: 1, noun: 'value' });
    return Array.isArray(value) ? seriesInput(value) : value;
  },
  async answer(input, _values, predict) {
    const [next = Number.NaN] = await predict(input.x, input.xShape);
    const value = input.x[0] ?? 0;
    return {
      summary: `Next value: ${formatNumber(next)} (the sequence's is ${formatNumber(value + 0.1)})`,
      rows: [
        { label: 'model', value: formatNumber(next) },
        { label: 'error', value: formatNumber(next - (value + 0.1)) },
      ],
    };
  },
};
