import { createContext, useContext, type ReactElement } from 'react';
import { LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { LiveLines } from './LiveLines';
import { PlainTick } from './PlainTick';

/**
 * The parts of a chart's frame, each an element its chart memoises on its own inputs: the x axis,
 * the y axis and the grid.
 */
export interface FrameParts {
  xAxis: ReactElement | null;
  yAxis: ReactElement | null;
  grid: ReactElement | null;
}

/**
 * The parts reach recharts' tree through this context, not as children of a new LineChart: the
 * chart element itself never changes (see chartOf), so recharts does not re-register its root
 * options, and a new x axis re-renders the x axis alone. Every re-render of an axis re-registers
 * it with recharts' store, and every registration recomputes the chart's selectors.
 */
export const FramePartsContext = createContext<FrameParts | null>(null);

const XAxisPart = () => useContext(FramePartsContext)?.xAxis ?? null;
const YAxisPart = () => useContext(FramePartsContext)?.yAxis ?? null;
const GridPart = () => useContext(FramePartsContext)?.grid ?? null;

/** A chart's element, built once per margin: its frame follows FramePartsContext, its lines ChartLinesContext. */
export function chartOf(margin: { top: number; right: number; bottom: number; left: number }): ReactElement {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart margin={margin}>
        <XAxisPart />
        <YAxisPart />
        <GridPart />
        <LiveLines />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** A numeric axis of a live chart: its range and the ticks to draw there, all of them labelled. */
export interface AxisOptions {
  domain: readonly [number, number];
  ticks: number[];
  /** Height of an x axis or width of a y axis, px. */
  size: number;
  /** How a tick is written; recharts' own when absent. */
  format?: ((value: number) => string) | undefined;
  /** Whether ticks may fall between whole numbers (true when absent). */
  allowDecimals?: boolean;
}

/**
 * Props both axes share. The ticks are given, so recharts need not work out its own "nice" ones
 * (Decimal.js, on every domain change), and they are few enough to fit: every one is drawn
 * (interval 0), without recharts measuring each label in the page (a forced layout).
 */
function axisProps({ domain, ticks, format, allowDecimals = true }: AxisOptions) {
  return {
    tick: PlainTick,
    niceTicks: 'none',
    type: 'number',
    domain: [domain[0], domain[1]],
    ticks,
    interval: 0,
    allowDataOverflow: true,
    allowDecimals,
    stroke: 'var(--muted)',
    ...(format ? { tickFormatter: format } : {}),
  } as const;
}

/**
 * An axis title at the end of the x axis, as one plain SVG <text>: recharts' own label is its
 * <Text>, which measures the title's words in the page to wrap them within the axis and works
 * out its offsets by parsing CSS calc() strings, 4–5 ms whenever the axis renders.
 */
function AxisTitle({ x, y, value }: { x?: number | string; y?: number | string; value?: unknown }) {
  return (
    <text className="chart-axis-title" x={x} y={y} textAnchor="end" fill="var(--muted)" fontSize={11}>
      {String(value ?? '')}
    </text>
  );
}

/** The x axis of a live chart, with an optional title inside its end (e.g. "samples seen"). */
export function xAxisOf(options: AxisOptions & { title?: string | undefined }): ReactElement {
  const label = options.title ? ({ value: options.title, position: 'insideBottomRight', offset: -2, content: AxisTitle } as const) : undefined;
  return <XAxis {...axisProps(options)} dataKey="x" height={options.size} {...(label ? { label } : {})} />;
}

/**
 * The y axis of a live chart, linear or log. A log axis may get many ticks (1, 2, 5 × 10^k):
 * recharts thins their labels.
 */
export function yAxisOf(options: AxisOptions & { log?: boolean }): ReactElement {
  return <YAxis {...axisProps(options)} width={options.size} scale={options.log ? 'log' : 'linear'} {...(options.log ? { interval: 'preserveEnd' } : {})} />;
}
