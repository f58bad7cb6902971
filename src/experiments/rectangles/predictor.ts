import { formatNumber, parseNumbers } from '../predictorText';
import type { Predictor } from '../types';
import type { Point } from './data';
import { generateShape } from './generate';

/** Set a start corner; the model draws a shape from it by feeding each predicted corner back. */
export const rectanglesPredictor: Predictor<unknown> = {
  label: 'Start corner (x, y)',
  help: () => 'Two numbers, x and y; training always starts at 0, 0 (the bottom-left corner).',
  example: () => '0, 0',
  parse(text) {
    const point = parseNumbers(text, { count: 2, min: -10, max: 10, noun: 'coordinates' });
    return Array.isArray(point) ? { x: Float32Array.from(point), xShape: [1, 1, 2] } : point;
  },
  async answer(input, _values, predict) {
    const start: Point = [input.x[0] ?? 0, input.x[1] ?? 0];
    const shape = await generateShape(predict, start, 3);
    const names = ['start', 'corner 2', 'corner 3', 'corner 4'];
    return {
      summary: `Drawn corners: ${shape.map(([x, y]) => `(${formatNumber(x)}, ${formatNumber(y)})`).join(' → ')}`,
      rows: shape.map(([x, y], i) => ({ label: names[i] ?? `corner ${i + 1}`, value: `(${formatNumber(x)}, ${formatNumber(y)})` })),
      polygon: shape.map(([x, y]) => ({ x, y })),
    };
  },
};
