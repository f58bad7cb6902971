import { memo } from 'react';
import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';

/** A dashed vertical line across the plot, e.g. where the input ends or the test period starts. */
export interface FrameMarker {
  x: number;
  label?: string;
}

interface Props {
  xTicks: readonly number[];
  yTicks: readonly number[];
  marker?: FrameMarker | undefined;
}

type Scale = (value: number) => number | undefined;

/** Pixel positions of the ticks that fall inside [from, to] (with half a pixel to spare). */
function positions(ticks: readonly number[], scale: Scale, from: number, to: number): number[] {
  const out: number[] = [];
  for (const tick of ticks) {
    const at = scale(tick);
    if (at !== undefined && Number.isFinite(at) && at >= from - 0.5 && at <= to + 0.5) out.push(Math.round(at) + 0.5);
  }
  return out;
}

/**
 * The grid at the axes' ticks and the marker line, drawn with the chart's scales as plain SVG.
 * recharts' own CartesianGrid and ReferenceLine register with the chart's store and redraw with
 * it: a chart with them took about twice as long to mount, and the charts that appear at a run's
 * first preview made long tasks while the model trained.
 */
export const FrameGrid = memo(function FrameGrid({ xTicks, yTicks, marker }: Props) {
  const x = useXAxisScale() as Scale | undefined;
  const y = useYAxisScale() as Scale | undefined;
  const area = usePlotArea();
  if (!x || !y || !area) return null;
  const left = area.x;
  const right = area.x + area.width;
  const top = area.y;
  const bottom = area.y + area.height;
  const markerAt = marker ? x(marker.x) : undefined;
  return (
    <g className="chart-frame" aria-hidden="true">
      <g className="chart-grid" stroke="var(--grid)" strokeDasharray="3 3">
        {positions(yTicks, y, top, bottom).map((py) => (
          <line key={`h${py}`} x1={left} x2={right} y1={py} y2={py} />
        ))}
        {positions(xTicks, x, left, right).map((px) => (
          <line key={`v${px}`} x1={px} x2={px} y1={top} y2={bottom} />
        ))}
      </g>
      {marker && markerAt !== undefined && Number.isFinite(markerAt) && (
        <g className="chart-marker">
          <line x1={markerAt} x2={markerAt} y1={top} y2={bottom} stroke="var(--muted)" strokeDasharray="4 4" />
          {marker.label && (
            <text x={markerAt + 5} y={top + 12} fill="var(--muted)" fontSize={11}>
              {marker.label}
            </text>
          )}
        </g>
      )}
    </g>
  );
});
