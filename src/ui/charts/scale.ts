/**
 * The live charts' scales: a value's pixel position on an axis, linear or log, and back. A chart
 * computes them from its own domains and the plot area, so a rescale while a model trains costs a
 * re-render of its axes and lines, not a pass of recharts' store over every selector.
 */

export interface Scale {
  /** The pixel position of `value` (NaN where it has none, e.g. 0 on a log axis). */
  (value: number): number;
  /** The value at pixel position `px`. */
  invert(px: number): number;
}

/**
 * Maps `domain` onto `range` (pixels; the range may run downwards, as a y axis does). A log scale
 * maps the logarithms; values ≤ 0 have no position there. A domain of one point maps to the
 * middle of the range.
 */
export function scaleOf(domain: readonly [number, number], range: readonly [number, number], log = false): Scale {
  const t = log ? Math.log : (v: number) => v;
  const untransform = log ? Math.exp : (v: number) => v;
  const d0 = t(domain[0]);
  const d1 = t(domain[1]);
  const [r0, r1] = range;
  const span = d1 - d0;
  const flat = !(Math.abs(span) > 0) || !Number.isFinite(span);
  const scale = ((value: number) => {
    if (log && !(value > 0)) return Number.NaN;
    if (flat) return (r0 + r1) / 2;
    return r0 + ((t(value) - d0) / span) * (r1 - r0);
  }) as Scale;
  scale.invert = (px: number) => {
    if (flat || r1 === r0) return untransform(d0);
    return untransform(d0 + ((px - r0) / (r1 - r0)) * span);
  };
  return scale;
}

/**
 * The ticks whose labels are drawn, where labels `minGapPx` apart at least fit: the last one
 * always, then every earlier one far enough from the last label kept (as recharts'
 * "preserveEnd"). Ticks without a position are left out.
 */
export function labelledTicks(ticks: readonly number[], scale: Scale, minGapPx: number): number[] {
  const kept: number[] = [];
  let lastAt = Number.NaN;
  for (let i = ticks.length - 1; i >= 0; i--) {
    const tick = ticks[i];
    if (tick === undefined) continue;
    const at = scale(tick);
    if (!Number.isFinite(at)) continue;
    if (Number.isFinite(lastAt) && Math.abs(at - lastAt) < minGapPx) continue;
    kept.unshift(tick);
    lastAt = at;
  }
  return kept;
}

/** The ticks that fall within [from, to] pixels (half a pixel to spare), with their positions. */
export function placedTicks(ticks: readonly number[], scale: Scale, from: number, to: number): { tick: number; at: number }[] {
  const out: { tick: number; at: number }[] = [];
  for (const tick of ticks) {
    const at = scale(tick);
    if (Number.isFinite(at) && at >= from - 0.5 && at <= to + 0.5) out.push({ tick, at });
  }
  return out;
}
