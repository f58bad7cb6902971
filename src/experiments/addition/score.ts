import { argmax } from '../encoding';
import { SYMBOLS } from './data';

/** Keras clips probabilities to [ε, 1 − ε] before taking the log. */
const EPSILON = 1e-7;

export interface AnswerScores {
  /** Characters whose most likely symbol is the right one, over all characters. */
  accuracy: number;
  /** Answers with every character right. */
  answers: number;
  /** Categorical cross-entropy, averaged over characters (as Keras reports it). */
  loss: number;
}

/**
 * Scores predicted answers against one-hot targets, both laid out as
 * [rows, outLength, SYMBOLS].
 */
export function scoreAnswers(targets: Float32Array, outputs: ArrayLike<number>, outLength: number): AnswerScores {
  const rows = targets.length / (outLength * SYMBOLS);
  let charsRight = 0;
  let answersRight = 0;
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    let allRight = true;
    for (let c = 0; c < outLength; c++) {
      const offset = (r * outLength + c) * SYMBOLS;
      const target = argmax(targets, offset, SYMBOLS);
      const p = outputs[offset + target] ?? 0;
      loss -= Math.log(Math.min(1 - EPSILON, Math.max(EPSILON, p)));
      if (argmax(outputs, offset, SYMBOLS) === target) charsRight++;
      else allRight = false;
    }
    if (allRight) answersRight++;
  }
  const chars = rows * outLength;
  return { accuracy: charsRight / chars, answers: answersRight / rows, loss: loss / chars };
}
