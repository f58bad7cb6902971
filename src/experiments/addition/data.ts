import type { Rng } from '../../engine/random';
import { argmax, writeOneHot } from '../encoding';
import type { Batch } from '../types';

export interface AdditionProblem {
  /** How many numbers are added. */
  terms: number;
  /** Each number is drawn uniformly from [1, largest]. */
  largest: number;
}

/** The symbols, in one-hot order: '0'–'9' are 0–9, '+' is 10, ' ' (padding) is 11. */
export const ALPHABET = '0123456789+ ';
export const SYMBOLS = ALPHABET.length;

/** Digits of a positive integer, i.e. ceil(log10(n + 1)), computed exactly. */
export function digits(n: number): number {
  return String(Math.trunc(n)).length;
}

/** Characters of the padded input: terms·ceil(log10(largest+1)) + terms − 1 (8 for 3 terms up to 10). */
export function inputLength({ terms, largest }: AdditionProblem): number {
  return terms * digits(largest) + terms - 1;
}

/** Characters of the padded answer: ceil(log10(terms·(largest+1))) (2 for 3 terms up to 10). */
export function outputLength({ terms, largest }: AdditionProblem): number {
  // ceil(log10(m)) of an integer m ≥ 2 is the digit count of m − 1; exact where floating log10 is not.
  return digits(terms * (largest + 1) - 1);
}

/** Left-pads with spaces to `length` characters. */
export function padLeft(text: string, length: number): string {
  return text.padStart(length, ' ');
}

/** The input string of a problem: terms joined with '+', left-padded with spaces. */
export function questionText(numbers: readonly number[], length: number): string {
  return padLeft(numbers.join('+'), length);
}

/** Writes the one-hot code of each character of `text` from `offset`, one row of SYMBOLS per character. */
export function encodeText(text: string, target: Float32Array, offset: number): void {
  for (let i = 0; i < text.length; i++) {
    const symbol = ALPHABET.indexOf(text.charAt(i));
    if (symbol < 0) throw new Error(`"${text.charAt(i)}" is not in the alphabet`);
    writeOneHot(target, offset + i * SYMBOLS, SYMBOLS, symbol);
  }
}

/** The string read from `length` rows of SYMBOLS scores (one-hot codes or softmax outputs) from `offset`: the best symbol of each row. */
export function decodeText(values: ArrayLike<number>, offset: number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += ALPHABET.charAt(argmax(values, offset + i * SYMBOLS, SYMBOLS));
  return text;
}

export interface AdditionBatch extends Batch {
  /** The numbers of each problem. */
  numbers: number[][];
  /** The padded input strings. */
  questions: string[];
  /** The padded answer strings. */
  answers: string[];
}

/**
 * `rows` problems of `terms` numbers in [1, largest]: x is the padded question,
 * one-hot, as [rows, inputLength, 12]; y the padded sum, one-hot, as
 * [rows, outputLength, 12].
 */
export function additionBatch(problem: AdditionProblem, rng: Rng, rows: number): AdditionBatch {
  const inLength = inputLength(problem);
  const outLength = outputLength(problem);
  const x = new Float32Array(rows * inLength * SYMBOLS);
  const y = new Float32Array(rows * outLength * SYMBOLS);
  const numbers: number[][] = [];
  const questions: string[] = [];
  const answers: string[] = [];
  for (let r = 0; r < rows; r++) {
    const terms = Array.from({ length: problem.terms }, () => rng.intBetween(1, problem.largest));
    const question = questionText(terms, inLength);
    const answer = padLeft(String(terms.reduce((sum, n) => sum + n, 0)), outLength);
    encodeText(question, x, r * inLength * SYMBOLS);
    encodeText(answer, y, r * outLength * SYMBOLS);
    numbers.push(terms);
    questions.push(question);
    answers.push(answer);
  }
  return { x, xShape: [rows, inLength, SYMBOLS], y, yShape: [rows, outLength, SYMBOLS], numbers, questions, answers };
}
