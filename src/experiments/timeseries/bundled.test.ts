import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SERIES, DEFAULT_BUNDLED_SERIES, bundledSeries } from './bundled';

describe('the bundled series catalogue', () => {
  it('lists the four series once each, milk first and by default', () => {
    expect(BUNDLED_SERIES.map((s) => s.id)).toEqual(['milk', 'airline', 'shampoo', 'temperatures']);
    expect(bundledSeries(DEFAULT_BUNDLED_SERIES)?.id).toBe('milk');
    expect(bundledSeries('nope')).toBeUndefined();
  });

  it('points at files shipped in public/data/ that the data README documents, with a credit line', () => {
    const readme = readFileSync(new URL('../../../public/data/README.md', import.meta.url), 'utf8');
    for (const series of BUNDLED_SERIES) {
      expect(series.file).toMatch(/^data\/[a-z-]+\.csv$/);
      expect(existsSync(new URL(`../../../public/${series.file}`, import.meta.url))).toBe(true);
      expect(readme).toContain(`## ${series.file.slice('data/'.length)}`);
      expect(series.credit).toMatch(/Time Series Data Library/);
      expect(series.units.length).toBeGreaterThan(0);
    }
  });
});
