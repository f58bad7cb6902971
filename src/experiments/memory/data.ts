/**
 * The memory demonstration: two sequences that agree except for their first
 * and last value. Cut into one-step pairs (x → next x), the pairs 2→3 and
 * 2→4 conflict: only a memory of the first value tells them apart.
 */
import { writeOneHot } from '../encoding';
import type { Batch } from '../types';

export const SEQUENCES = [
  [3, 0, 1, 2, 3],
  [4, 0, 1, 2, 4],
] as const;

/** The alphabet 0–4, one-hot. */
export const SYMBOLS = 5;
/** One-step pairs per sequence. */
export const STEPS = 4;

/**
 * How the network is trained on the pairs:
 * - stateful: one pair per batch, the state carried from pair to pair and reset after each sequence (the reference);
 * - sequence: one whole sequence per batch, so the gradient flows back through all 4 steps;
 * - stateless: one pair per batch, the state zeroed every time: no memory at all.
 */
export type MemoryMode = 'stateful' | 'sequence' | 'stateless';

export interface Pair {
  sequence: number;
  step: number;
  x: number;
  y: number;
}

/** The 8 pairs in training order: sequence 1 step by step, then sequence 2. */
export const PAIRS: readonly Pair[] = SEQUENCES.flatMap((sequence, s) =>
  sequence.slice(0, STEPS).map((x, step) => ({ sequence: s, step, x, y: sequence[step + 1] ?? 0 })),
);

function encode(pairs: readonly Pair[], timesteps: number): Batch {
  const rows = pairs.length / timesteps;
  const x = new Float32Array(pairs.length * SYMBOLS);
  const y = new Float32Array(pairs.length * SYMBOLS);
  pairs.forEach((pair, i) => {
    writeOneHot(x, i * SYMBOLS, SYMBOLS, pair.x);
    writeOneHot(y, i * SYMBOLS, SYMBOLS, pair.y);
  });
  return timesteps === 1
    ? { x, xShape: [rows, 1, SYMBOLS], y, yShape: [rows, SYMBOLS] }
    : { x, xShape: [rows, timesteps, SYMBOLS], y, yShape: [rows, timesteps, SYMBOLS] };
}

/** One epoch of batches, in order (no shuffling: the order is the lesson). */
export function epochBatches(mode: MemoryMode): Batch[] {
  if (mode === 'sequence') {
    return SEQUENCES.map((_, s) => ({
      ...encode(PAIRS.filter((p) => p.sequence === s), STEPS),
      samples: STEPS,
      epochEnd: s === SEQUENCES.length - 1,
    }));
  }
  return PAIRS.map((pair, i) => ({
    ...encode([pair], 1),
    resetStatesAfter: mode === 'stateful' && pair.step === STEPS - 1,
    epochEnd: i === PAIRS.length - 1,
  }));
}

/** The inputs of one sequence as the model of a mode reads them when predicting. */
export function sequenceInputs(mode: MemoryMode, sequence: number): Batch[] {
  const pairs = PAIRS.filter((p) => p.sequence === sequence);
  return mode === 'sequence' ? [encode(pairs, STEPS)] : pairs.map((pair) => encode([pair], 1));
}
