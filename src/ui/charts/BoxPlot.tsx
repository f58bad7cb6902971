import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { formatTick } from '../format';
import { boxPlotLayout, type BoxGroupInput, type Frame } from './boxPlotGeometry';

const PALETTE = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)', 'var(--series-5)'];
const MARGIN: Frame['margin'] = { top: 12, right: 12, bottom: 44, left: 56 };
const HEIGHT = 260;
const DEFAULT_WIDTH = 560;

/** The element's width in CSS pixels, followed as it resizes (so the plot's text keeps its size on a phone). */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(Math.min(DEFAULT_WIDTH, Math.max(240, measured)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export const seriesColor = (series: number): string => PALETTE[series % PALETTE.length] ?? 'currentColor';

interface Props {
  groups: readonly BoxGroupInput[];
  /** The value axis: the score. */
  yLabel: string;
  /** The group axis: the first knob. */
  xLabel: string;
  /** With two knobs: the second knob's name and its values (one colour each). */
  legend?: { title: string; labels: readonly string[] };
  /** What the plot shows, in words (the table next to it has the numbers). */
  description: string;
}

/**
 * A box-and-whisker plot in SVG: per group (first knob's value) one box per series (second knob's
 * value), Q1–Q3 with the median, whiskers to min and max, and every run's score as a dot.
 */
export function BoxPlot({ groups, yLabel, xLabel, legend, description }: Props) {
  const figure = useRef<HTMLElement>(null);
  const width = useWidth(figure);
  const frame = useMemo<Frame>(() => ({ width, height: HEIGHT, margin: MARGIN }), [width]);
  const layout = useMemo(() => boxPlotLayout(groups, frame), [groups, frame]);
  const { margin, height } = frame;
  const bottom = height - margin.bottom;
  return (
    <figure className="box-plot" ref={figure}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={description} data-testid="box-plot">
        {layout.ticks.map((tick) => (
          <g key={tick.value}>
            <line className="box-plot-grid" x1={margin.left} x2={width - margin.right} y1={tick.y} y2={tick.y} />
            <text className="box-plot-tick" x={margin.left - 6} y={tick.y} textAnchor="end" dominantBaseline="middle">
              {formatTick(tick.value)}
            </text>
          </g>
        ))}
        <line className="box-plot-axis" x1={margin.left} x2={width - margin.right} y1={bottom} y2={bottom} />
        {layout.groups.map((group) => (
          <text key={group.label} className="box-plot-tick" x={group.x} y={bottom + 16} textAnchor="middle">
            {group.label}
          </text>
        ))}
        <text className="box-plot-label" x={margin.left + (width - margin.left - margin.right) / 2} y={height - 6} textAnchor="middle">
          {xLabel}
        </text>
        <text className="box-plot-label" transform={`translate(14 ${margin.top + (bottom - margin.top) / 2}) rotate(-90)`} textAnchor="middle">
          {yLabel}
        </text>
        {layout.boxes.map((box) => {
          const color = seriesColor(box.series);
          const left = box.x - box.width / 2;
          return (
            <g key={`${box.group}-${box.series}`} className="box-plot-box" data-testid="box" stroke={color}>
              <title>{box.label}</title>
              <line x1={box.x} x2={box.x} y1={box.max} y2={box.q3} />
              <line x1={box.x} x2={box.x} y1={box.q1} y2={box.min} />
              <line x1={box.x - box.width / 4} x2={box.x + box.width / 4} y1={box.max} y2={box.max} />
              <line x1={box.x - box.width / 4} x2={box.x + box.width / 4} y1={box.min} y2={box.min} />
              <rect x={left} width={box.width} y={box.q3} height={Math.max(1, box.q1 - box.q3)} fill={color} fillOpacity={0.2} />
              <line className="box-plot-median" x1={left} x2={left + box.width} y1={box.median} y2={box.median} />
              {box.points.map((y, i) => (
                <circle key={i} cx={box.x} cy={y} r={2.5} fill={color} stroke="none" />
              ))}
            </g>
          );
        })}
      </svg>
      {legend && (
        <figcaption>
          <ul className="chart-legend" aria-label={legend.title}>
            <li>{legend.title}:</li>
            {legend.labels.map((label, i) => (
              <li key={label}>
                <span className="swatch" style={{ background: seriesColor(i) }} />
                {label}
              </li>
            ))}
          </ul>
        </figcaption>
      )}
    </figure>
  );
}
