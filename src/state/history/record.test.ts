import { describe, expect, it } from 'vitest';
import { checkCurves, checkRun } from './record';
import { sampleCurves, sampleRun } from './testRuns';

const good = { ...sampleRun({ id: 3 }), schema: 1 };

describe('checkRun', () => {
  it('accepts a run as the page stores it, NaN losses of a diverged run included', () => {
    expect(checkRun(good)).toEqual({ ok: true, value: good });
    const diverged = { ...good, status: 'diverged', finalValues: [{ name: 'loss', value: Number.NaN }], metrics: [], message: 'The loss became NaN.' };
    expect(checkRun(diverged).ok).toBe(true);
  });

  it.each([
    ['not an object', null],
    ['not an object', [good]],
    ['no schema version', { ...good, schema: undefined }],
    ['written by a newer version (schema 2)', { ...good, schema: 2 }],
    ['no valid id', { ...good, id: -1 }],
    ['no experiment', { ...good, experimentId: '' }],
    ['a setting is not a number, text or switch', { ...good, values: { units: { nested: true } } }],
    ['no valid seed', { ...good, seed: 1.5 }],
    ['no valid seed', { ...good, seed: 2 ** 40 }],
    ['no valid engine', { ...good, engine: 3 }],
    ['no valid date', { ...good, date: Number.POSITIVE_INFINITY }],
    ['no valid elapsed time', { ...good, elapsedMs: Number.NaN }],
    ['no valid sample or parameter counts', { ...good, paramCount: '3860' }],
    ['no valid status', { ...good, status: 'exploded' }],
    ['no valid final training values', { ...good, finalValues: [{ name: 'loss' }] }],
    ['no valid evaluation', { ...good, metrics: [{ key: 'accuracy', label: 'Accuracy', format: 'bold', value: 1 }] }],
    ['no valid message', { ...good, message: 42 }],
  ])('refuses a record with %s', (problem, raw) => {
    expect(checkRun(raw)).toEqual({ ok: false, problem });
  });
});

describe('checkCurves', () => {
  it('accepts curves with one column per metric, as long as the samples', () => {
    expect(checkCurves(sampleCurves(3))).toEqual({ ok: true, value: sampleCurves(3) });
  });

  it.each([
    ['curves: not an object', 'loss'],
    ['curves: no metric names', { ...sampleCurves(), metricNames: [1] }],
    ['curves: no sample counts', { ...sampleCurves(), samples: ['1'] }],
    ['curves: not one column per metric', { ...sampleCurves(), values: [[1, 2, 3, 4, 5]] }],
    ['curves: a column of the wrong length or type', { ...sampleCurves(3), values: [[1, 2, 3], [1, 2]] }],
  ])('refuses %s', (problem, raw) => {
    expect(checkCurves(raw)).toEqual({ ok: false, problem });
  });
});
