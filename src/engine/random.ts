/**
 * Seeded pseudo-random streams. One user seed feeds several independent
 * streams (data, weight initialisation, shuffling, previews, evaluation) so
 * that, for example, drawing an extra preview never changes the training data.
 * Nothing in an experiment may use Math.random.
 */

/** A stream of uniform floats in [0, 1) with helpers. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [lo, hi] (both inclusive). */
  intBetween(lo: number, hi: number): number;
  /** Uniform float in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** A fresh non-zero 31-bit integer, for seeding TF.js initializers (0 means "unseeded" there). */
  seed(): number;
  /** Fisher–Yates shuffle in place; returns the array. */
  shuffle<T>(items: T[]): T[];
}

/**
 * 'preview' feeds the live previews, as many as the page asks for while a run trains (a matter of
 * timing); 'result' feeds the one preview shown when the run has ended, so a shared link shows the
 * same examples whatever the pace of the machine that opens it.
 */
export const STREAM_NAMES = ['data', 'init', 'shuffle', 'preview', 'evaluation', 'validation', 'snapshot', 'result'] as const;
export type StreamName = (typeof STREAM_NAMES)[number];
export type Streams = Record<StreamName, Rng>;

/** Largest seed a user may type; keeps seeds exact in URLs and JSON. */
export const MAX_SEED = 2_147_483_647;

/** cyrb128: hashes a string to four 32-bit words (public-domain hash by bryc). */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32: a small, fast generator with a 128-bit state that passes PractRand. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A stream for a given key; equal keys give equal streams. */
export function createRng(key: string): Rng {
  const [a, b, c, d] = cyrb128(key);
  const next = sfc32(a, b, c, d);
  // Discard the first outputs: sfc32 mixes its state over its first few draws.
  for (let i = 0; i < 12; i++) next();
  let spareNormal: number | null = null;
  const rng: Rng = {
    next,
    int: (n) => Math.floor(next() * n),
    intBetween: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal: () => {
      if (spareNormal !== null) {
        const value = spareNormal;
        spareNormal = null;
        return value;
      }
      let u = next();
      while (u <= Number.EPSILON) u = next();
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spareNormal = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
    seed: () => 1 + Math.floor(next() * (MAX_SEED - 1)),
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = items[i] as (typeof items)[number];
        items[i] = items[j] as (typeof items)[number];
        items[j] = tmp;
      }
      return items;
    },
  };
  return rng;
}

/** The independent named streams of one run. */
export function createStreams(seed: number): Streams {
  const streams = {} as Streams;
  for (const name of STREAM_NAMES) streams[name] = createRng(`lstm-playground/${seed}/${name}`);
  return streams;
}

/** A new seed for the "new seed" button: not part of any experiment's data. */
export function freshSeed(entropy: number = Date.now()): number {
  return createRng(`fresh/${entropy}`).seed();
}
