import { memo, useMemo } from 'react';
import { formatTick } from '../format';
import { ticksThatFit, ticksWithin } from './domain';
import { LiveChart } from './ChartFrame';
import type { ChartLine } from './LiveLines';
import type { AxisOptions, Frame, FrameMarker } from './plot';
import { useMountStages } from './mountQueue';

export interface ChartAxis {
  domain: readonly [number, number];
  /** A title drawn inside the axis' end (e.g. "step"). */
  title?: string;
  tick?: (value: number) => string;
  /** Whole numbers only (steps, horizons). */
  integer?: boolean;
  tickCount?: number;
  /** The ticks to draw (e.g. niceAxis' multiples of a round interval); chosen to fit when absent. */
  ticks?: readonly number[];
  /** Height of the x axis or width of the y axis, in px. */
  size?: number;
}

const MARGIN = { top: 8, right: 16, bottom: 4, left: 0 };

interface Props {
  lines: ChartLine[];
  x: ChartAxis;
  y: ChartAxis;
  /** A dashed vertical line, e.g. where the input ends or the test period starts. */
  marker?: FrameMarker;
  /** How the pointer readout writes an x value. */
  formatX: (x: number) => string;
}

/**
 * Lines against a numeric x axis, for views that redraw several times a second while a model
 * trains. The frame (grid, axes, marker) is memoised on the axes' domains and formats, so it
 * renders again only when they change; the lines are paths drawn with the same scales. Callers
 * keep `tick` and `formatX` stable (module functions or memoised) and pick domains that move
 * rarely (see niceAxis).
 */
export const SeriesChart = memo(function SeriesChart({ lines, x, y, marker, formatX }: Props) {
  const [x0, x1] = x.domain;
  const [y0, y1] = y.domain;
  const xSize = x.size ?? 36;
  const ySize = y.size ?? 48;
  // Where a caller gives no ticks, they are chosen here, as many as fit.
  const xTicks = (x.ticks ?? ticksThatFit(x.domain, x.integer === true, x.tickCount ?? 5, x.tick ?? formatTick)).join(' ');
  const yTicks = (y.ticks ?? ticksWithin(y.domain, y.integer === true, y.tickCount ?? 5)).join(' ');
  const xAxis = useMemo<AxisOptions>(
    () => ({ domain: [x0, x1], ticks: xTicks ? xTicks.split(' ').map(Number) : [], format: x.tick ?? formatTick, title: x.title }),
    [x0, x1, xTicks, x.tick, x.title],
  );
  const yAxis = useMemo<AxisOptions>(
    () => ({ domain: [y0, y1], ticks: yTicks ? yTicks.split(' ').map(Number) : [], format: y.tick ?? formatTick }),
    [y0, y1, yTicks, y.tick],
  );
  // The chart mounts in two tasks of its own, the second after the first was drawn (the box keeps
  // its size meanwhile): recharts' store and the chart's size, then the frame and the lines.
  const stage = useMountStages(2);
  const markerX = marker?.x;
  const markerLabel = marker?.label;
  const frame = useMemo<Frame | null>(
    () => (stage >= 2 ? { x: xAxis, y: yAxis, marker: markerX === undefined ? undefined : { x: markerX, ...(markerLabel === undefined ? {} : { label: markerLabel }) } } : null),
    [stage, xAxis, yAxis, markerX, markerLabel],
  );
  // The lines are drawn once the frame is there (their scales are the frame's).
  const context = useMemo(() => ({ lines, formatX }), [lines, formatX]);
  return stage >= 1 ? <LiveChart frame={frame} lines={context} margin={MARGIN} xSize={xSize} ySize={ySize} /> : null;
});
