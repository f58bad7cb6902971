import { cssColor } from '../../ui/canvas/useCanvas';
import type { Point } from './data';
import type { RectangleFit } from './rectangularity';

/** Colours for the drawing, read from the page's theme. */
export interface ShapeColors {
  grid: string;
  axis: string;
  fit: string;
  shape: string;
  start: string;
}

/** The drawn window in data units: the unit square with a margin for shapes that overshoot. */
export const DOMAIN = { min: -0.2, max: 1.2 } as const;

/** Reads the theme's CSS custom properties where the canvas sits (so light and dark both work). */
export function themeColors(element: Element): ShapeColors {
  return {
    grid: cssColor(element, '--grid', '#8884'),
    axis: cssColor(element, '--border', '#888'),
    fit: cssColor(element, '--muted', '#888'),
    shape: cssColor(element, '--accent', '#1f5fa8'),
    start: cssColor(element, '--series-2', '#d9822b'),
  };
}

/**
 * Draws a generated shape (closed, corners as dots, the start marked) over the
 * unit square, with its nearest axis-aligned rectangle dashed. `size` is the
 * CSS size; the context must already be scaled by devicePixelRatio (useCanvas does).
 */
export function drawShape(ctx: CanvasRenderingContext2D, size: number, shape: readonly Point[], fit: RectangleFit, colors: ShapeColors): void {
  const span = DOMAIN.max - DOMAIN.min;
  const px = (x: number) => ((x - DOMAIN.min) / span) * size;
  const py = (y: number) => size - ((y - DOMAIN.min) / span) * size;
  const unit = Math.max(1, size / 160);
  ctx.clearRect(0, 0, size, size);
  ctx.lineJoin = 'round';

  // The unit square, quartered, and the axes through (0, 0).
  ctx.strokeStyle = colors.grid;
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  ctx.beginPath();
  for (const v of [0.25, 0.5, 0.75, 1]) {
    ctx.moveTo(px(v), py(0));
    ctx.lineTo(px(v), py(1));
    ctx.moveTo(px(0), py(v));
    ctx.lineTo(px(1), py(v));
  }
  ctx.stroke();
  ctx.strokeStyle = colors.axis;
  ctx.beginPath();
  ctx.moveTo(px(DOMAIN.min), py(0));
  ctx.lineTo(px(DOMAIN.max), py(0));
  ctx.moveTo(px(0), py(DOMAIN.min));
  ctx.lineTo(px(0), py(DOMAIN.max));
  ctx.stroke();

  // The nearest axis-aligned rectangle, dashed.
  ctx.strokeStyle = colors.fit;
  ctx.lineWidth = unit;
  ctx.setLineDash([4 * unit, 3 * unit]);
  ctx.strokeRect(px(fit.left), py(fit.top), px(fit.right) - px(fit.left), py(fit.bottom) - py(fit.top));
  ctx.setLineDash([]);

  // The generated shape, closed back to its start.
  const finite = shape.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (!finite || shape.length === 0) return;
  ctx.beginPath();
  shape.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(px(x), py(y)) : ctx.lineTo(px(x), py(y))));
  ctx.closePath();
  ctx.globalAlpha = 0.15;
  ctx.fillStyle = colors.shape;
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.strokeStyle = colors.shape;
  ctx.lineWidth = 2 * unit;
  ctx.stroke();
  shape.forEach(([x, y], i) => {
    ctx.fillStyle = i === 0 ? colors.start : colors.shape;
    ctx.beginPath();
    ctx.arc(px(x), py(y), (i === 0 ? 3.5 : 3) * unit, 0, 2 * Math.PI);
    ctx.fill();
  });
}
