import { createRng } from '../../engine/random';
import { clip } from '../params';
import { formatPercent } from '../predictorText';
import type { Predictor } from '../types';
import { linePath, writeVideo } from './data';

interface MovingLineValues {
  size: number;
}

/** The video of a line moving `right` (or left) from `startRow`, wandering as in training (seeded by the text). */
function video(size: number, right: boolean, startRow: number, key: string): Float32Array {
  const path = linePath(size, createRng(`predict/${key}`));
  // The wander of a drawn path, moved to start at the chosen row.
  const shift = startRow - (path.rows[0] ?? 0);
  const rows = path.rows.map((row) => Math.min(size - 1, Math.max(0, row + shift)));
  const x = new Float32Array(size * size * size);
  writeVideo(x, 0, size, { rows, right });
  return x;
}

/** Generate a video with a chosen direction and start row; the model says which way the line moves. */
export const movingLinePredictor: Predictor<MovingLineValues> = {
  label: 'Video',
  help: ({ size }) => `"right" or "left", then the start row from 0 to ${size - 1} (e.g. "left 7"); the frames are ${size} × ${size} pixels, as the model was trained.`,
  example: ({ size }) => `left ${Math.floor(size / 3)}`,
  parse(text, { size }) {
    const match = /^\s*(right|left)\s*(?:,?\s*(?:row\s*)?(\d+))?\s*$/i.exec(text);
    if (!match) return { error: `"${clip(text.trim())}" is not a direction and a row, such as "left 7".` };
    const right = (match[1] ?? '').toLowerCase() === 'right';
    const row = match[2] === undefined ? Math.floor(size / 2) : Number(match[2]);
    if (row > size - 1) return { error: `Row ${row} is outside the ${size}-pixel frame (0 to ${size - 1}).` };
    return { x: video(size, right, row, `${right}/${row}`), xShape: [1, size, size, size, 1] };
  },
  async answer(input, { size }, predict) {
    const p = (await predict(input.x, input.xShape))[0] ?? Number.NaN;
    // The first frame's lit pixel is in column 0 for a line moving right.
    let right = false;
    for (let row = 0; row < size; row++) if (input.x[row * size] === 1) right = true;
    const predicted = p >= 0.5 ? 'right' : 'left';
    const frame = input.x.slice((size - 1) * size * size, size * size * size);
    return {
      image: { values: frame, rows: size, columns: size, label: `The video's last frame: a ${size} × ${size} line drawn ${right ? 'left to right' : 'right to left'}` },
      summary: `Predicted: ${predicted} (${formatPercent(p >= 0.5 ? p : 1 - p)}); the line moves ${right ? 'right' : 'left'}, so the answer is ${predicted === (right ? 'right' : 'left') ? 'right' : 'wrong'}.`,
      rows: [
        { label: 'P(right)', value: formatPercent(p) },
        { label: 'P(left)', value: formatPercent(1 - p) },
      ],
    };
  },
};
