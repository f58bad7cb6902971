import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, createStreams } from '../../engine/random';
import { summarize } from '../../engine/summary';
import { buildModel } from '../../engine/tfjs/buildModel';
import { defaultValues } from '../params';
import type { Predict } from '../types';
import { SYMBOLS } from './data';
import { additionExperiment, type AdditionValues } from './experiment';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const defaults: AdditionValues = defaultValues(additionExperiment.params);

/** Answers with the true sum of each question (read back from the one-hot input), optionally breaking the last digit. */
function arithmeticPredict(wrongLastDigit: (row: number) => boolean = () => false): Predict {
  return async (x, xShape) => {
    const [rows = 0, inLength = 0] = xShape;
    const outLength = 2;
    const out = new Float32Array(rows * outLength * SYMBOLS);
    for (let r = 0; r < rows; r++) {
      let question = '';
      for (let c = 0; c < inLength; c++) {
        const row = x.subarray((r * inLength + c) * SYMBOLS, (r * inLength + c + 1) * SYMBOLS);
        question += '0123456789+ '.charAt(row.indexOf(1));
      }
      const sum = question.trim().split('+').reduce((s, n) => s + Number(n), 0);
      const answer = String(sum).padStart(outLength, ' ');
      [...answer].forEach((char, c) => {
        let symbol = '0123456789+ '.indexOf(char);
        if (c === outLength - 1 && wrongLastDigit(r)) symbol = (symbol + 1) % 10;
        // Most mass on the answer, a little on every other symbol.
        out.fill(0.01, (r * outLength + c) * SYMBOLS, (r * outLength + c + 1) * SYMBOLS);
        out[(r * outLength + c) * SYMBOLS + symbol] = 1 - 0.01 * (SYMBOLS - 1);
      });
    }
    return out;
  };
}

describe('addition experiment', () => {
  it('the reference model: 26,400 + 0 + 25,200 + 612 = 52,212 parameters, in the summary and in TF.js', () => {
    const spec = additionExperiment.model(defaults);
    expect(spec.inputShape).toEqual([8, 12]);
    const summary = summarize(spec);
    expect(summary.rows.map((r) => [r.kind, r.params, r.outputShape])).toEqual([
      ['LSTM', 26_400, [null, 75]],
      ['RepeatVector', 0, [null, 2, 75]],
      ['LSTM', 25_200, [null, 2, 50]],
      ['TimeDistributed(Dense)', 612, [null, 2, 12]],
    ]);
    expect(summary.totalParams).toBe(52_212);
    const model = buildModel(spec, createRng('addition'));
    expect(model.countParams()).toBe(52_212);
    model.dispose();
    expect(spec.loss).toBe('categoricalCrossentropy');
    expect(additionExperiment.plan(defaults)).toEqual({ optimizer: { name: 'adam', learningRate: 0.001, clipNorm: 5 }, batchSize: 32, totalSamples: 75_000 });
  });

  it('other knobs change the lengths and the sizes', () => {
    const values = { ...defaults, terms: 4, largest: 100, enc: 10, dec: 20 };
    const spec = additionExperiment.model(values);
    // 4 numbers up to 100: 4·3 + 3 = 15 characters in, ceil(log10(404)) = 3 out.
    expect(spec.inputShape).toEqual([15, 12]);
    const summary = summarize(spec);
    expect(summary.rows.map((r) => r.params)).toEqual([4 * 10 * (12 + 10 + 1), 0, 4 * 20 * (10 + 20 + 1), 21 * 12]);
    expect(summary.rows.at(-1)?.outputShape).toEqual([null, 3, 12]);
    const model = buildModel(spec, createRng('addition-2'));
    expect(model.countParams()).toBe(summary.totalParams);
    model.dispose();
  });

  it('evaluation: per character, whole answers and loss', async () => {
    const perfect = await additionExperiment.evaluate(defaults, arithmeticPredict(), createRng('eval'));
    expect(perfect.metrics.accuracy).toBe(1);
    expect(perfect.metrics.answers).toBe(1);
    // −ln(0.89): every right character got probability 1 − 11·0.01.
    expect(perfect.metrics.loss).toBeCloseTo(-Math.log(0.89), 5);
    // Every other answer has its last digit wrong: half the answers, a quarter of the characters.
    const half = await additionExperiment.evaluate(defaults, arithmeticPredict((r) => r % 2 === 0), createRng('eval'));
    expect(half.metrics.accuracy).toBe(0.75);
    expect(half.metrics.answers).toBe(0.5);
    expect(half.metrics.loss).toBeCloseTo((3 * -Math.log(0.89) - Math.log(0.01)) / 4, 5);
  });

  it('preview: fresh sums, the decoded answers, wrong ones marked', async () => {
    const preview = await additionExperiment.preview(defaults, arithmeticPredict((r) => r === 1), createRng('preview'));
    expect(preview).toMatchObject({ terms: 3, largest: 10, inLength: 8, outLength: 2 });
    expect(preview.rows).toHaveLength(8);
    preview.rows.forEach((row, r) => {
      expect(row.question).toMatch(/^\d+\+\d+\+\d+$/);
      const sum = row.question.split('+').reduce((s, n) => s + Number(n), 0);
      expect(row.expected).toBe(String(sum));
      expect(row.predicted).toHaveLength(2);
      expect(row.correct).toBe(r !== 1);
      if (r !== 1) expect(row.predicted.trim()).toBe(row.expected);
    });
  });

  it('batches: samples in batches of bs, the last one smaller', () => {
    const batches = [...additionExperiment.batches({ ...defaults, samples: 70, bs: 32 }, createStreams(1))];
    expect(batches.map((b) => b.xShape)).toEqual([
      [32, 8, 12],
      [32, 8, 12],
      [6, 8, 12],
    ]);
    expect(batches.map((b) => b.yShape)).toEqual([
      [32, 2, 12],
      [32, 2, 12],
      [6, 2, 12],
    ]);
  });
});
