import { memo } from 'react';
import { usePlot } from './plot';
import { placedTicks, type Scale } from './scale';

/** Pixel positions of the ticks inside [from, to], on the pixel grid (a crisp one-pixel line). */
const positions = (ticks: readonly number[], scale: Scale, from: number, to: number) => placedTicks(ticks, scale, from, to).map(({ at }) => Math.round(at) + 0.5);

/**
 * The grid at the axes' ticks and the marker line, drawn with the chart's scales as plain SVG.
 * recharts' own CartesianGrid and ReferenceLine register with the chart's store and redraw with
 * it: a chart with them took about twice as long to mount, and the charts that appear at a run's
 * first preview made long tasks while the model trained.
 */
export const FrameGrid = memo(function FrameGrid() {
  const plot = usePlot();
  if (!plot) return null;
  const { area, x, y } = plot;
  const { marker } = plot.frame;
  const xTicks = plot.frame.x.ticks;
  const yTicks = plot.frame.y.ticks;
  const left = area.x;
  const right = area.x + area.width;
  const top = area.y;
  const bottom = area.y + area.height;
  const markerAt = marker ? x(marker.x) : Number.NaN;
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
      {marker && Number.isFinite(markerAt) && (
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
