import type { Loss } from '../modelSpec';

/** TF.js' fuzz factor (float32 epsilon) in losses. */
const EPSILON = 1e-7;

/**
 * The batch loss as TF.js computes it (per-row loss over the last axis, then
 * the mean over all rows) and its gradient with respect to the predictions,
 * written into `grad`. Follows TF.js' formulas, clipping included, so both
 * engines agree to float32 precision.
 */
export function lossAndGradient(loss: Loss, pred: Float32Array, target: Float32Array, rows: number, width: number, grad: Float32Array): number {
  const n = rows * width;
  let total = 0;
  switch (loss) {
    case 'meanSquaredError':
      for (let i = 0; i < n; i++) {
        const d = (pred[i] as number) - (target[i] as number);
        total += d * d;
        grad[i] = (2 * d) / n;
      }
      return total / n;
    case 'meanAbsoluteError':
      for (let i = 0; i < n; i++) {
        const d = (pred[i] as number) - (target[i] as number);
        total += Math.abs(d);
        // TF.js' gradient of |x| is -1 at 0.
        grad[i] = (d > 0 ? 1 : -1) / n;
      }
      return total / n;
    case 'binaryCrossentropy':
      for (let i = 0; i < n; i++) {
        const p = pred[i] as number;
        const t = target[i] as number;
        const y = Math.min(1 - EPSILON, Math.max(EPSILON, p));
        const logit = Math.log(y / (1 - y));
        const e = Math.exp(-Math.abs(logit));
        total += Math.max(logit, 0) - logit * t + Math.log1p(e);
        const dLogit = (logit > 0 ? 1 : 0) - t - (e / (1 + e)) * (logit > 0 ? 1 : -1);
        grad[i] = p >= EPSILON && p <= 1 - EPSILON ? dLogit / (y * (1 - y)) / n : 0;
      }
      return total / n;
    case 'categoricalCrossentropy':
      for (let r = 0; r < rows; r++) {
        const o = r * width;
        let sum = 0;
        for (let k = 0; k < width; k++) sum += pred[o + k] as number;
        // dLoss/dp for p = y / sum, clipped; then back through the normalisation.
        let dot = 0;
        for (let k = 0; k < width; k++) {
          const p = (pred[o + k] as number) / sum;
          const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
          const t = target[o + k] as number;
          if (t !== 0) total -= t * Math.log(q);
          const dp = p >= EPSILON && p <= 1 - EPSILON ? -t / q / rows : 0;
          grad[o + k] = dp;
          dot += dp * p;
        }
        for (let k = 0; k < width; k++) grad[o + k] = ((grad[o + k] as number) - dot) / sum;
      }
      return total / rows;
  }
}

/** Keras' "accuracy" for this loss and output width: binary for sigmoid-like outputs, else categorical. */
export function accuracy(loss: Loss, pred: Float32Array, target: Float32Array, rows: number, width: number): number {
  if (width === 1 || loss === 'binaryCrossentropy') {
    const n = rows * width;
    let right = 0;
    for (let i = 0; i < n; i++) if (((pred[i] as number) > 0.5 ? 1 : 0) === target[i]) right++;
    return right / n;
  }
  let right = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * width;
    let best = 0;
    let bestTarget = 0;
    for (let k = 1; k < width; k++) {
      if ((pred[o + k] as number) > (pred[o + best] as number)) best = k;
      if ((target[o + k] as number) > (target[o + bestTarget] as number)) bestTarget = k;
    }
    if (best === bestTarget) right++;
  }
  return right / rows;
}
