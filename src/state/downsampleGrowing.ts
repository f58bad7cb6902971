import { addFinite, bucketMeans, downsample, grown, smoothGrowing, type ChartPoint, type Curves } from './series';

/** Points per block: a bucket reads at most two partial blocks value by value, whole blocks by their sums. */
const BLOCK = 64;

/** The sum and count of the finite values of each block of BLOCK points of a growing column. */
interface Blocks {
  weight: number;
  /** Points added so far. */
  length: number;
  sums: Float64Array;
  counts: Float64Array;
}

const blocksOf = new WeakMap<Curves, Map<number, Blocks>>();

function blocksFor(curves: Curves, m: number, weight: number, ys: ArrayLike<number>): Blocks {
  let byMetric = blocksOf.get(curves);
  if (!byMetric) blocksOf.set(curves, (byMetric = new Map()));
  let blocks = byMetric.get(m);
  if (!blocks || blocks.weight !== weight || blocks.length > ys.length) {
    const capacity = Math.ceil(ys.length / BLOCK);
    blocks = { weight, length: 0, sums: new Float64Array(capacity), counts: new Float64Array(capacity) };
    byMetric.set(m, blocks);
  }
  const needed = Math.ceil(ys.length / BLOCK);
  const used = Math.ceil(blocks.length / BLOCK);
  if (blocks.sums.length < needed) {
    blocks.sums = grown(blocks.sums, used, needed);
    blocks.counts = grown(blocks.counts, used, needed);
  }
  const { sums, counts } = blocks;
  for (let i = blocks.length; i < ys.length; i++) {
    const y = ys[i] as number;
    if (!Number.isFinite(y)) continue;
    const k = Math.floor(i / BLOCK);
    sums[k] = (sums[k] as number) + y;
    counts[k] = (counts[k] as number) + 1;
  }
  blocks.length = ys.length;
  return blocks;
}

/**
 * downsample() of metric m's column of growing curves, smoothed with `weight` (smoothGrowing):
 * the same buckets, each the mean of its finite values. The sums of blocks of 64 points grow with
 * the column, so a redraw reads whole blocks by their sums and only the ends of each bucket value
 * by value: a million-step curve costs a few tens of thousands of reads, not a million. A block's
 * sum holds only its own points: one huge value (a diverging run) cannot swamp the rest of the
 * curve, as a running total's differences would. The means differ from downsample's in the last
 * bits only (another order of additions).
 */
export function downsampleGrowing(curves: Curves, m: number, weight: number, maxPoints: number): ChartPoint[] {
  const ys = smoothGrowing(curves, m, weight);
  const xs = curves.samples;
  const n = Math.min(xs.length, ys.length);
  if (n <= maxPoints) return downsample(xs, ys, maxPoints);
  const { sums, counts } = blocksFor(curves, m, weight, ys);
  return bucketMeans(xs, n, maxPoints, (start, end, into) => {
    const firstWhole = Math.ceil(start / BLOCK);
    const lastWhole = Math.floor(end / BLOCK);
    if (firstWhole >= lastWhole) {
      addFinite(ys, start, end, into);
      return;
    }
    addFinite(ys, start, firstWhole * BLOCK, into);
    let sum = 0;
    let count = 0;
    for (let k = firstWhole; k < lastWhole; k++) {
      sum += sums[k] as number;
      count += counts[k] as number;
    }
    into[0] = (into[0] as number) + sum;
    into[1] = (into[1] as number) + count;
    addFinite(ys, lastWhole * BLOCK, end, into);
  });
}
