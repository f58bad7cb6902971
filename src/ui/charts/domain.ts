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

/** The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ value: a round tick interval. */
function niceStep(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value * (1 - 1e-12)) return step * power;
  return 10 * power;
}

export interface NiceAxis {
  domain: [number, number];
  /** The multiples of the interval from one end to the other. */
  ticks: number[];
}

/**
 * A range covering [min, max] whose ends are multiples of a round interval, `intervals` of them at
 * most: it moves only when the data cross such a multiple, so a chart's axes stay put while its
 * lines change. Ends in `include` (e.g. 0 and 1 for values that usually lie in [0, 1]) are always
 * covered. [0, 1] when there is nothing finite.
 */
export function niceAxis(min: number, max: number, intervals = 4, include: readonly number[] = []): NiceAxis {
  const finite = [min, max, ...include].filter(Number.isFinite);
  if (finite.length === 0) return { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  // A flat line (or one flat to within rounding) gets a range around it.
  if (high - low <= Math.max(Math.abs(low), Math.abs(high), 1e-300) * 1e-9) {
    const pad = Math.abs(low) > 1e-300 ? Math.abs(low) / 10 : 1;
    low -= pad;
    high += pad;
  }
  let step = niceStep((high - low) / intervals);
  // Snapping both ends outwards can need one interval more than asked; then take the next step.
  while (Math.ceil(high / step) - Math.floor(low / step) > intervals) step = niceStep(step * 1.0001);
  // 3 × 0.1 is 0.30000000000000004: written with 12 digits where that still covers the data.
  const clean = (end: number, covers: (v: number) => boolean) => {
    const short = Number(end.toPrecision(12));
    return covers(short) ? short : end;
  };
  const first = Math.floor(low / step);
  const last = Math.ceil(high / step);
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
  const domain: [number, number] = [clean(first * step, (v) => v <= low), clean(last * step, (v) => v >= high)];
  ticks[0] = domain[0];
  ticks[ticks.length - 1] = domain[1];
  return { domain, ticks };
}

/**
 * Whole-number ticks for a step axis over [low, high]: the multiples of a round interval (1, 2,
 * 2.5 → 5, 5 × 10^k) that fit, at most `count` of them, and `low` itself when the first multiple
 * is more than half an interval after it (so a horizon axis starts at 1).
 */
export function integerTicks(low: number, high: number, count = 7): number[] {
  if (!Number.isFinite(low) || !Number.isFinite(high) || high < low) return [];
  let step = Math.max(1, Math.round(niceStep(Math.max(1, high - low) / Math.max(1, count - 1))));
  while (Math.floor(high / step) - Math.ceil(low / step) + 1 > count) step = Math.round(niceStep(step * 1.0001));
  const ticks: number[] = [];
  for (let t = Math.ceil(low / step) * step; t <= high; t += step) ticks.push(t);
  const first = ticks[0];
  if (first === undefined || first - low > step / 2) ticks.unshift(Math.ceil(low));
  return ticks;
}

/**
 * Ticks for a log axis over [low, high] (powers of ten, as logDomain gives): every power of ten,
 * and 2 and 5 times each when the range spans at most two decades.
 */
export function logTicks(low: number, high: number): number[] {
  if (!(low > 0) || !(high > low) || !Number.isFinite(high)) return [];
  const first = Math.floor(Math.log10(low));
  const last = Math.ceil(Math.log10(high));
  const steps = last - first <= 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) {
    for (const step of steps) {
      const tick = Number((step * 10 ** k).toPrecision(12));
      if (tick >= low * (1 - 1e-12) && tick <= high * (1 + 1e-12)) ticks.push(tick);
    }
  }
  return ticks;
}

/** The ticks a live chart draws over `domain` when none are given: `count` or so, whole numbers on a step axis. */
export function ticksWithin(domain: readonly [number, number], integer: boolean, count = 5): number[] {
  const [low, high] = domain;
  if (integer) return integerTicks(low, high, count);
  return niceAxis(low, high, Math.max(1, count - 1)).ticks.filter((tick) => tick >= low - 1e-12 * Math.abs(low) && tick <= high + 1e-12 * Math.abs(high));
}

/** Room for an axis' labels, px: the plot of a chart on a narrow phone screen. */
const LABEL_ROOM_PX = 240;
/** A label character at the charts' tick size (11 px), px; generous for digits and dates. */
const LABEL_CHAR_PX = 7;
/** Space kept between two labels, px. */
const LABEL_GAP_PX = 12;

/**
 * The ticks of ticksWithin, fewer where their labels (as `label` writes them, e.g. dates) would not
 * fit side by side on a narrow chart: the chart then draws every tick it is given, without
 * measuring each label in the page to leave out those that overlap (a forced layout of some
 * 20 ms when a chart first appears).
 */
export function ticksThatFit(domain: readonly [number, number], integer: boolean, count: number, label: (value: number) => string): number[] {
  for (let n = Math.max(2, count); ; n--) {
    const ticks = ticksWithin(domain, integer, n);
    const width = ticks.reduce((sum, tick) => sum + label(tick).length * LABEL_CHAR_PX, 0) + LABEL_GAP_PX * Math.max(0, ticks.length - 1);
    if (width <= LABEL_ROOM_PX || n <= 2) return ticks;
  }
}
