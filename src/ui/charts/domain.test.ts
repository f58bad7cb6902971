import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extentOf, integerTicks, logDomain, logTicks, niceAxis, niceCeil, ticksThatFit, ticksWithin } from './domain';

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

describe('niceAxis', () => {
  it('rounds the ends outwards to a round interval', () => {
    expect(niceAxis(0.12, 0.87).domain).toEqual([0, 1]);
    expect(niceAxis(-1.23, 2.4).domain).toEqual([-2, 4]);
    expect(niceAxis(-1.23, 2.4, 5).domain).toEqual([-2, 3]);
    expect(niceAxis(612, 968).domain).toEqual([600, 1000]);
    expect(niceAxis(0.013, 0.018).domain).toEqual([0.012, 0.018]);
  });

  it('puts a tick at every multiple of the interval', () => {
    expect(niceAxis(0.12, 0.87).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceAxis(0, 0.0195, 3).ticks).toEqual([0, 0.01, 0.02]);
    expect(niceAxis(0.1, 0.7, 4).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('covers the ends it is asked to include', () => {
    expect(niceAxis(0.2, 0.7, 4, [0, 1]).domain).toEqual([0, 1]);
    expect(niceAxis(-0.1, 0.7, 4, [0, 1]).domain).toEqual([-0.5, 1]);
  });

  it('gives a range around a single value and [0, 1] for no finite value', () => {
    expect(niceAxis(5, 5).domain).toEqual([4.5, 5.5]);
    expect(niceAxis(0, 0).domain).toEqual([-1, 1]);
    expect(niceAxis(Number.NaN, Number.NaN).domain).toEqual([0, 1]);
    expect(niceAxis(Infinity, -Infinity).domain).toEqual([0, 1]);
  });

  it('covers the data with at most the intervals asked, each a round number', () => {
    // Values a chart meets (no subnormals, where products of a step and an integer lose bits).
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => (Math.abs(v) < 1e-100 ? 0 : v));
    fc.assert(
      fc.property(value, value, fc.integer({ min: 2, max: 8 }), (a, b, intervals) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const { domain: [low, high], ticks } = niceAxis(min, max, intervals);
        expect(ticks[0]).toBe(low);
        expect(ticks.at(-1)).toBe(high);
        expect(ticks.length - 1).toBeLessThanOrEqual(intervals);
        expect(low).toBeLessThanOrEqual(min);
        expect(high).toBeGreaterThanOrEqual(max);
        expect(high).toBeGreaterThan(low);
        const steps = [1, 2, 2.5, 5].flatMap((m) => Array.from({ length: 30 }, (_, k) => m * 10 ** (k - 15)));
        const fits = steps.some((step) => {
          const n = (high - low) / step;
          return Math.abs(n - Math.round(n)) < 1e-6 && Math.round(n) <= intervals && Math.abs(low / step - Math.round(low / step)) < 1e-6;
        });
        expect(fits).toBe(true);
      }),
    );
  });
});

describe('integerTicks', () => {
  it('round whole steps inside the range, and its start when the first is far from it', () => {
    expect(integerTicks(25, 54)).toEqual([25, 30, 35, 40, 45, 50]);
    expect(integerTicks(1, 25)).toEqual([1, 5, 10, 15, 20, 25]);
    expect(integerTicks(0, 74)).toEqual([0, 20, 40, 60]);
    expect(integerTicks(1, 2)).toEqual([1, 2]);
    expect(integerTicks(3, 3)).toEqual([3]);
    expect(integerTicks(5, 1)).toEqual([]);
  });

  it('never more than asked, plus the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 2, max: 12 }), (low, span, count) => {
        const ticks = integerTicks(low, low + span, count);
        expect(ticks.length).toBeGreaterThan(0);
        expect(ticks.length).toBeLessThanOrEqual(count + 1);
        for (const t of ticks) {
          expect(Number.isInteger(t)).toBe(true);
          expect(t).toBeGreaterThanOrEqual(low);
          expect(t).toBeLessThanOrEqual(low + span);
        }
        expect([...ticks].sort((a, b) => a - b)).toEqual(ticks);
      }),
    );
  });
});

describe('logTicks', () => {
  it('every power of ten, and 2 and 5 times each over at most two decades', () => {
    expect(logTicks(0.01, 1)).toEqual([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]);
    expect(logTicks(0.001, 10)).toEqual([0.001, 0.01, 0.1, 1, 10]);
    expect(logTicks(1, 1)).toEqual([]);
    expect(logTicks(0, 1)).toEqual([]);
  });
});

describe('ticksWithin', () => {
  it('round ticks inside the domain, whole numbers on a step axis', () => {
    expect(ticksWithin([0, 8000], false)).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(ticksWithin([0.13, 0.87], false).every((t) => t >= 0.13 && t <= 0.87)).toBe(true);
    expect(ticksWithin([0, 167], true, 5)).toEqual(integerTicks(0, 167, 5));
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (low, width) => {
        const ticks = ticksWithin([low, low + width], false);
        expect(ticks.length).toBeGreaterThan(0);
        for (const tick of ticks) {
          expect(tick).toBeGreaterThanOrEqual(low - 1e-9 * Math.abs(low));
          expect(tick).toBeLessThanOrEqual(low + width + 1e-9 * Math.abs(low + width));
        }
      }),
    );
  });
});

describe('ticksThatFit', () => {
  it('keeps the ticks of ticksWithin when their labels fit', () => {
    expect(ticksThatFit([0, 100], false, 5, String)).toEqual(ticksWithin([0, 100], false, 5));
  });

  it('takes fewer ticks when long labels (dates) would not fit side by side', () => {
    const months = (i: number) => `month ${1960 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    const all = ticksWithin([0, 167], true, 5);
    const fit = ticksThatFit([0, 167], true, 5, months);
    expect(fit.length).toBeLessThan(all.length);
    expect(fit.length).toBeGreaterThanOrEqual(2);
    // What is left fits the room a narrow chart has (240 px at 7 px a character, 12 px between labels).
    const width = fit.reduce((sum, tick) => sum + months(tick).length * 7, 0) + 12 * (fit.length - 1);
    expect(width).toBeLessThanOrEqual(240);
    for (const tick of fit) expect(tick).toBe(Math.round(tick));
  });

  it('never goes below the two ends, however long the labels', () => {
    const fit = ticksThatFit([0, 10], true, 5, () => 'a label far too long to fit anywhere at all');
    expect(fit.length).toBeGreaterThanOrEqual(1);
    expect(fit.length).toBeLessThanOrEqual(3);
  });
});
