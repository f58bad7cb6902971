import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/random';
import type { Point } from './data';
import { fitRectangle } from './rectangularity';

function expectFit(shape: Point[], expected: { deviation: number; width: number; height: number }) {
  const fit = fitRectangle(shape);
  expect(fit.deviation).toBeCloseTo(expected.deviation, 12);
  expect(fit.width).toBeCloseTo(expected.width, 12);
  expect(fit.height).toBeCloseTo(expected.height, 12);
}

describe('fitRectangle', () => {
  it('a true rectangle, anywhere, scores 0 with its own width and height', () => {
    expectFit(
      [
        [0, 0],
        [0.4, 0],
        [0.4, 0.3],
        [0, 0.3],
      ],
      { deviation: 0, width: 0.4, height: 0.3 },
    );
    const fit = fitRectangle([
      [0.1, 0.2],
      [0.5, 0.2],
      [0.5, 0.7],
      [0.1, 0.7],
    ]);
    expect(fit).toMatchObject({ left: 0.1, right: 0.5, bottom: 0.2, deviation: 0 });
    expect(fit.top).toBeCloseTo(0.7, 12);
  });

  it('one corner raised by d: d/2 at the two corners of that edge, d/4 on average', () => {
    expectFit(
      [
        [0, 0],
        [1, 0.1],
        [1, 1],
        [0, 1],
      ],
      { deviation: 0.025, width: 1, height: 0.95 },
    );
  });

  it('a parallelogram leaning by 0.2: every corner 0.1 off', () => {
    expectFit(
      [
        [0, 0],
        [1, 0],
        [1.2, 1],
        [0.2, 1],
      ],
      { deviation: 0.1, width: 1, height: 1 },
    );
  });

  it('a diamond: every corner √2/4 from the square between', () => {
    expectFit(
      [
        [0.5, 0],
        [1, 0.5],
        [0.5, 1],
        [0, 0.5],
      ],
      { deviation: Math.SQRT2 / 4, width: 0.5, height: 0.5 },
    );
  });

  it('a square drawn in the wrong order is far from a rectangle; a point is a 0 × 0 one', () => {
    expectFit(
      [
        [0, 0],
        [0, 1],
        [1, 1],
        [1, 0],
      ],
      { deviation: Math.SQRT1_2, width: 0, height: 0 },
    );
    expectFit(
      [
        [0.3, 0.3],
        [0.3, 0.3],
        [0.3, 0.3],
        [0.3, 0.3],
      ],
      { deviation: 0, width: 0, height: 0 },
    );
  });

  it('refuses shapes without 4 corners', () => {
    expect(() => fitRectangle([[0, 0]])).toThrow('A rectangle has 4 corners, not 1.');
  });

  it('the fitted rectangle is the least-squares nearest: moving any side adds squared distance', () => {
    const rng = createRng('fit');
    const squared = (shape: Point[], l: number, r: number, b: number, t: number) => {
      const target: Point[] = [
        [l, b],
        [r, b],
        [r, t],
        [l, t],
      ];
      return shape.reduce((s, p, i) => s + (p[0] - (target[i]?.[0] ?? 0)) ** 2 + (p[1] - (target[i]?.[1] ?? 0)) ** 2, 0);
    };
    for (let trial = 0; trial < 50; trial++) {
      const shape: Point[] = Array.from({ length: 4 }, () => [rng.uniform(-1, 2), rng.uniform(-1, 2)] as const);
      const { left, right, bottom, top } = fitRectangle(shape);
      const best = squared(shape, left, right, bottom, top);
      const e = rng.uniform(-0.1, 0.1) || 0.01;
      for (const moved of [
        squared(shape, left + e, right, bottom, top),
        squared(shape, left, right + e, bottom, top),
        squared(shape, left, right, bottom + e, top),
        squared(shape, left, right, bottom, top + e),
      ]) {
        expect(moved).toBeGreaterThan(best);
      }
    }
  });
});
