import { memo, useMemo } from 'react';
import { LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatTick } from '../format';
import { ticksWithin } from './domain';
import { FrameGrid, type FrameMarker } from './FrameGrid';
import { PlainTick } from './PlainTick';
import { ChartLinesContext, LiveLines, type ChartLine } from './LiveLines';
import { useTurnToMount } from './mountQueue';

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
  // The grid needs the ticks: where a caller gives none, they are chosen here (as recharts would).
  const xGiven = x.ticks !== undefined;
  const xTicks = (x.ticks ?? ticksWithin(x.domain, x.integer === true, x.tickCount ?? 5)).join(' ');
  const yTicks = (y.ticks ?? ticksWithin(y.domain, y.integer === true, y.tickCount ?? 5)).join(' ');
  const chart = useMemo(
    () => {
      const xTickList = xTicks ? xTicks.split(' ').map(Number) : [];
      const yTickList = yTicks ? yTicks.split(' ').map(Number) : [];
      return (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <XAxis
              tick={PlainTick}
              dataKey="x"
              type="number"
              domain={[x0, x1]}
              allowDataOverflow
              allowDecimals={!x.integer}
              stroke="var(--muted)"
              height={x.size ?? 36}
              ticks={xTickList}
              // Given ticks are few and round: all are drawn, without recharts measuring each label in the page (a forced layout).
              // Chosen ones (under dates, say) may be wide: recharts leaves out those that would overlap.
              {...(xGiven ? { interval: 0 } : {})}
              {...(x.tick ? { tickFormatter: x.tick } : {})}
              {...(x.title ? { label: { value: x.title, position: 'insideBottomRight', offset: -2, fill: 'var(--muted)', fontSize: 11 } } : {})}
            />
            <YAxis
              tick={PlainTick}
              type="number"
              domain={[y0, y1]}
              allowDataOverflow
              allowDecimals={!y.integer}
              stroke="var(--muted)"
              width={y.size ?? 48}
              interval={0}
              ticks={yTickList}
              tickFormatter={y.tick ?? formatTick}
            />
            <FrameGrid xTicks={xTickList} yTicks={yTickList} marker={marker} />
            <LiveLines />
          </LineChart>
        </ResponsiveContainer>
      );
    },
    // The frame depends on the axes' values, not on the identity of the objects holding them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [x0, x1, y0, y1, x.title, x.tick, x.integer, x.size, xGiven, xTicks, y.title, y.tick, y.integer, y.size, yTicks, marker?.x, marker?.label],
  );
  const context = useMemo(() => ({ lines, formatX }), [lines, formatX]);
  // The frame mounts in a task of its own (the box keeps its size meanwhile).
  const ready = useTurnToMount();
  return ready ? <ChartLinesContext.Provider value={context}>{chart}</ChartLinesContext.Provider> : null;
});
