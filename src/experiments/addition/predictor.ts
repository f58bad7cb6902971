import { clip } from '../params';
import type { Predictor } from '../types';
import { ALPHABET, decodeText, encodeText, inputLength, outputLength, padLeft, SYMBOLS, type AdditionProblem } from './data';

/** Type a sum such as "12+7"; the model writes its answer as text. */
export const additionPredictor: Predictor<AdditionProblem> = {
  label: 'Question',
  help: (problem) => `Numbers joined with "+", at most ${inputLength(problem)} characters (trained on ${problem.terms} numbers from 1 to ${problem.largest}).`,
  example: (problem) => Array.from({ length: problem.terms }, (_, i) => Math.min(problem.largest, 3 + 4 * i)).join('+'),
  parse(text, problem) {
    const question = text.replace(/\s+/g, '');
    const length = inputLength(problem);
    if (question === '') return { error: 'Type a sum, e.g. 12+7.' };
    const stray = [...question].find((c) => !ALPHABET.includes(c));
    if (stray !== undefined) return { error: `"${clip(stray, 5)}" is not a digit or "+".` };
    if (!/^\d+(\+\d+)*$/.test(question)) return { error: `"${clip(question)}" is not a sum of numbers such as 12+7.` };
    if (question.length > length) return { error: `"${clip(question)}" has ${question.length} characters; the model reads at most ${length}.` };
    const x = new Float32Array(length * SYMBOLS);
    encodeText(padLeft(question, length), x, 0);
    return { x, xShape: [1, length, SYMBOLS] };
  },
  async answer(input, problem, predict) {
    const output = await predict(input.x, input.xShape);
    const answer = decodeText(output, 0, outputLength(problem)).trim();
    const question = decodeText(input.x, 0, inputLength(problem)).trim();
    const sum = question.split('+').reduce((total, n) => total + Number(n), 0);
    const right = answer === String(sum);
    return {
      summary: `${question} = ${answer === '' ? '(blank)' : answer}${right ? ' (right)' : ` (expect ${sum})`}`,
      rows: [
        { label: 'predicted', value: answer },
        { label: 'true sum', value: String(sum) },
      ],
    };
  },
};
