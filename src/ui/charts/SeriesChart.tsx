import { memo, useMemo } from 'react';
import { formatTick } from '../format';
import { ticksThatFit, ticksWithin } from './domain';
import { FrameGrid, type FrameMarker } from './FrameGrid';
import { chartOf, FramePartsContext, xAxisOf, yAxisOf } from './ChartFrame';
import { ChartLinesContext, type ChartLine } from './LiveLines';
import { useMountStages } from './mountQueue';

export interface ChartAxis {
  domain: readonly [number, number];
  /** A title drawn inside the axis' end (e.g. "step"). */
  title?: string;
  tick?: (value: number) => string;
  /** Whole numbers only (steps, horizons). */
  integer?: boolean;
  tickCount?: number;
  /** The ticks to draw (e.g. niceAxis' multiples of a round interval); recharts picks them when absent. */
  ticks?: readonly number[];
  /** Height of the x axis or width of the y axis, in px. */
  size?: number;
}

/** The lines before the axes have mounted: none, so none is drawn with a scale not yet set. */
const NO_LINES: ChartLine[] = [];
/** Built once: the frame and the lines reach it through contexts. */
const CHART = chartOf({ top: 8, right: 16, bottom: 4, left: 0 });

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
 * trains. recharts draws the frame (grid, axes, marker), memoised on the axes' domains and
 * formats, so it renders again only when they change; the lines are LiveLines paths drawn with
 * recharts' scales. Callers keep `tick` and `formatX` stable (module functions or memoised) and
 * pick domains that move rarely (see niceAxis).
 */
export const SeriesChart = memo(function SeriesChart({ lines, x, y, marker, formatX }: Props) {
  const [x0, x1] = x.domain;
  const [y0, y1] = y.domain;
  // The grid needs the ticks: where a caller gives none, they are chosen here, as many as fit.
  const xTicks = (x.ticks ?? ticksThatFit(x.domain, x.integer === true, x.tickCount ?? 5, x.tick ?? formatTick)).join(' ');
  const yTicks = (y.ticks ?? ticksWithin(y.domain, y.integer === true, y.tickCount ?? 5)).join(' ');
  // Each part of the frame is its own element, rebuilt only when its own inputs change: recharts
  // re-registers an axis whenever the axis re-renders, and every registration recomputes the
  // chart's selectors.
  const xTickList = useMemo(() => (xTicks ? xTicks.split(' ').map(Number) : []), [xTicks]);
  const yTickList = useMemo(() => (yTicks ? yTicks.split(' ').map(Number) : []), [yTicks]);
  const xAxis = useMemo(
    () => xAxisOf({ domain: [x0, x1], ticks: xTickList, size: x.size ?? 36, format: x.tick, allowDecimals: !x.integer, title: x.title }),
    [x0, x1, x.title, x.tick, x.integer, x.size, xTickList],
  );
  const yAxis = useMemo(
    () => yAxisOf({ domain: [y0, y1], ticks: yTickList, size: y.size ?? 48, format: y.tick ?? formatTick, allowDecimals: !y.integer }),
    [y0, y1, y.tick, y.integer, y.size, yTickList],
  );
  const grid = useMemo(
    () => <FrameGrid xTicks={xTickList} yTicks={yTickList} marker={marker} />,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [xTickList, yTickList, marker?.x, marker?.label],
  );
  // The chart mounts in three tasks of its own, each after the previous one was drawn (the box keeps
  // its size meanwhile): recharts' store and the chart's size, then the axes and the lines, then the
  // grid. In one task, recharts' first render of a chart took 25–30 ms of the main thread.
  const stage = useMountStages(3);
  const parts = useMemo(
    () => ({ xAxis: stage >= 2 ? xAxis : null, yAxis: stage >= 2 ? yAxis : null, grid: stage >= 3 ? grid : null }),
    [stage, xAxis, yAxis, grid],
  );
  const context = useMemo(() => ({ lines: stage >= 2 ? lines : NO_LINES, formatX }), [stage, lines, formatX]);
  return stage >= 1 ? (
    <FramePartsContext.Provider value={parts}>
      <ChartLinesContext.Provider value={context}>{CHART}</ChartLinesContext.Provider>
    </FramePartsContext.Provider>
  ) : null;
});
