import { describe, expect, it } from 'vitest';
import { argmax } from '../encoding';
import { epochBatches, PAIRS, sequenceInputs } from './data';

describe('memory demo data', () => {
  it('cuts both sequences into the 8 one-step pairs, with the conflicting 2→3 and 2→4 last', () => {
    expect(PAIRS.map((p) => `${p.x}→${p.y}`)).toEqual(['3→0', '0→1', '1→2', '2→3', '4→0', '0→1', '1→2', '2→4']);
  });

  it('stateful: one pair per batch, the state reset after the last step of each sequence, the epoch ending with the 8th', () => {
    const batches = epochBatches('stateful');
    expect(batches).toHaveLength(8);
    expect(batches.map((b) => b.xShape)).toEqual(Array(8).fill([1, 1, 5]));
    expect(batches.map((b) => b.resetStatesAfter)).toEqual([false, false, false, true, false, false, false, true]);
    expect(batches.map((b) => b.epochEnd)).toEqual([false, false, false, false, false, false, false, true]);
    expect(batches.map((b) => `${argmax(b.x)}→${argmax(b.y)}`)).toEqual(PAIRS.map((p) => `${p.x}→${p.y}`));
  });

  it('stateless: the same pairs, never a reset (there is no state to keep)', () => {
    expect(epochBatches('stateless').some((b) => b.resetStatesAfter)).toBe(false);
  });

  it('sequence: one batch per sequence of 4 steps, counted as 4 samples', () => {
    const batches = epochBatches('sequence');
    expect(batches.map((b) => [b.xShape, b.yShape, b.samples])).toEqual([
      [[1, 4, 5], [1, 4, 5], 4],
      [[1, 4, 5], [1, 4, 5], 4],
    ]);
    const second = batches[1];
    expect([0, 1, 2, 3].map((t) => argmax(second?.x ?? [], t * 5, 5))).toEqual([4, 0, 1, 2]);
    expect([0, 1, 2, 3].map((t) => argmax(second?.y ?? [], t * 5, 5))).toEqual([0, 1, 2, 4]);
  });

  it('prediction inputs: step by step, or the whole sequence at once', () => {
    expect(sequenceInputs('stateful', 0).map((b) => argmax(b.x))).toEqual([3, 0, 1, 2]);
    expect(sequenceInputs('sequence', 1).map((b) => b.xShape)).toEqual([[1, 4, 5]]);
  });
});
