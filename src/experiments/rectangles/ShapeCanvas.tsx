import { useCallback } from 'react';
import { useCanvas } from '../../ui/canvas/useCanvas';
import type { Point } from './data';
import { drawShape, themeColors } from './drawShape';
import type { RectangleFit } from './rectangularity';

interface Props {
  shape: readonly Point[];
  fit: RectangleFit;
  /** CSS size of the square canvas, in pixels. */
  size: number;
  label: string;
  testId?: string;
}

/** A generated shape on a canvas, crisp at any devicePixelRatio, in the theme's colours. */
export function ShapeCanvas({ shape, fit, size, label, testId }: Props) {
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement) => drawShape(ctx, size, shape, fit, themeColors(canvas)),
    [shape, fit, size],
  );
  const ref = useCanvas(size, size, draw);
  return (
    <canvas
      ref={ref}
      className="rect-canvas"
      style={{ width: size, height: size }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
