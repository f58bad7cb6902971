import { describe, expect, it } from 'vitest';
import { outputShape } from '../engine/summary';
import { defaultValues } from './params';
import { EXPERIMENTS, findExperiment } from './registry';
import type { AnyExperiment, AnyParamValues, Predict, PredictorInput } from './types';
import { resolveValues } from './values';

const withPredictor = EXPERIMENTS.filter((e) => e.predictor);

/** A model that answers `fill` for every output, and records its inputs. */
function fakeModel(experiment: AnyExperiment, values: AnyParamValues, fill = 0.25) {
  const width = outputShape(experiment.model(values)).reduce((a, b) => a * b, 1);
  const calls: number[][] = [];
  const predict: Predict = async (_x, xShape) => {
    calls.push(xShape);
    return new Float32Array((xShape[0] ?? 1) * width).fill(fill);
  };
  return { predict, calls };
}

const isInput = (value: PredictorInput | { error: string }): value is PredictorInput => 'x' in value;

describe('predictors', () => {
  it('exist for every experiment', () => {
    expect(EXPERIMENTS.filter((e) => !e.predictor).map((e) => e.id)).toEqual([]);
  });

  for (const experiment of withPredictor) {
    const predictor = experiment.predictor;
    if (!predictor) continue;
    it(`${experiment.id}: the example parses to the model's input shape and gets an answer in words`, async () => {
      // A small series for the real-data experiment (the page fetches its bundled file).
      const csv = `date,value\n${Array.from({ length: 30 }, (_, i) => `${i + 1},${100 + 10 * Math.sin(i)}`).join('\n')}`;
      const { values } = resolveValues(experiment, { ...defaultValues(experiment.params), size: 8, ...(experiment.id === 'timeseries' ? { csv } : {}) });
      const input = predictor.parse(predictor.example(values), values);
      if (!isInput(input)) throw new Error(input.error);
      expect(input.xShape.slice(1)).toEqual([...experiment.model(values).inputShape]);
      expect(input.x.length).toBe(input.xShape.reduce((a, b) => a * b, 1));
      const { predict, calls } = fakeModel(experiment, values);
      const answer = await predictor.answer(input, values, predict, () => {});
      expect(answer.summary.length).toBeGreaterThan(5);
      expect(calls.length).toBeGreaterThan(0);
    });

    it(`${experiment.id}: bad input is refused with a message, never thrown`, () => {
      const { values } = resolveValues(experiment, defaultValues(experiment.params));
      for (const text of ['', 'abc', '1e999', '<script>alert(1)</script>', '-5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5 -5']) {
        const result = predictor.parse(text, values);
        if (experiment.id === 'signals' || experiment.id === 'sine' || experiment.id === 'timeseries') {
          if (text.startsWith('-5')) continue; // any numbers are a valid window if the count fits
        }
        expect(isInput(result), `${experiment.id} "${text}"`).toBe(false);
        if (!isInput(result)) expect(result.error.length).toBeGreaterThan(5);
      }
    });
  }

  it('echo decodes the echoed value and its probability', async () => {
    const echo = findExperiment('echo');
    const predictor = echo?.predictor;
    if (!echo || !predictor) throw new Error('no echo predictor');
    const { values } = resolveValues(echo, defaultValues(echo.params));
    const input = predictor.parse('1 2 3 4 5', values);
    if (!isInput(input)) throw new Error(input.error);
    const probabilities = Float32Array.from([0, 0, 0, 0.9, 0.1, 0, 0, 0, 0, 0]);
    const answer = await predictor.answer(input, values, async () => probabilities, () => {});
    expect(answer.summary).toBe('Echoed value: 3 (90.0%); position 2 holds 3, so the answer is right.');
    expect(predictor.parse('1 2 3 4', values)).toEqual({ error: 'Type exactly 5 values; that was 4.' });
    expect(predictor.parse('1 2 3 4 10', values)).toMatchObject({ error: expect.stringMatching(/10 is above 9/) });
  });

  it('addition reads "12+7" and decodes the written answer', async () => {
    const addition = findExperiment('addition');
    const predictor = addition?.predictor;
    if (!addition || !predictor) throw new Error('no addition predictor');
    const { values } = resolveValues(addition, defaultValues(addition.params));
    const input = predictor.parse('12+7', values);
    if (!isInput(input)) throw new Error(input.error);
    // One-hot "19": '1' then '9' over the 12 symbols.
    const output = new Float32Array(24);
    output[1] = 1;
    output[12 + 9] = 1;
    expect((await predictor.answer(input, values, async () => output, () => {})).summary).toBe('12+7 = 19 (right)');
    expect(predictor.parse('12+', values)).toMatchObject({ error: expect.stringMatching(/not a sum/) });
    expect(predictor.parse('123456789+1', values)).toMatchObject({ error: expect.stringMatching(/at most 8/) });
  });

  it('rectangles feeds each predicted corner back and returns the drawn shape', async () => {
    const rectangles = findExperiment('rectangles');
    const predictor = rectangles?.predictor;
    if (!rectangles || !predictor) throw new Error('no rectangles predictor');
    const values = defaultValues(rectangles.params);
    const input = predictor.parse('0, 0', values);
    if (!isInput(input)) throw new Error(input.error);
    const seen: number[][] = [];
    const answer = await predictor.answer(input, values, async (x) => {
      seen.push(Array.from(x));
      return Float32Array.from([(x[0] ?? 0) + 1, (x[1] ?? 0) + 2]);
    }, () => {});
    expect(seen).toEqual([[0, 0], [1, 2], [2, 4]]);
    expect(answer.polygon).toEqual([{ x: 0, y: 0 }, { x: 1, y: 2 }, { x: 2, y: 4 }, { x: 3, y: 6 }]);
  });
});
