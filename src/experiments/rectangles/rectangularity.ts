import type { Point } from './data';

/** The axis-aligned rectangle nearest to a 4-corner shape, and how far the shape is from it. */
export interface RectangleFit {
  left: number;
  right: number;
  bottom: number;
  top: number;
  /** right − left and top − bottom; negative when the corners run the wrong way. */
  width: number;
  height: number;
  /** Mean distance of the shape's corners from the fitted rectangle's corners. */
  deviation: number;
}

/**
 * Rectangularity error of a shape of 4 corners meant as BL, BR, TR, TL.
 *
 * The nearest axis-aligned rectangle, corners in the same order, is the one
 * whose corners BL (left, bottom), BR (right, bottom), TR (right, top) and
 * TL (left, top) have the smallest sum of squared distances to the shape's
 * corners. The coordinates separate, so each is the mean of the two corners
 * that share it: left = mean of BL.x and TL.x, right = mean of BR.x and TR.x,
 * bottom = mean of BL.y and BR.y, top = mean of TR.y and TL.y.
 *
 * The deviation is the mean, over the 4 corners, of the Euclidean distance
 * from each corner to its counterpart on that rectangle: 0 for a true
 * axis-aligned rectangle. A shape whose bottom edge rises by d (BR.y = d,
 * the rest exact) scores d/2 at two corners, d/4 on average. Read it with
 * the width and height: a shape collapsed to a point scores 0 too.
 */
export function fitRectangle(shape: readonly Point[]): RectangleFit {
  if (shape.length !== 4) throw new Error(`A rectangle has 4 corners, not ${shape.length}.`);
  const [bl, br, tr, tl] = shape as readonly [Point, Point, Point, Point];
  const left = (bl[0] + tl[0]) / 2;
  const right = (br[0] + tr[0]) / 2;
  const bottom = (bl[1] + br[1]) / 2;
  const top = (tr[1] + tl[1]) / 2;
  const fitted: Point[] = [
    [left, bottom],
    [right, bottom],
    [right, top],
    [left, top],
  ];
  let total = 0;
  shape.forEach((corner, i) => {
    const target = fitted[i] ?? corner;
    total += Math.hypot(corner[0] - target[0], corner[1] - target[1]);
  });
  return { left, right, bottom, top, width: right - left, height: top - bottom, deviation: total / 4 };
}
