import { createContext, useContext, useState, type PointerEvent } from 'react';
import { usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisScale } from 'recharts';
import type { ChartPoint } from '../../state/series';
import { formatCompact } from '../format';

export interface ChartLine {
  key: string;
  label: string;
  current: boolean;
  color: string;
  /** Validation curves are dashed. */
  dashed?: boolean;
  points: ChartPoint[];
}

/**
 * The curves reach the chart through this context rather than through recharts' props: new
 * points re-render only the paths below, not the axes, grid and the rest of recharts' tree.
 */
export const ChartLinesContext = createContext<ChartLine[]>([]);

type Scale = (value: number) => number | undefined;

function pathOf(points: readonly ChartPoint[], x: Scale, y: Scale): string {
  let d = '';
  for (const point of points) {
    const px = x(point.x);
    const py = y(point.y);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) continue;
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

/** The curves, drawn inside a recharts chart with its scales, and a readout under the pointer. */
export function LiveLines() {
  const lines = useContext(ChartLinesContext);
  const x = useXAxisScale();
  const y = useYAxisScale();
  const invertX = useXAxisInverseScale();
  const area = usePlotArea();
  const [hoverX, setHoverX] = useState<number | null>(null);
  if (!x || !y || !area) return null;
  const scaleX = x as Scale;
  const scaleY = y as Scale;

  const onMove = (event: PointerEvent<SVGRectElement>) => {
    const svg = event.currentTarget.ownerSVGElement;
    if (!svg || !invertX) return;
    const box = svg.getBoundingClientRect();
    const value = Number(invertX(event.clientX - box.left));
    setHoverX(Number.isFinite(value) ? value : null);
  };

  const hovered =
    hoverX === null
      ? []
      : lines.flatMap((line) => {
          const point = nearest(line.points, hoverX);
          return point ? [{ line, point }] : [];
        });
  const anchor = hovered.find((h) => h.line.current) ?? hovered[0];
  const anchorX = anchor ? scaleX(anchor.point.x) : undefined;
  const labelLeft = anchorX !== undefined && anchorX > area.x + area.width / 2;

  return (
    <g className="live-lines">
      {lines.map((line) => (
        <path
          key={line.key}
          d={pathOf(line.points, scaleX, scaleY)}
          fill="none"
          stroke={line.color}
          strokeWidth={line.current ? 2 : 1.25}
          strokeOpacity={line.current ? 1 : 0.55}
          strokeLinejoin="round"
          strokeDasharray={line.dashed ? '5 3' : undefined}
        />
      ))}
      {anchor && anchorX !== undefined && (
        <g className="chart-readout" pointerEvents="none">
          <line x1={anchorX} x2={anchorX} y1={area.y} y2={area.y + area.height} stroke="var(--muted)" strokeDasharray="2 3" />
          {hovered.map(({ line, point }) => {
            const cy = scaleY(point.y);
            const cx = scaleX(point.x);
            return cx === undefined || cy === undefined ? null : <circle key={line.key} cx={cx} cy={cy} r={3} fill={line.color} />;
          })}
          <text x={labelLeft ? anchorX - 6 : anchorX + 6} y={area.y + 12} textAnchor={labelLeft ? 'end' : 'start'} className="chart-readout-text">
            <tspan>{formatCompact(anchor.point.x)} samples</tspan>
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
