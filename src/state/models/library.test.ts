import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openModelLibrary } from './library';

describe('model library', () => {
  it('adds, lists newest first, reads the files back, and deletes', async () => {
    const library = await openModelLibrary();
    const summary = { name: 'first', experimentId: 'echo', savedAt: 1000, metrics: { accuracy: 0.9 }, values: { units: 5 }, seed: 3, samplesSeen: 100 };
    const weights = Float32Array.from([1, 2, 3]).buffer;
    const a = await library.add(summary, { modelJson: '{"a":1}', weights });
    const b = await library.add({ ...summary, name: 'second', savedAt: 2000 }, { modelJson: '{"b":2}', weights: new ArrayBuffer(8) });
    expect(b).toBe(a + 1);
    expect((await library.list()).map((m) => m.name)).toEqual(['second', 'first']);
    const files = await library.files(a);
    expect(files?.modelJson).toBe('{"a":1}');
    expect(Array.from(new Float32Array(files?.weights ?? new ArrayBuffer(0)))).toEqual([1, 2, 3]);
    await library.delete(a);
    expect((await library.list()).map((m) => m.name)).toEqual(['second']);
    expect(await library.files(a)).toBeNull();
    library.close();
  });
});
