import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extentOf, logDomain, niceCeil } from './domain';

describe('niceCeil', () => {
  it('snaps up to 1, 2, 4 or 8 times a power of ten', () => {
    expect(niceCeil(1)).toBe(1);
    expect(niceCeil(1.01)).toBe(2);
    expect(niceCeil(2.3)).toBe(4);
    expect(niceCeil(4)).toBe(4);
    expect(niceCeil(7)).toBe(8);
    expect(niceCeil(8.5)).toBe(10);
    expect(niceCeil(10_001)).toBe(20_000);
    expect(niceCeil(0.3)).toBeCloseTo(0.4, 12);
    expect(niceCeil(0.0042)).toBeCloseTo(0.008, 12);
  });

  it('falls back to 1 for values it cannot place', () => {
    expect(niceCeil(0)).toBe(1);
    expect(niceCeil(-3)).toBe(1);
    expect(niceCeil(Number.NaN)).toBe(1);
    expect(niceCeil(Infinity)).toBe(1);
  });

  it('is at least the value and at most twice it', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1e12, noNaN: true }), (value) => {
        const nice = niceCeil(value);
        expect(nice).toBeGreaterThanOrEqual(value * (1 - 1e-12));
        expect(nice).toBeLessThanOrEqual(value * 2 * (1 + 1e-12));
      }),
    );
  });
});

describe('logDomain', () => {
  it('spans the powers of ten around the values', () => {
    expect(logDomain(0.03, 2.2)).toEqual([0.01, 10]);
    expect(logDomain(1, 1)).toEqual([1, 10]);
  });

  it('has a default for no positive values', () => {
    expect(logDomain(Infinity, -Infinity)).toEqual([0.01, 1]);
    expect(logDomain(0, 1)).toEqual([0.01, 1]);
  });
});

describe('extentOf', () => {
  it('covers every finite point of every line', () => {
    const extent = extentOf([{ points: [{ x: 1, y: 3 }, { x: 5, y: Number.NaN }] }, { points: [{ x: 2, y: -1 }] }]);
    expect(extent).toEqual({ minX: 1, maxX: 2, minY: -1, maxY: 3 });
  });
});
