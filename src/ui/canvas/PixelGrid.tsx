import { useCallback } from 'react';
import { cssColor, useCanvas } from './useCanvas';

interface Props {
  /** Row-major values, `rows × columns` of them; drawn by magnitude, the largest darkest. */
  values: Float32Array;
  rows: number;
  columns: number;
  /** Side of one cell in CSS pixels. */
  cell: number;
  label: string;
  testId?: string;
}

/** A small matrix of numbers drawn as an image (e.g. one frame of a video input), with its text alternative. */
export function PixelGrid({ values, rows, columns, cell, label, testId }: Props) {
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement) => {
      ctx.fillStyle = cssColor(canvas, '--bg', '#fff');
      ctx.fillRect(0, 0, columns * cell, rows * cell);
      let max = 0;
      for (let i = 0; i < rows * columns; i++) max = Math.max(max, Math.abs(values[i] ?? 0));
      if (max === 0) return;
      ctx.fillStyle = cssColor(canvas, '--text', '#000');
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) {
          const v = Math.abs(values[r * columns + c] ?? 0) / max;
          if (v === 0) continue;
          ctx.globalAlpha = v;
          ctx.fillRect(c * cell, r * cell, cell, cell);
        }
      }
      ctx.globalAlpha = 1;
    },
    [values, rows, columns, cell],
  );
  const ref = useCanvas(columns * cell, rows * cell, draw);
  return (
    <canvas
      ref={ref}
      className="pixel-grid"
      style={{ width: columns * cell, height: rows * cell, border: '1px solid var(--border)' }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
