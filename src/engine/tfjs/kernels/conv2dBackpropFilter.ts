import type * as tf from '@tensorflow/tfjs';

type Conv2DInfo = tf.backend_util.Conv2DInfo;

/**
 * The gradient of a 2-D convolution with respect to its filter, channels last:
 * dW[wR, wC, d1, d2] = Σ over b, yR, yC of x[b, xR, xC, d1] · dy[b, yR, yC, d2]
 * with xR = yR·strideHeight + wR·dilationHeight − padTop (likewise xC), inputs
 * outside the image counting as zeros. Each element is summed in float64 in
 * the order b, yR, yC, as TF.js' CPU kernel does, so the results agree with it.
 */
export function conv2dFilterGradient(x: Float32Array, dy: Float32Array, info: Conv2DInfo): Float32Array {
  if (info.dataFormat !== 'channelsLast') throw new Error('conv2dFilterGradient: only channels-last data is supported.');
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const { top: padTop, left: padLeft } = info.padInfo;
  const sums = new Float64Array(filterHeight * filterWidth * inChannels * outChannels);
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      for (let yC = 0; yC < outWidth; yC++) {
        const dyOffset = ((b * outHeight + yR) * outWidth + yC) * outChannels;
        for (let wR = 0; wR < filterHeight; wR++) {
          const xR = yR * strideHeight + wR * dilationHeight - padTop;
          if (xR < 0 || xR >= inHeight) continue;
          for (let wC = 0; wC < filterWidth; wC++) {
            const xC = yC * strideWidth + wC * dilationWidth - padLeft;
            if (xC < 0 || xC >= inWidth) continue;
            const xOffset = ((b * inHeight + xR) * inWidth + xC) * inChannels;
            const wOffset = (wR * filterWidth + wC) * inChannels * outChannels;
            for (let d1 = 0; d1 < inChannels; d1++) {
              const xValue = x[xOffset + d1] ?? 0;
              const row = wOffset + d1 * outChannels;
              for (let d2 = 0; d2 < outChannels; d2++) sums[row + d2] = (sums[row + d2] ?? 0) + xValue * (dy[dyOffset + d2] ?? 0);
            }
          }
        }
      }
    }
  }
  return Float32Array.from(sums);
}
