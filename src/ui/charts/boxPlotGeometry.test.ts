import { describe, expect, it } from 'vitest';
import { summarize, type Summary } from '../../engine/stats';
import { boxPlotLayout, niceDomain, niceStep } from './boxPlotGeometry';

function summary(values: number[]): Summary {
  const s = summarize(values);
  if (!s) throw new Error('no values');
  return s;
}

describe('niceDomain', () => {
  it('round steps and a domain that covers the values', () => {
    expect(niceStep(0.03)).toBe(0.05);
    expect(niceStep(0.1)).toBeCloseTo(0.1, 15);
    expect(niceDomain(0, 0.4)).toEqual({ domain: [0, 0.4], ticks: [0, 0.1, 0.2, 0.3, 0.4] });
    expect(niceDomain(0.013, 0.19)).toEqual({ domain: [0, 0.2], ticks: [0, 0.05, 0.1, 0.15, 0.2] });
  });
  it('a single value gets room around it', () => {
    const { domain } = niceDomain(2, 2);
    expect(domain[0]).toBeLessThan(2);
    expect(domain[1]).toBeGreaterThan(2);
  });
});

describe('boxPlotLayout', () => {
  // Plot area: x from 50 to 250 (200 wide), y from 10 (value 0.4) to 210 (value 0): 500 px per unit.
  const frame = { width: 260, height: 240, margin: { top: 10, right: 10, bottom: 30, left: 50 } };

  it('one knob: a box per value, the five numbers at hand-computed heights', () => {
    // 0.1 0.2 0.3 0.4: Q1 0.175, median 0.25, Q3 0.325 (linear interpolation).
    const a = summary([0.4, 0.1, 0.3, 0.2]);
    const b = summary([0, 0.1]);
    const layout = boxPlotLayout(
      [
        { label: '1', boxes: [{ series: 0, label: '1', summary: a, scores: [0.4, 0.1, 0.3, 0.2] }] },
        { label: '5', boxes: [{ series: 0, label: '5', summary: b, scores: [0, 0.1] }] },
      ],
      frame,
    );
    expect(layout.domain).toEqual([0, 0.4]);
    expect(layout.ticks.map((t) => Math.round(t.y * 1e6) / 1e6)).toEqual([210, 160, 110, 60, 10]);
    expect(layout.groups).toEqual([
      { label: '1', x: 100 },
      { label: '5', x: 200 },
    ]);
    const [first, second] = layout.boxes;
    expect(first?.x).toBe(100);
    expect(first?.width).toBe(40);
    expect(first?.min).toBeCloseTo(160, 9);
    expect(first?.q1).toBeCloseTo(122.5, 9);
    expect(first?.median).toBeCloseTo(85, 9);
    expect(first?.q3).toBeCloseTo(47.5, 9);
    expect(first?.max).toBeCloseTo(10, 9);
    expect(first?.points).toHaveLength(4);
    // 0 and 0.1: Q1 0.025, median 0.05, Q3 0.075.
    expect(second?.x).toBe(200);
    expect(second?.min).toBeCloseTo(210, 9);
    expect(second?.q1).toBeCloseTo(197.5, 9);
    expect(second?.median).toBeCloseTo(185, 9);
    expect(second?.max).toBeCloseTo(160, 9);
  });

  it('two knobs: boxes side by side in their group, by the second knob, a slot kept for a missing box', () => {
    const s = summary([0.1, 0.2]);
    const layout = boxPlotLayout(
      [
        { label: 'A', boxes: [0, 1].map((series) => ({ series, label: `${series}`, summary: s, scores: [] })) },
        { label: 'B', boxes: [{ series: 1, label: '1', summary: s, scores: [] }] },
      ],
      frame,
    );
    // Bands of 100 px, two slots of 50 px each: centres at 75, 125 and 225; boxes 30 px wide.
    expect(layout.boxes.map((b) => [b.group, b.series, b.x, b.width])).toEqual([
      [0, 0, 75, 30],
      [0, 1, 125, 30],
      [1, 1, 225, 30],
    ]);
  });
});
