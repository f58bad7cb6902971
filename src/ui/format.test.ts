import { describe, expect, it } from 'vitest';
import { formatTick } from './format';

describe('axis ticks', () => {
  it('stay within about four characters', () => {
    expect([0, 0.005, 0.25, 2.5, 42, 999, 1000, 2500, 12_500, 20_000, 125_000, 2_500_000].map(formatTick)).toEqual([
      '0',
      '5e-3',
      '0.25',
      '2.5',
      '42',
      '999',
      '1k',
      '2.5k',
      '12.5k',
      '20k',
      '125k',
      '2.5M',
    ]);
  });
});
