import { describe, expect, it } from 'vitest';
import { createStreams, type Rng } from '../../engine/random';
import { rowsOf } from '../encoding';
import { ALPHABET, additionBatch, decodeText, digits, encodeText, inputLength, outputLength, questionText, SYMBOLS } from './data';

/** An Rng whose intBetween() returns a fixed sequence (checking the bounds); everything else is off limits. */
function scriptedRng(values: readonly number[]): Rng & { calls: [number, number][] } {
  let i = 0;
  const calls: [number, number][] = [];
  const refuse = (): never => {
    throw new Error('only intBetween() is expected');
  };
  return {
    calls,
    intBetween(lo: number, hi: number): number {
      calls.push([lo, hi]);
      const value = values[i++];
      if (value === undefined) throw new Error('script exhausted');
      if (value < lo || value > hi) throw new Error(`scripted ${value} outside [${lo}, ${hi}]`);
      return value;
    },
    next: refuse,
    int: refuse,
    uniform: refuse,
    normal: refuse,
    seed: refuse,
    shuffle: refuse,
  };
}

/** The one-hot row of a character: 12 numbers with a 1 at the character's place in ALPHABET. */
function oneHot(char: string): number[] {
  const row = new Array<number>(SYMBOLS).fill(0);
  row[ALPHABET.indexOf(char)] = 1;
  return row;
}

describe('padded lengths', () => {
  it('the defaults: 3 numbers up to 10 give 8 input and 2 output characters', () => {
    expect(inputLength({ terms: 3, largest: 10 })).toBe(8);
    expect(outputLength({ terms: 3, largest: 10 })).toBe(2);
  });

  it('other settings, by hand', () => {
    // 2 numbers up to 9: "9+9" is 3 characters; ceil(log10(20)) = 2.
    expect([inputLength({ terms: 2, largest: 9 }), outputLength({ terms: 2, largest: 9 })]).toEqual([3, 2]);
    // 2 numbers up to 99: "99+99" is 5; ceil(log10(200)) = 3.
    expect([inputLength({ terms: 2, largest: 99 }), outputLength({ terms: 2, largest: 99 })]).toEqual([5, 3]);
    // 4 numbers up to 10: 4·2 + 3 = 11; ceil(log10(44)) = 2.
    expect([inputLength({ terms: 4, largest: 10 }), outputLength({ terms: 4, largest: 10 })]).toEqual([11, 2]);
    // 10 numbers up to 9999: 10·4 + 9 = 49; ceil(log10(100000)) = 5 (floating log10 is exact here only by luck).
    expect([inputLength({ terms: 10, largest: 9999 }), outputLength({ terms: 10, largest: 9999 })]).toEqual([49, 5]);
  });

  it('match the reference formulas, and always fit the longest question and answer', () => {
    for (let terms = 2; terms <= 10; terms++) {
      for (const largest of [2, 5, 9, 10, 11, 33, 99, 100, 101, 999, 1000, 4321, 9999]) {
        const problem = { terms, largest };
        expect(inputLength(problem)).toBe(terms * Math.ceil(Math.log10(largest + 1)) + terms - 1);
        expect(outputLength(problem)).toBe(Math.ceil(Math.log10(terms * (largest + 1))));
        expect(inputLength(problem)).toBeGreaterThanOrEqual(new Array<number>(terms).fill(largest).join('+').length);
        expect(outputLength(problem)).toBeGreaterThanOrEqual(String(terms * largest).length);
      }
    }
    expect(digits(1)).toBe(1);
    expect(digits(10)).toBe(2);
    expect(digits(9999)).toBe(4);
  });
});

describe('encoding', () => {
  it('questions are joined with "+" and left-padded with spaces', () => {
    expect(questionText([9, 10, 9], 8)).toBe('  9+10+9');
    expect(questionText([10, 10, 10], 8)).toBe('10+10+10');
    expect(questionText([1, 2, 3], 8)).toBe('   1+2+3');
  });

  it('one row of 12 per character, "0"–"9" then "+" then space', () => {
    const target = new Float32Array(3 * SYMBOLS);
    encodeText(' +7', target, 0);
    // prettier-ignore
    expect(Array.from(target)).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, // ' '
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, // '+'
      0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, // '7'
    ]);
    expect(() => encodeText('1-2', new Float32Array(3 * SYMBOLS), 0)).toThrow(/"-" is not in the alphabet/);
  });

  it('decoding takes the most likely symbol of each character', () => {
    const target = new Float32Array(8 * SYMBOLS);
    encodeText('  9+10+9', target, 0);
    expect(decodeText(target, 0, 8)).toBe('  9+10+9');
    expect(decodeText(target, 2 * SYMBOLS, 3)).toBe('9+1');
    // Softmax-like scores: '2' (0.5) beats ' ' (0.3), then '8' (0.9).
    const scores = new Float32Array(2 * SYMBOLS).fill(0.01);
    scores[2] = 0.5;
    scores[11] = 0.3;
    scores[SYMBOLS + 8] = 0.9;
    expect(decodeText(scores, 0, 2)).toBe('28');
  });
});

