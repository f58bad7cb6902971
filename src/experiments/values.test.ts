import { describe, expect, it } from 'vitest';
import { echoExperiment } from './echo/experiment';
import { checkValue, defaultValues, formatValue, isValidValue, type BoolParam, type ChoiceParam, type IntParam, type NumberParam } from './params';
import { changedValues, resolveRawValues, resolveValues } from './values';

const int: IntParam = { kind: 'int', label: 'N', help: '', section: 'model', default: 5, min: 1, max: 10 };
const num: NumberParam = { kind: 'number', label: 'X', help: '', section: 'training', default: 0.5, min: 0, max: 1 };
const choice: ChoiceParam = { kind: 'choice', label: 'C', help: '', section: 'training', default: 'a', options: [{ value: 'a', label: 'A' }, { value: 'Bb', label: 'B' }] };
const bool: BoolParam = { kind: 'bool', label: 'B', help: '', section: 'model', default: false };

describe('checkValue', () => {
  it('numbers: reads, clamps with a note, refuses text', () => {
    expect(checkValue(int, ' 7 ')).toEqual({ ok: true, value: 7 });
    expect(checkValue(int, '0')).toEqual({ ok: true, value: 1, note: 'raised to the minimum 1' });
    expect(checkValue(int, '99')).toEqual({ ok: true, value: 10, note: 'lowered to the maximum 10' });
    expect(checkValue(int, '2.5')).toEqual({ ok: false, message: '"2.5" is not a whole number' });
    expect(checkValue(num, '2.5')).toEqual({ ok: true, value: 1, note: 'lowered to the maximum 1' });
    expect(checkValue(num, '1e-3')).toEqual({ ok: true, value: 0.001 });
    expect(checkValue(num, 'NaN')).toEqual({ ok: false, message: '"NaN" is not a number' });
    expect(checkValue(num, '')).toEqual({ ok: false, message: 'enter a number' });
  });

  it('choices match case-insensitively and return the canonical value', () => {
    expect(checkValue(choice, 'bb')).toEqual({ ok: true, value: 'Bb' });
    expect(checkValue(choice, 'c')).toEqual({ ok: false, message: '"c" is not one of a, Bb' });
  });

  it('booleans accept the usual words', () => {
    for (const t of ['1', 'true', 'YES', 'on']) expect(checkValue(bool, t)).toEqual({ ok: true, value: true });
    for (const f of ['0', 'false', 'No', 'off']) expect(checkValue(bool, f)).toEqual({ ok: true, value: false });
    expect(checkValue(bool, 'maybe').ok).toBe(false);
  });

  it('clips long user text in messages', () => {
    const result = checkValue(num, 'x'.repeat(100));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe(`"${'x'.repeat(40)}…" is not a number`);
  });
});

describe('isValidValue and formatValue', () => {
  it('checks type and range', () => {
    expect(isValidValue(int, 5)).toBe(true);
    expect(isValidValue(int, 5.5)).toBe(false);
    expect(isValidValue(int, 11)).toBe(false);
    expect(isValidValue(int, '5')).toBe(false);
    expect(isValidValue(num, Number.NaN)).toBe(false);
    expect(isValidValue(num, 0)).toBe(true);
    expect(isValidValue(choice, 'bb')).toBe(false);
    expect(isValidValue(choice, 'Bb')).toBe(true);
    expect(isValidValue(bool, 0)).toBe(false);
    expect(isValidValue(bool, true)).toBe(true);
  });

  it('formats canonically', () => {
    expect(formatValue(true)).toBe('1');
    expect(formatValue(false)).toBe('0');
    expect(formatValue(0.001)).toBe('0.001');
    expect(formatValue('adam')).toBe('adam');
  });
});

describe('resolving values for echo', () => {
  const defaults = defaultValues(echoExperiment.params);

  it('raw text: unknown dropped, bad refused, out of range clamped, constraint applied', () => {
    const raw = new Map([
      ['units', '600'],
      ['length', 'x'],
      ['outIndex', '7'],
      ['hasOwnProperty', '1'],
    ]);
    const { values, warnings } = resolveRawValues(echoExperiment, raw);
    expect(values).toEqual({ ...defaults, units: 512, outIndex: 4 });
    expect(warnings).toEqual([
      'LSTM units: 600 lowered to the maximum 512.',
      'Sequence length: "x" is not a number; using the default 5.',
      'Ignored unknown setting "hasOwnProperty".',
      'Echoed position 7 is outside a sequence of 5; using 4.',
    ]);
  });

  it('typed values: invalid ones replaced by defaults, extra keys ignored', () => {
    const { values, warnings } = resolveValues(echoExperiment, { units: 2.5, bs: 8, opt: 'nadam', extra: 1 });
    expect(values).toEqual({ ...defaults, bs: 8 });
    expect(warnings).toEqual(['LSTM units: invalid value; using the default 25.', 'Optimizer: invalid value; using the default adam.']);
  });

  it('momentum is shown only with SGD', () => {
    const mom: { relevant?: (values: Record<string, number | string | boolean>) => boolean } = echoExperiment.params.mom;
    expect(mom.relevant?.({ ...defaults, opt: 'sgd' })).toBe(true);
    expect(mom.relevant?.({ ...defaults, opt: 'adam' })).toBe(false);
    expect('relevant' in echoExperiment.params.lr).toBe(false);
  });

  it('changedValues keeps only what differs from the defaults', () => {
    expect(changedValues(echoExperiment, { ...defaults, units: 30, lr: 0.001 })).toEqual({ units: 30 });
    expect(changedValues(echoExperiment, defaults)).toEqual({});
  });
});
