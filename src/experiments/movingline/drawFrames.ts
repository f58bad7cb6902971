import { cssColor } from '../../ui/canvas/useCanvas';
import { columnAt, type LinePath } from './data';

/** Colours for the frames, read from the page's theme. */
export interface FrameColors {
  background: string;
  border: string;
  lit: string;
  newest: string;
  current: string;
}

export function frameColors(element: Element): FrameColors {
  return {
    background: cssColor(element, '--bg', '#f6f7f9'),
    border: cssColor(element, '--border', '#d6dae0'),
    lit: cssColor(element, '--text', '#1b1f24'),
    newest: cssColor(element, '--series-2', '#d9822b'),
    current: cssColor(element, '--accent', '#1f5fa8'),
  };
}

/** Where a frame goes: its top-left corner and `cell` CSS pixels per image pixel. */
export interface FramePlace {
  x: number;
  y: number;
  cell: number;
}

/**
 * Draws frame `frame` of the video of `path` (the pixels of steps 0..frame,
 * the newest in its own colour) on a size × size grid.
 */
export function drawFrame(ctx: CanvasRenderingContext2D, path: LinePath, frame: number, place: FramePlace, colors: FrameColors): void {
  const size = path.rows.length;
  const { x, y, cell } = place;
  ctx.fillStyle = colors.background;
  ctx.fillRect(x, y, size * cell, size * cell);
  for (let step = 0; step <= frame && step < size; step++) {
    ctx.fillStyle = step === frame ? colors.newest : colors.lit;
    ctx.fillRect(x + columnAt(size, path.right, step) * cell, y + (path.rows[step] ?? 0) * cell, cell, cell);
  }
  ctx.strokeStyle = colors.border;
  ctx.lineWidth = 1;
  ctx.strokeRect(x - 0.5, y - 0.5, size * cell + 1, size * cell + 1);
}

export interface StripLayout {
  columns: number;
  cell: number;
  gap: number;
  width: number;
  height: number;
}

/**
 * The film strip's grid: thumbnails of a whole number of CSS pixels per image
 * pixel (about 50 px wide), as many a row as fit in `maxWidth` (at most 10).
 */
export function stripLayout(size: number, maxWidth: number): StripLayout {
  const gap = 6;
  const cell = Math.max(1, Math.floor(50 / size));
  const side = size * cell;
  const columns = Math.max(1, Math.min(size, 10, Math.floor((maxWidth - gap) / (side + gap))));
  const rows = Math.ceil(size / columns);
  return { columns, cell, gap, width: columns * (side + gap) + gap, height: rows * (side + gap) + gap };
}

/** Frame `frame`'s place in the film strip. */
export function stripPlace(size: number, layout: StripLayout, frame: number): FramePlace {
  const { columns, cell, gap } = layout;
  const side = size * cell;
  return { x: gap + (frame % columns) * (side + gap), y: gap + Math.floor(frame / columns) * (side + gap), cell };
}

/** The path in words, for the canvases' text alternative. */
export function describePath(path: LinePath): string {
  const size = path.rows.length;
  const [from, to] = path.right ? ['left', 'right'] : ['right', 'left'];
  return (
    `A line drawn one column per frame from the ${from} edge (row ${path.rows[0] ?? 0}) to the ${to} edge ` +
    `(row ${path.rows[size - 1] ?? 0}) over ${size} frames of ${size} × ${size} pixels: it moves ${to}.`
  );
}