describe('additionBatch on hand-checked cases', () => {
  it('3 numbers up to 10: "  9+10+9" → "28" and "10+10+10" → "30"', () => {
    const rng = scriptedRng([9, 10, 9, 10, 10, 10]);
    const batch = additionBatch({ terms: 3, largest: 10 }, rng, 2);
    expect(rng.calls).toEqual(new Array(6).fill([1, 10]));
    expect(batch.numbers).toEqual([
      [9, 10, 9],
      [10, 10, 10],
    ]);
    expect(batch.questions).toEqual(['  9+10+9', '10+10+10']);
    expect(batch.answers).toEqual(['28', '30']);
    expect(batch.xShape).toEqual([2, 8, 12]);
    expect(batch.yShape).toEqual([2, 2, 12]);
    expect(rowsOf(batch.x, SYMBOLS)).toEqual([...'  9+10+910+10+10'].map(oneHot));
    expect(rowsOf(batch.y, SYMBOLS)).toEqual([...'2830'].map(oneHot));
  });

  it('2 numbers up to 9: "3+4" → " 7", the answer padded on the left', () => {
    const batch = additionBatch({ terms: 2, largest: 9 }, scriptedRng([3, 4]), 1);
    expect(batch.questions).toEqual(['3+4']);
    expect(batch.answers).toEqual([' 7']);
    // prettier-ignore
    expect(Array.from(batch.x)).toEqual([
      0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, // '3'
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, // '+'
      0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, // '4'
    ]);
    // prettier-ignore
    expect(Array.from(batch.y)).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, // ' '
      0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, // '7'
    ]);
  });
});

describe('additionBatch on seeded streams', () => {
  const problem = { terms: 3, largest: 10 };

  it('the same seed gives the same batch, another seed another batch', () => {
    const a = additionBatch(problem, createStreams(7).data, 32);
    const b = additionBatch(problem, createStreams(7).data, 32);
    const c = additionBatch(problem, createStreams(8).data, 32);
    expect(b.x).toEqual(a.x);
    expect(b.y).toEqual(a.y);
    expect(c.numbers).not.toEqual(a.numbers);
  });

  it('numbers in [1, largest], answers are the sums, x and y encode the strings', () => {
    for (const p of [problem, { terms: 2, largest: 99 }, { terms: 5, largest: 3 }]) {
      const batch = additionBatch(p, createStreams(3).data, 100);
      const inLength = inputLength(p);
      const outLength = outputLength(p);
      const seen = new Set<number>();
      batch.numbers.forEach((numbers, r) => {
        expect(numbers).toHaveLength(p.terms);
        numbers.forEach((n) => {
          expect(Number.isInteger(n) && n >= 1 && n <= p.largest).toBe(true);
          seen.add(n);
        });
        const question = batch.questions[r] ?? '';
        const answer = batch.answers[r] ?? '';
        expect(question).toHaveLength(inLength);
        expect(question.trimStart()).toBe(numbers.join('+'));
        expect(answer).toHaveLength(outLength);
        expect(Number(answer)).toBe(numbers.reduce((s, n) => s + n, 0));
        expect(decodeText(batch.x, r * inLength * SYMBOLS, inLength)).toBe(question);
        expect(decodeText(batch.y, r * outLength * SYMBOLS, outLength)).toBe(answer);
      });
      for (const row of [...rowsOf(batch.x, SYMBOLS), ...rowsOf(batch.y, SYMBOLS)]) {
        expect(row.filter((v) => v === 1)).toHaveLength(1);
        expect(row.filter((v) => v === 0)).toHaveLength(SYMBOLS - 1);
      }
      if (p.largest <= 10) expect(seen.size).toBe(p.largest);
    }
  });
});
