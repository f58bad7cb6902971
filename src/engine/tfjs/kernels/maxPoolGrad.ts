import type * as tf from '@tensorflow/tfjs';

type Conv2DInfo = tf.backend_util.Conv2DInfo;

/**
 * The gradient of 2-D max pooling with respect to its input, channels last:
 * each output's gradient goes to the first largest input of its window (rows,
 * then columns), as in TF.js' CPU kernel and TensorFlow; a window with no
 * value above −∞ passes none. Overlapping windows add up.
 */
export function maxPoolInputGradient(x: Float32Array, dy: Float32Array, info: Conv2DInfo): Float32Array {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth, effectiveFilterHeight, effectiveFilterWidth } = info;
  const { top: padTop, left: padLeft } = info.padInfo;
  const dx = new Float32Array(batchSize * inHeight * inWidth * channels);
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      const rowCorner = yR * strideHeight - padTop;
      let rowMin = rowCorner;
      while (rowMin < 0) rowMin += dilationHeight;
      const rowMax = Math.min(inHeight, rowCorner + effectiveFilterHeight);
      for (let yC = 0; yC < outWidth; yC++) {
        const colCorner = yC * strideWidth - padLeft;
        let colMin = colCorner;
        while (colMin < 0) colMin += dilationWidth;
        const colMax = Math.min(inWidth, colCorner + effectiveFilterWidth);
        const dyOffset = ((b * outHeight + yR) * outWidth + yC) * channels;
        for (let d = 0; d < channels; d++) {
          let best = -1;
          let bestValue = Number.NEGATIVE_INFINITY;
          for (let xR = rowMin; xR < rowMax; xR += dilationHeight) {
            for (let xC = colMin; xC < colMax; xC += dilationWidth) {
              const index = ((b * inHeight + xR) * inWidth + xC) * channels + d;
              const value = x[index] ?? Number.NaN;
              if (value > bestValue) {
                bestValue = value;
                best = index;
              }
            }
          }
          if (best >= 0) dx[best] = (dx[best] ?? 0) + (dy[dyOffset + d] ?? 0);
        }
      }
    }
  }
  return dx;
}
