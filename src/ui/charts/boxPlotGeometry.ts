/**
 * Where the boxes of a box-and-whisker plot go: groups side by side (the first knob's values), one
 * box per series within a group (the second knob's values), a linear value axis with round ticks.
 * The box spans Q1–Q3 with a line at the median, the whiskers reach min and max. Pure.
 */
import type { Summary } from '../../engine/stats';

export interface BoxInput {
  /** Which series (colour and slot in its group) the box belongs to. */
  series: number;
  label: string;
  summary: Summary;
  scores: readonly number[];
}

export interface BoxGroupInput {
  label: string;
  boxes: readonly BoxInput[];
}

export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface BoxGeometry {
  group: number;
  series: number;
  label: string;
  /** Centre and width of the box, in pixels. */
  x: number;
  width: number;
  /** Pixel heights of the five numbers (smaller is higher on the screen). */
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** Each run's score, at the box's centre. */
  points: number[];
}

export interface BoxPlotLayout {
  domain: [number, number];
  ticks: { value: number; y: number }[];
  groups: { label: string; x: number }[];
  boxes: BoxGeometry[];
}

/** 1, 2 or 5 × 10^k: the smallest ≥ value. */
export function niceStep(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value * (1 - 1e-12)) return step * power;
  return 10 * power;
}

/** A round domain around [low, high] with about `count` intervals, and its ticks. */
export function niceDomain(low: number, high: number, count = 4): { domain: [number, number]; ticks: number[] } {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
  if (high - low < Math.abs(high) * 1e-9 || high === low) {
    const pad = Math.abs(high) > 0 ? Math.abs(high) * 0.1 : 1;
    [low, high] = [low - pad, high + pad];
  }
  const step = niceStep((high - low) / count);
  const from = Math.floor(low / step + 1e-9) * step;
  const to = Math.ceil(high / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; from + i * step <= to + step * 1e-9; i++) ticks.push(Number((from + i * step).toPrecision(12)));
  return { domain: [from, to], ticks };
}

export function boxPlotLayout(groups: readonly BoxGroupInput[], frame: Frame): BoxPlotLayout {
  const all = groups.flatMap((g) => g.boxes);
  const low = Math.min(...all.map((b) => b.summary.min));
  const high = Math.max(...all.map((b) => b.summary.max));
  const { domain, ticks } = niceDomain(low, high);
  const top = frame.margin.top;
  const plotHeight = frame.height - frame.margin.top - frame.margin.bottom;
  const plotWidth = frame.width - frame.margin.left - frame.margin.right;
  const y = (value: number) => top + ((domain[1] - value) / (domain[1] - domain[0])) * plotHeight;
  const slots = Math.max(1, ...all.map((b) => b.series + 1));
  const band = plotWidth / Math.max(1, groups.length);
  const slot = band / slots;
  const boxWidth = Math.min(40, slot * 0.6);
  const boxes: BoxGeometry[] = groups.flatMap((group, g) =>
    group.boxes.map((box) => ({
      group: g,
      series: box.series,
      label: box.label,
      x: frame.margin.left + g * band + (box.series + 0.5) * slot,
      width: boxWidth,
      min: y(box.summary.min),
      q1: y(box.summary.q1),
      median: y(box.summary.median),
      q3: y(box.summary.q3),
      max: y(box.summary.max),
      points: box.scores.filter(Number.isFinite).map(y),
    })),
  );
  return {
    domain,
    ticks: ticks.map((value) => ({ value, y: y(value) })),
    groups: groups.map((group, g) => ({ label: group.label, x: frame.margin.left + (g + 0.5) * band })),
    boxes,
  };
}
