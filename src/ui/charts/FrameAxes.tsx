import { memo } from 'react';
import { useChartHeight } from 'recharts';
import { usePlot } from './plot';
import { labelledTicks, placedTicks } from './scale';

/** Length of a tick mark and the gap between it and its label, px. */
const TICK_PX = 6;
const LABEL_GAP_PX = 2;
/** The least distance between two labels of a log y axis, px (a label is one line of text). */
const Y_LABEL_PX = 14;

/**
 * The chart's two axes as plain SVG: a line along the plot, a mark at each tick and its label
 * (every given tick is labelled; a log axis leaves out labels that would overlap), and the x
 * axis' title inside its end, on the chart's bottom edge. Labels are written once, without measuring them in the page.
 */
export const FrameAxes = memo(function FrameAxes() {
  const plot = usePlot();
  const height = useChartHeight();
  if (!plot) return null;
  const { area, frame } = plot;
  const left = area.x;
  const right = area.x + area.width;
  const top = area.y;
  const bottom = area.y + area.height;
  const xTicks = placedTicks(frame.x.ticks, plot.x, left, right);
  const yTicks = placedTicks(frame.y.log ? labelledTicks(frame.y.ticks, plot.y, Y_LABEL_PX) : frame.y.ticks, plot.y, top, bottom);
  return (
    <g className="chart-axes" stroke="var(--muted)" fill="var(--muted)">
      <g className="chart-axis chart-axis-x">
        <line x1={left} x2={right} y1={bottom} y2={bottom} />
        {xTicks.map(({ tick, at }) => (
          <g key={tick} className="chart-tick">
            <line x1={at} x2={at} y1={bottom} y2={bottom + TICK_PX} />
            <text x={at} y={bottom + TICK_PX + LABEL_GAP_PX} dy="0.71em" textAnchor="middle" stroke="none">
              {frame.x.format(tick)}
            </text>
          </g>
        ))}
        {frame.x.title && height !== undefined && (
          <text className="chart-axis-title" x={right + 2} y={height - 2} textAnchor="end" stroke="none" fontSize={11}>
            {frame.x.title}
          </text>
        )}
      </g>
      <g className="chart-axis chart-axis-y">
        <line x1={left} x2={left} y1={top} y2={bottom} />
        {yTicks.map(({ tick, at }) => (
          <g key={tick} className="chart-tick">
            <line x1={left - TICK_PX} x2={left} y1={at} y2={at} />
            <text x={left - TICK_PX - LABEL_GAP_PX} y={at} dy="0.355em" textAnchor="end" stroke="none">
              {frame.y.format(tick)}
            </text>
          </g>
        ))}
      </g>
    </g>
  );
});
