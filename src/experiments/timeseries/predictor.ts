import { formatNumber, parseNumbers, seriesInput } from '../predictorText';
import type { Predictor } from '../types';
import { framedSeries, type FramingKnobs } from './data';

/** Paste the last `lookBack` values of the series (original units); the model forecasts the next. */
export const timeSeriesPredictor: Predictor<FramingKnobs> = {
  label: 'Last values',
  help: ({ lookBack }) => `${lookBack} value${lookBack === 1 ? '' : 's'} of the series in its own units, the latest last; the model forecasts the next.`,
  example(values) {
    const framed = framedSeries(values);
    return framed.ok ? framed.series.values.slice(-values.lookBack).map(formatNumber).join(' ').replace(/,/g, '') : '';
  },
  parse(text, values) {
    const framed = framedSeries(values);
    if (!framed.ok) return { error: framed.error };
    const numbers = parseNumbers(text.replace(/(\d),(\d{3})\b/g, '$1$2'), { count: values.lookBack, noun: 'values' });
    return Array.isArray(numbers) ? seriesInput(framed.scaler.transform(numbers)) : numbers;
  },
  async answer(input, values, predict) {
    const framed = framedSeries(values);
    if (!framed.ok) return { summary: framed.error };
    const scaled = Array.from(await predict(input.x, input.xShape));
    const [next = Number.NaN] = framed.scaler.inverse(scaled);
    const last = framed.scaler.inverse(Array.from(input.x)).at(-1) ?? Number.NaN;
    return {
      summary: `Forecast of the next value: ${formatNumber(next)}`,
      rows: [
        { label: 'model', value: formatNumber(next) },
        { label: 'naive forecast (last value)', value: formatNumber(last) },
      ],
    };
  },
};
