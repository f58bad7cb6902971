import { useCallback, useId, type KeyboardEvent, type PointerEvent } from 'react';
import { colorOf, rgb, type ScaleKind } from './colorScale';
import { cssColor, useCanvas } from './useCanvas';

interface Props {
  /** Row-major [columns (time), rows (units)]: values[t * rows + u]. */
  values: Float32Array;
  columns: number;
  rows: number;
  scale: ScaleKind;
  /** For a signed scale: the value drawn at full colour. */
  limit?: number;
  /** Columns after which a vertical line is drawn (state resets). */
  marks?: readonly number[];
  /** The highlighted row (a selected unit). */
  selectedRow?: number | null;
  label: string;
  /** Text alternative: what the heatmap shows, in words. */
  description: string;
  onSelect?(row: number, column: number): void;
}

const MAX_WIDTH = 460;
const MAX_HEIGHT = 220;

/** A timesteps × units heatmap on a canvas: hover or click a cell to pick its unit; arrow keys move between units. */
export function Heatmap({ values, columns, rows, scale, limit = 1, marks = [], selectedRow = null, label, description, onSelect }: Props) {
  const cellWidth = Math.max(2, Math.min(24, Math.floor(MAX_WIDTH / Math.max(1, columns))));
  const cellHeight = Math.max(2, Math.min(14, Math.floor(MAX_HEIGHT / Math.max(1, rows))));
  const width = cellWidth * columns;
  const height = cellHeight * rows;
  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement) => {
      for (let t = 0; t < columns; t++) {
        for (let u = 0; u < rows; u++) {
          ctx.fillStyle = rgb(colorOf(values[t * rows + u] ?? Number.NaN, scale, limit));
          ctx.fillRect(t * cellWidth, u * cellHeight, cellWidth, cellHeight);
        }
      }
      ctx.strokeStyle = cssColor(canvas, '--text', '#222');
      ctx.lineWidth = 2;
      for (const mark of marks) {
        ctx.beginPath();
        ctx.moveTo(mark * cellWidth, 0);
        ctx.lineTo(mark * cellWidth, height);
        ctx.stroke();
      }
      if (selectedRow !== null) {
        ctx.lineWidth = 1.5;
        ctx.strokeRect(0.75, selectedRow * cellHeight + 0.75, width - 1.5, cellHeight - 1.5);
      }
    },
    [values, columns, rows, scale, limit, marks, selectedRow, cellWidth, cellHeight, width, height],
  );
  const ref = useCanvas(width, height, draw);
  const cellAt = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const column = Math.floor(((event.clientX - box.left) / box.width) * columns);
    const row = Math.floor(((event.clientY - box.top) / box.height) * rows);
    if (row >= 0 && row < rows && column >= 0 && column < columns) onSelect?.(row, column);
  };
  const onKey = (event: KeyboardEvent<HTMLCanvasElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const next = Math.min(rows - 1, Math.max(0, (selectedRow ?? -1) + (event.key === 'ArrowDown' ? 1 : -1)));
    onSelect?.(next, 0);
  };
  return (
    <figure className="heatmap">
      <figcaption>{label}</figcaption>
      <canvas
        ref={ref}
        className="heatmap-canvas"
        style={{ width: `${width}px`, maxWidth: '100%', height: 'auto' }}
        role="img"
        aria-label={description}
        tabIndex={0}
        onPointerMove={cellAt}
        onClick={cellAt}
        onKeyDown={onKey}
        data-rows={rows}
        data-columns={columns}
      />
      <ColorLegend scale={scale} limit={limit} />
    </figure>
  );
}

/** The colour bar of a scale with its end values. */
function ColorLegend({ scale, limit }: { scale: ScaleKind; limit: number }) {
  const id = useId();
  const stops = scale === 'unit' ? [0, 1] : [-limit, 0, limit];
  const format = (v: number) => (v === 0 ? '0' : Math.abs(v) >= 10 ? v.toFixed(0) : v.toPrecision(2));
  return (
    <svg className="color-legend" width={150} height={22} aria-hidden="true">
      <defs>
        <linearGradient id={id}>
          {stops.map((v, i) => (
            <stop key={i} offset={`${(i / (stops.length - 1)) * 100}%`} stopColor={rgb(colorOf(v, scale, limit))} />
          ))}
        </linearGradient>
      </defs>
      <rect x={0} y={0} width={150} height={8} fill={`url(#${id})`} stroke="var(--grid)" />
      <text x={0} y={20} className="axis-text">
        {format(stops[0] ?? 0)}
      </text>
      <text x={150} y={20} textAnchor="end" className="axis-text">
        {format(stops.at(-1) ?? 1)}
      </text>
    </svg>
  );
}
