import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelledTicks, placedTicks, scaleOf } from './scale';

describe('scaleOf', () => {
  it('maps a linear domain onto the range, a y range running downwards too', () => {
    const x = scaleOf([0, 200], [40, 440]);
    expect(x(0)).toBe(40);
    expect(x(100)).toBe(240);
    expect(x(200)).toBe(440);
    expect(x(300)).toBe(640);
    const y = scaleOf([0, 1], [208, 8]);
    expect(y(0)).toBe(208);
    expect(y(0.25)).toBe(158);
    expect(y(1)).toBe(8);
  });

  it('maps the logarithms on a log scale; values ≤ 0 have no position', () => {
    const y = scaleOf([0.01, 1], [200, 0], true);
    expect(y(0.01)).toBeCloseTo(200, 9);
    expect(y(0.1)).toBeCloseTo(100, 9);
    expect(y(1)).toBeCloseTo(0, 9);
    expect(y(0)).toBeNaN();
    expect(y(-1)).toBeNaN();
    expect(y.invert(100)).toBeCloseTo(0.1, 12);
  });

  it('puts everything in the middle of a flat domain, and inverts to its value', () => {
    const x = scaleOf([5, 5], [0, 100]);
    expect(x(5)).toBe(50);
    expect(x(7)).toBe(50);
    expect(x.invert(10)).toBe(5);
  });

  it('inverts what it maps, linear and log', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (low, width, at, log) => {
          const domain: [number, number] = log ? [Math.abs(low) + 1e-3, Math.abs(low) + 1e-3 + width] : [low, low + width];
          const scale = scaleOf(domain, [20, 620], log);
          const value = domain[0] + at * (domain[1] - domain[0]);
          expect(scale.invert(scale(value))).toBeCloseTo(value, Math.max(0, 6 - Math.ceil(Math.log10(Math.abs(value) + 1))));
        },
      ),
    );
  });
});

describe('placedTicks', () => {
  it('keeps the ticks within the pixel range, with half a pixel to spare', () => {
    const x = scaleOf([0, 10], [0, 100]);
    expect(placedTicks([-1, -0.04, 0, 5, 10, 10.04, 11], x, 0, 100).map((t) => t.tick)).toEqual([-0.04, 0, 5, 10, 10.04]);
    expect(placedTicks([0, 1], scaleOf([0.1, 1], [100, 0], true), 0, 100).map((t) => t.tick)).toEqual([1]);
  });
});

describe('labelledTicks', () => {
  it('keeps the last tick and every earlier one far enough from the last kept', () => {
    const y = scaleOf([0.01, 10], [300, 0], true);
    const ticks = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];
    const kept = labelledTicks(ticks, y, 40);
    expect(kept.at(-1)).toBe(10);
    for (let i = 1; i < kept.length; i++) expect(Math.abs(y(kept[i] ?? 0) - y(kept[i - 1] ?? 0))).toBeGreaterThanOrEqual(40);
    // Every tick left out lies too close to a kept one.
    for (const tick of ticks.filter((t) => !kept.includes(t))) expect(kept.some((k) => Math.abs(y(k) - y(tick)) < 40)).toBe(true);
    expect(labelledTicks(ticks, y, 1)).toEqual(ticks);
  });

  it('leaves out ticks without a position', () => {
    expect(labelledTicks([0, 1, 10], scaleOf([1, 10], [100, 0], true), 10)).toEqual([1, 10]);
  });
});
