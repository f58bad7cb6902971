import { argmax, writeOneHot } from '../encoding';
import { parseNumbers } from '../predictorText';
import type { Predictor } from '../types';

interface SeqEchoPredictorValues {
  features: number;
  window: number;
  out: number;
  stateful: boolean;
  bs: number;
}

/**
 * Type one window; the model writes back its first values. A stateful model reads a fixed batch:
 * the window is repeated to fill it, from zero state, and the first row is read.
 */
export const seqEchoPredictor: Predictor<SeqEchoPredictorValues> = {
  label: 'Window',
  help: ({ window, features, out }) => `${window} whole numbers from 0 to ${features - 1}; the model echoes the first ${out === 1 ? 'one' : out}.`,
  example: ({ window, features }) => Array.from({ length: window }, (_, i) => (11 + 23 * i) % features).join(' '),
  parse(text, { window, features, stateful, bs }) {
    const values = parseNumbers(text, { count: window, min: 0, max: features - 1, integer: true });
    if (!Array.isArray(values)) return values;
    const rows = stateful ? bs : 1;
    const x = new Float32Array(rows * window * features);
    for (let r = 0; r < rows; r++) values.forEach((value, t) => writeOneHot(x, (r * window + t) * features, features, value));
    return { x, xShape: [rows, window, features] };
  },
  async answer(input, { window, features, out }, predict, resetStates) {
    resetStates();
    const output = await predict(input.x, input.xShape);
    const typed = Array.from({ length: window }, (_, t) => argmax(input.x, t * features, features));
    const echoed = Array.from({ length: out }, (_, t) => argmax(output, t * features, features));
    const wrong = echoed.filter((value, t) => value !== typed[t]).length;
    return {
      summary: `Echo: ${echoed.join(' ')} (${wrong === 0 ? 'all right' : `${wrong} of ${out} wrong`})`,
      rows: echoed.map((value, t) => ({ label: `value ${t + 1} (typed ${typed[t]})`, value: String(value) })),
    };
  },
};
