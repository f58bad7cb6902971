import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatTable, runGridCli } from './grid';
import { runCli } from './run';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('runGridCli', () => {
  it('refuses a bad grid with what is wrong', async () => {
    await expect(runGridCli(['curves', '--grid', 'units=1,999'])).rejects.toThrow(/LSTM units: "999" is outside the knob's range/);
    await expect(runGridCli(['curves', '--grid', 'units=1', '--repeats', '0'])).rejects.toThrow(/Grid repeats "0"/);
    await expect(runGridCli(['nope', '--grid', 'units=1'])).rejects.toThrow(/Name a known experiment/);
    await expect(runGridCli(['curves', '--grid', 'units=1', '--param', 'epochs'])).rejects.toThrow('--param takes name=value pairs separated by ";", not "epochs".');
  });

  it('a 2 × 1 grid with 2 repeats: each run seed-exact (the same as a single run), summarised per point', async () => {
    const lines: string[] = [];
    const result = await runGridCli(['curves', '--grid', 'units=1,3', '--repeats', '2', '--param', 'epochs=5', '--seed', '4', '--score', 'val_loss'], (line) => lines.push(line));
    expect(lines.filter((l) => l.startsWith('['))).toHaveLength(4);
    expect(result.rows.map((r) => [r.values, r.count])).toEqual([
      [{ units: 1 }, 2],
      [{ units: 3 }, 2],
    ]);
    // The point units=3 holds the runs with seeds 4 and 5: the same as two single runs.
    const singles = await Promise.all(['4', '5'].map(async (seed) => (await runCli(['curves', '--units', '3', '--epochs', '5', '--seed', seed, '--backend', 'fused'])).finalValLoss ?? Number.NaN));
    const row = result.rows[1];
    expect(row?.min).toBe(Math.min(...singles));
    expect(row?.max).toBe(Math.max(...singles));
    expect(result.rows.filter((r) => r.best)).toHaveLength(1);
    expect(result.table.split('\n')[1]).toMatch(/^units\s+n\s+mean\s+sd\s+min\s+Q1\s+median\s+Q3\s+max\s+best$/);
  });
});

describe('formatTable', () => {
  it('right-aligns columns to the widest cell', () => {
    expect(formatTable(['a', 'bb'], [['100', '1'], ['2', '']])).toBe('  a  bb\n100   1\n  2');
  });
});
