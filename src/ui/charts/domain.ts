/**
 * Axis ranges for the live charts that change only a few times per run: the upper end snaps
 * to 1, 2, 4 or 8 × 10^k (linear; four even intervals give round ticks) or to a power of ten
 * (log), so the axes and grid stay put while points stream in and only the curves move.
 */

/** The smallest of 1, 2, 4, 8 × 10^k that is ≥ value (1 for values ≤ 0 or not finite). */
export function niceCeil(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 4, 8, 10]) {
    const candidate = step * power;
    // Tolerate the rounding of 10 ** k (e.g. 3 × 0.1).
    if (candidate >= value * (1 - 1e-12)) return candidate;
  }
  return 10 * power;
}

/** Powers of ten around [min, max] of positive values; [0.01, 1] when there are none. */
export function logDomain(min: number, max: number): [number, number] {
  if (!(min > 0) || !(max > 0) || !Number.isFinite(min) || !Number.isFinite(max)) return [0.01, 1];
  const low = 10 ** Math.floor(Math.log10(min));
  let high = 10 ** Math.ceil(Math.log10(max));
  if (high <= low) high = low * 10;
  return [low, high];
}

export interface Extent {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** The extent of every point of every line (Infinity/-Infinity when there are none). */
export function extentOf(lines: readonly { points: readonly { x: number; y: number }[] }[]): Extent {
  const extent = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  for (const { points } of lines) {
    for (const { x, y } of points) {
      if (!Number.isFinite(y)) continue;
      if (x < extent.minX) extent.minX = x;
      if (x > extent.maxX) extent.maxX = x;
      if (y < extent.minY) extent.minY = y;
      if (y > extent.maxY) extent.maxY = y;
    }
  }
  return extent;
}
