import { createContext, useContext, useMemo } from 'react';
import { usePlotArea } from 'recharts';
import { scaleOf, type Scale } from './scale';

/** A dashed vertical line across the plot, e.g. where the input ends or the test period starts. */
export interface FrameMarker {
  x: number;
  label?: string;
}

/** A numeric axis of a live chart: its range and the ticks to draw there. */
export interface AxisOptions {
  domain: readonly [number, number];
  ticks: readonly number[];
  /** How a tick is written. */
  format: (value: number) => string;
  /** A title inside the axis' end (e.g. "samples seen"); x axis only. */
  title?: string | undefined;
  /** A log scale (the ticks' labels are thinned where they would overlap). */
  log?: boolean | undefined;
}

/** What a live chart's frame shows: its two axes and an optional marker line. */
export interface Frame {
  x: AxisOptions;
  y: AxisOptions;
  marker?: FrameMarker | undefined;
}

export interface Plot {
  /** The plot area inside the axes, px. */
  area: { x: number; y: number; width: number; height: number };
  x: Scale;
  y: Scale;
  frame: Frame;
}

export const FrameContext = createContext<Frame | null>(null);

/**
 * The plot area (from recharts, which sizes the chart to its box) and the scales of the chart's
 * frame over it; null until both are known.
 */
export function usePlot(): Plot | null {
  const frame = useContext(FrameContext);
  const area = usePlotArea();
  const left = area?.x;
  const top = area?.y;
  const width = area?.width;
  const height = area?.height;
  return useMemo(() => {
    if (!frame || left === undefined || top === undefined || width === undefined || height === undefined || !(width > 0) || !(height > 0)) return null;
    return {
      area: { x: left, y: top, width, height },
      x: scaleOf(frame.x.domain, [left, left + width], frame.x.log),
      y: scaleOf(frame.y.domain, [top + height, top], frame.y.log),
      frame,
    };
  }, [frame, left, top, width, height]);
}
