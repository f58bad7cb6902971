import { createContext, useContext, useState, type PointerEvent } from 'react';
import type { ChartPoint } from '../../state/series';
import { formatCompact } from '../format';
import { usePlot } from './plot';
import type { Scale } from './scale';

export interface ChartLine {
  key: string;
  label: string;
  color: string;
  points: ChartPoint[];
  /** The line the pointer readout anchors to (the current run); the first line when none is. */
  current?: boolean;
  /** Stroke width in px (1.5 when absent). */
  width?: number;
  /** Stroke opacity (1 when absent). */
  opacity?: number;
  /** A stroke-dasharray, e.g. '5 3'; solid when absent. */
  dash?: string;
  /** The radius of a dot drawn at every point; none when absent. */
  dot?: number;
}

export interface ChartLines {
  lines: ChartLine[];
  /** How the readout writes the x value under the pointer, e.g. "1.2k samples" or "step 30". */
  formatX: (x: number) => string;
}

/**
 * The curves reach the chart through this context: new points re-render only the paths below,
 * not the axes, the grid and recharts' tree.
 */
export const ChartLinesContext = createContext<ChartLines>({ lines: [], formatX: formatCompact });

function pathOf(points: readonly ChartPoint[], x: Scale, y: Scale): string {
  let d = '';
  for (const point of points) {
    const px = x(point.x);
    const py = y(point.y);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    d += `${d ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
  }
  return d;
}

/** The point of `points` nearest to `x` (points are in increasing x). */
function nearest(points: readonly ChartPoint[], x: number): ChartPoint | undefined {
  let lo = 0;
  let hi = points.length - 1;
  if (hi < 0) return undefined;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((points[mid]?.x ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  const after = points[lo];
  const before = points[lo - 1];
  if (before && after && x - before.x < after.x - x) return before;
  return after;
}

/**
 * Whether `x` lies along a line (within half its mean spacing of either end): the readout leaves
 * out lines that end before the pointer or start after it (the input under a forecast).
 */
function covers(points: readonly ChartPoint[], x: number): boolean {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return false;
  if (points.length === 1) return true;
  const slack = (last.x - first.x) / (points.length - 1) / 2;
  return x >= first.x - slack && x <= last.x + slack;
}

/** A dot at each point of a line (short series read better with them). */
function Dots({ line, radius, x, y }: { line: ChartLine; radius: number; x: Scale; y: Scale }) {
  return (
    <g className="live-dots" fill={line.color} fillOpacity={line.opacity ?? 1}>
      {line.points.map((point, i) => {
        const cx = x(point.x);
        const cy = y(point.y);
        if (!Number.isFinite(cx) || !Number.isFinite(cy)) return null;
        return <circle key={i} cx={cx.toFixed(1)} cy={cy.toFixed(1)} r={radius} />;
      })}
    </g>
  );
}

/** The curves, drawn with the chart's scales, and a readout under the pointer. */
export function LiveLines() {
  const { lines, formatX } = useContext(ChartLinesContext);
  const plot = usePlot();
  const [hoverX, setHoverX] = useState<number | null>(null);
  if (!plot) return null;
  const { area, x: scaleX, y: scaleY } = plot;

  const onMove = (event: PointerEvent<SVGRectElement>) => {
    const svg = event.currentTarget.ownerSVGElement;
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    const value = scaleX.invert(event.clientX - box.left);
    setHoverX(Number.isFinite(value) ? value : null);
  };

  const pointsAt = (x: number, along: boolean) =>
    lines.flatMap((line) => {
      const point = !along || covers(line.points, x) ? nearest(line.points, x) : undefined;
      return point ? [{ line, point }] : [];
    });
  // The lines under the pointer; past the end of every line, each line's nearest point.
  const along = hoverX === null ? [] : pointsAt(hoverX, true);
  const hovered = hoverX === null || along.length ? along : pointsAt(hoverX, false);
  const distance = (h: (typeof hovered)[number]) => Math.abs(h.point.x - (hoverX ?? 0));
  const closest = hovered.reduce<(typeof hovered)[number] | undefined>((best, h) => (!best || distance(h) < distance(best) ? h : best), undefined);
  const anchor = hovered.find((h) => h.line.current) ?? closest;
  const anchorX = anchor ? scaleX(anchor.point.x) : Number.NaN;
  const labelLeft = anchorX > area.x + area.width / 2;

  return (
    <g className="live-lines">
      {lines.map((line) => (
        <path
          key={line.key}
          className="live-line"
          data-line={line.key}
          d={pathOf(line.points, scaleX, scaleY)}
          fill="none"
          stroke={line.color}
          strokeWidth={line.width ?? 1.5}
          strokeOpacity={line.opacity ?? 1}
          strokeLinejoin="round"
          strokeDasharray={line.dash}
        />
      ))}
      {lines.map((line) => (line.dot ? <Dots key={`${line.key}-dots`} line={line} radius={line.dot} x={scaleX} y={scaleY} /> : null))}
      {anchor && Number.isFinite(anchorX) && (
        <g className="chart-readout" pointerEvents="none">
          <line x1={anchorX} x2={anchorX} y1={area.y} y2={area.y + area.height} stroke="var(--muted)" strokeDasharray="2 3" />
          {hovered.map(({ line, point }) => {
            const cy = scaleY(point.y);
            const cx = scaleX(point.x);
            return !Number.isFinite(cx) || !Number.isFinite(cy) ? null : <circle key={line.key} cx={cx} cy={cy} r={3} fill={line.color} />;
          })}
          <text x={labelLeft ? anchorX - 6 : anchorX + 6} y={area.y + 12} textAnchor={labelLeft ? 'end' : 'start'} className="chart-readout-text">
            <tspan>{formatX(anchor.point.x)}</tspan>
            {hovered.map(({ line, point }) => (
              <tspan key={line.key} x={labelLeft ? anchorX - 6 : anchorX + 6} dy="1.2em" fill={line.color}>
                {hovered.length > 1 ? `${line.label}: ` : ''}
                {formatCompact(point.y)}
              </tspan>
            ))}
          </text>
        </g>
      )}
      <rect
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        fill="transparent"
        onPointerMove={onMove}
        onPointerLeave={() => setHoverX(null)}
      />
    </g>
  );
}
