import { describe, expect, it } from 'vitest';
import { formatDate } from './describe';

describe('formatDate', () => {
  it('writes a date as the locale does, with one formatter for every call', () => {
    const ms = Date.UTC(2026, 10, 23, 12, 30);
    const expected = new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    expect(formatDate(ms)).toBe(expected);
    expect(formatDate(ms + 86_400_000)).toBe(new Date(ms + 86_400_000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
  });

  it('names a date it cannot read instead of throwing', () => {
    expect(formatDate(Number.NaN)).toBe('unknown date');
    expect(formatDate(Number.POSITIVE_INFINITY)).toBe('unknown date');
    expect(formatDate(1e17)).toBe('unknown date');
  });
});
