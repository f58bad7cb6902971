import { argmax, writeOneHot } from '../encoding';
import { formatPercent, parseNumbers } from '../predictorText';
import type { Predictor } from '../types';
import { STEPS, SYMBOLS, type MemoryMode } from './data';

/**
 * Type 4 values from 0 to 4; the model answers the next value after each, reading them as it was
 * trained: step by step with its state carried (stateful), each alone (stateless), or all at once.
 */
export const memoryPredictor: Predictor<{ mode: MemoryMode }> = {
  label: 'Sequence',
  help: () => `${STEPS} whole numbers from 0 to ${SYMBOLS - 1}; the model answers the next value after each (trained on 3 0 1 2 → 3 and 4 0 1 2 → 4).`,
  example: () => '4 0 1 2',
  parse(text, { mode }) {
    const values = parseNumbers(text, { count: STEPS, min: 0, max: SYMBOLS - 1, integer: true });
    if (!Array.isArray(values)) return values;
    const x = new Float32Array(STEPS * SYMBOLS);
    values.forEach((value, t) => writeOneHot(x, t * SYMBOLS, SYMBOLS, value));
    return { x, xShape: mode === 'sequence' ? [1, STEPS, SYMBOLS] : [STEPS, 1, SYMBOLS] };
  },
  async answer(input, { mode }, predict, resetStates) {
    let outputs: Float32Array;
    if (mode === 'sequence') {
      outputs = await predict(input.x, input.xShape);
    } else {
      // One step at a time from zero state: a stateful model carries its state from step to step.
      resetStates();
      outputs = new Float32Array(STEPS * SYMBOLS);
      for (let t = 0; t < STEPS; t++) outputs.set(await predict(input.x.slice(t * SYMBOLS, (t + 1) * SYMBOLS), [1, 1, SYMBOLS]), t * SYMBOLS);
    }
    const seen = Array.from({ length: STEPS }, (_, t) => argmax(input.x, t * SYMBOLS, SYMBOLS));
    const next = Array.from({ length: STEPS }, (_, t) => argmax(outputs, t * SYMBOLS, SYMBOLS));
    return {
      summary: `Next values: ${next.join(' ')} (after ${seen.join(' ')})`,
      rows: next.map((value, t) => ({ label: `after ${seen[t]} (step ${t + 1})`, value: `${value} (${formatPercent(outputs[t * SYMBOLS + value] ?? 0)})` })),
    };
  },
};
