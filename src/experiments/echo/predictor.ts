import { argmax, writeOneHot } from '../encoding';
import { formatPercent, parseNumbers } from '../predictorText';
import type { Predictor } from '../types';
import type { EchoProblem } from './data';

/** Type a sequence; the model answers the value it echoes, with its probabilities. */
export const echoPredictor: Predictor<EchoProblem> = {
  label: 'Sequence',
  help: ({ length, features }) => `${length} whole numbers from 0 to ${features - 1}, separated by spaces or commas.`,
  example: ({ length, features }) => Array.from({ length }, (_, i) => (3 + 7 * i) % features).join(' '),
  parse(text, { length, features }) {
    const sequence = parseNumbers(text, { count: length, min: 0, max: features - 1, integer: true });
    if (!Array.isArray(sequence)) return sequence;
    const x = new Float32Array(length * features);
    sequence.forEach((value, t) => writeOneHot(x, t * features, features, value));
    return { x, xShape: [1, length, features] };
  },
  async answer(input, { length, features, outIndex }, predict) {
    const probabilities = Array.from(await predict(input.x, input.xShape));
    const sequence = Array.from({ length }, (_, t) => argmax(input.x, t * features, features));
    const predicted = argmax(probabilities);
    const expected = sequence[outIndex] ?? 0;
    const top = probabilities
      .map((p, value) => ({ p, value }))
      .sort((a, b) => b.p - a.p)
      .slice(0, 3);
    return {
      summary: `Echoed value: ${predicted} (${formatPercent(probabilities[predicted] ?? 0)}); position ${outIndex} holds ${expected}, so the answer is ${predicted === expected ? 'right' : 'wrong'}.`,
      rows: top.map(({ p, value }) => ({ label: `P(${value})`, value: formatPercent(p) })),
    };
  },
};
