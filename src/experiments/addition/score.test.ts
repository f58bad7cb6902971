import { describe, expect, it } from 'vitest';
import { encodeText, SYMBOLS } from './data';
import { scoreAnswers } from './score';

function encode(...answers: string[]): Float32Array {
  const out = new Float32Array(answers.length * 2 * SYMBOLS);
  answers.forEach((answer, r) => encodeText(answer, out, r * 2 * SYMBOLS));
  return out;
}

describe('scoreAnswers', () => {
  it('counts characters and whole answers; one-hot outputs give a loss of ≈0 or −ln(1e-7)', () => {
    const targets = encode('28', ' 7', '30', '15');
    const outputs = encode('28', '17', '13', '15');
    const scores = scoreAnswers(targets, outputs, 2);
    // Right characters: 2, 1, 0, 2 of 8; right answers: 2 of 4.
    expect(scores.accuracy).toBe(5 / 8);
    expect(scores.answers).toBe(2 / 4);
    // Wrong characters put probability 0 on the target: clipped to 1e-7 as Keras does.
    expect(scores.loss).toBeCloseTo((3 * -Math.log(1e-7) + 5 * -Math.log(1 - 1e-7)) / 8, 6);
  });

  it('a uniform guess scores ln(12) per character', () => {
    const targets = encode('28', '10');
    const outputs = new Float32Array(targets.length).fill(1 / SYMBOLS);
    expect(scoreAnswers(targets, outputs, 2).loss).toBeCloseTo(Math.log(SYMBOLS), 5);
  });
});
