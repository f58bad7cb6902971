import { describe, expect, it } from 'vitest';
import { createRng, createStreams, freshSeed, MAX_SEED, STREAM_NAMES } from './random';

const draw = (n: number, f: () => number) => Array.from({ length: n }, f);

describe('seeded streams', () => {
  it('equal keys give equal streams, other keys other streams', () => {
    const a = createRng('k');
    const b = createRng('k');
    const first = draw(50, a.next);
    expect(draw(50, b.next)).toEqual(first);
    expect(draw(50, createRng('k2').next)).not.toEqual(first);
  });

  it('pins the generator: a change of algorithm would change every saved link', () => {
    const streams = createStreams(1);
    const values = draw(3, streams.data.next);
    expect(values).toEqual([0.31439867755398154, 0.7701672404073179, 0.6600088425911963]);
    expect(streams.init.seed()).toBe(1189690511);
    expect(draw(3, createRng('lstm-playground/1/data').next)).toEqual(values);
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      // 32-bit resolution.
      expect(Number.isInteger(v * 2 ** 32)).toBe(true);
    }
  });

  it('streams of one seed are independent and differ between seeds', () => {
    const s = createStreams(42);
    expect(Object.keys(s)).toEqual([...STREAM_NAMES]);
    const firsts = STREAM_NAMES.map((name) => s[name].next());
    expect(new Set(firsts).size).toBe(STREAM_NAMES.length);
    // Drawing from one stream leaves another as it was.
    const t = createStreams(42);
    draw(100, t.preview.next);
    expect(t.data.next()).toBe(createStreams(42).data.next());
    expect(createStreams(43).data.next()).not.toBe(createStreams(42).data.next());
    // Seed 0 is an ordinary seed here.
    expect(createStreams(0).data.next()).not.toBe(createStreams(1).data.next());
  });

  it('int, intBetween and uniform stay in range and cover it', () => {
    const rng = createRng('ranges');
    const ints = draw(2000, () => rng.int(7));
    expect(new Set(ints)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
    const between = draw(2000, () => rng.intBetween(-2, 2));
    expect(new Set(between)).toEqual(new Set([-2, -1, 0, 1, 2]));
    for (const u of draw(2000, () => rng.uniform(-3, 5))) {
      expect(u).toBeGreaterThanOrEqual(-3);
      expect(u).toBeLessThan(5);
    }
  });

  it('normal has mean ≈ 0 and variance ≈ 1', () => {
    const rng = createRng('normal');
    const xs = draw(20_000, rng.normal);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  it('seed() gives non-zero integers within MAX_SEED (TF.js treats 0 as unseeded)', () => {
    const rng = createRng('seeds');
    for (const s of draw(1000, rng.seed)) {
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(1);
      expect(s).toBeLessThanOrEqual(MAX_SEED);
    }
    expect(freshSeed(123)).toBe(freshSeed(123));
    expect(freshSeed(123)).not.toBe(freshSeed(124));
  });

  it('shuffle is a seeded permutation in place', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const a = createRng('shuffle').shuffle([...items]);
    const b = createRng('shuffle').shuffle([...items]);
    expect(b).toEqual(a);
    expect(a).not.toEqual(items);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    const same = [1, 2, 3];
    expect(createRng('x').shuffle(same)).toBe(same);
  });
});
