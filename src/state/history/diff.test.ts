import { describe, expect, it } from 'vitest';
import type { ParamDefs } from '../../experiments/params';
import { differingSettings, formatSetting } from './diff';

const echoDefs: ParamDefs = {
  units: { kind: 'int', label: 'LSTM units', help: '', section: 'model', default: 25, min: 1, max: 200 },
  opt: {
    kind: 'choice',
    label: 'Optimizer',
    help: '',
    section: 'training',
    default: 'adam',
    options: [
      { value: 'adam', label: 'Adam' },
      { value: 'sgd', label: 'SGD with momentum' },
    ],
  },
  shuffle: { kind: 'bool', label: 'Shuffle', help: '', section: 'training', default: true },
};
const defsOf = (id: string) => (id === 'echo' ? echoDefs : undefined);
const run = (values: Record<string, number | string | boolean>, seed = 1, experimentId = 'echo') => ({
  experimentId,
  experimentTitle: experimentId === 'echo' ? 'Echo sequence' : 'Gone',
  values,
  seed,
});

describe('differingSettings', () => {
  it('lists only the settings that differ, labelled, with each run\'s value in words', () => {
    const rows = differingSettings([run({ units: 25, opt: 'adam', shuffle: true }), run({ units: 10, opt: 'sgd', shuffle: true })], defsOf);
    expect(rows).toEqual([
      { key: 'param-units', label: 'LSTM units', cells: ['25', '10'] },
      { key: 'param-opt', label: 'Optimizer', cells: ['Adam', 'SGD with momentum'] },
    ]);
  });

  it('names a different seed and a different experiment first', () => {
    const rows = differingSettings([run({ units: 25 }, 1), run({ units: 25 }, 2), run({ units: 25 }, 2, 'old')], defsOf);
    expect(rows.map((row) => row.label)).toEqual(['Experiment', 'Seed']);
    expect(rows[0]?.cells).toEqual(['Echo sequence', 'Echo sequence', 'Gone']);
    expect(rows[1]?.cells).toEqual(['1', '2', '2']);
  });

  it('shows a dash where a run lacks a setting, and the raw name of a knob no experiment declares', () => {
    const rows = differingSettings([run({ units: 25, extra: 3 }), run({ units: 25 })], defsOf);
    expect(rows).toEqual([{ key: 'param-extra', label: 'extra', cells: ['3', '–'] }]);
  });

  it('has nothing to compare for identical runs or a single run', () => {
    expect(differingSettings([run({ units: 25 }), run({ units: 25 })], defsOf)).toEqual([]);
    expect(differingSettings([run({ units: 5 })], defsOf)).toEqual([]);
  });
});

describe('formatSetting', () => {
  it('writes switches as on/off and shortens long text to one line', () => {
    expect(formatSetting(echoDefs.shuffle, false)).toBe('off');
    expect(formatSetting(undefined, 'a\nb')).toBe('a b');
    expect(formatSetting(undefined, 'x'.repeat(50))).toBe(`${'x'.repeat(30)}…`);
    expect(formatSetting(echoDefs.opt, 'unknown')).toBe('unknown');
  });
});
