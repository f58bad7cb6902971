import { formatNumber, parseNumbers, seriesInput } from './predictorText';
import type { Predictor } from './types';

interface WindowValues {
  length: number;
  output: number;
}

/**
 * Paste a window of `length` values; the model forecasts the next `output` (damped sine, signals).
 * `example` gives a window to start from.
 */
export function windowPredictor<V extends WindowValues>(example: (values: V) => readonly number[]): Predictor<V> {
  return {
    label: 'Input window',
    help: ({ length, output }) => `${length} numbers, the latest last; the model forecasts the next ${output === 1 ? 'value' : `${output} values`}.`,
    example: (values) => example(values).map((v) => v.toFixed(3)).join(' '),
    parse(text, { length }) {
      const numbers = parseNumbers(text, { count: length, noun: 'values' });
      return Array.isArray(numbers) ? seriesInput(numbers) : numbers;
    },
    async answer(input, _values, predict) {
      const forecast = Array.from(await predict(input.x, input.xShape));
      return {
        summary: `Forecast: ${forecast.map(formatNumber).join(', ')}`,
        rows: forecast.map((value, i) => ({ label: `step +${i + 1}`, value: formatNumber(value) })),
      };
    },
  };
}
