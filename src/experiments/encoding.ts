/** Encoding helpers shared by experiments: one-hot in and argmax out. */

/** Writes the one-hot code of `value` at `offset` (zeroes the slot first). */
export function writeOneHot(target: Float32Array, offset: number, width: number, value: number): void {
  target.fill(0, offset, offset + width);
  target[offset + value] = 1;
}

/** Index of the largest of `width` values starting at `offset` (first one on ties). */
export function argmax(values: ArrayLike<number>, offset = 0, width = values.length - offset): number {
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < width; i++) {
    const v = values[offset + i] ?? -Infinity;
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  return best;
}

/** The rows of a flat row-major array of `width` columns, as plain arrays. */
export function rowsOf(values: Float32Array, width: number, count = values.length / width): number[][] {
  const rows: number[][] = [];
  for (let r = 0; r < count; r++) rows.push(Array.from(values.subarray(r * width, (r + 1) * width)));
  return rows;
}
