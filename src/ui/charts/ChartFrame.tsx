import { memo, useMemo, type ReactElement } from 'react';
import { LineChart } from 'recharts';
import { FrameAxes } from './FrameAxes';
import { FrameGrid } from './FrameGrid';
import { ChartLinesContext, LiveLines, type ChartLines } from './LiveLines';
import { FrameContext, type Frame } from './plot';
import { useBoxSize } from './useBoxSize';

/** A chart's recharts element for its size and these margins (axes included): built once per size. */
function chartOf(width: number, height: number, top: number, right: number, bottom: number, left: number): ReactElement {
  return (
    <LineChart width={width} height={height} margin={{ top, right, bottom, left }}>
      <FrameGrid />
      <FrameAxes />
      <LiveLines />
    </LineChart>
  );
}

interface Props {
  /** The frame; null draws the empty chart (its size is set, nothing inside yet). */
  frame: Frame | null;
  lines: ChartLines;
  /** Space around the plot beyond the axes, px. */
  margin: { top: number; right: number; bottom: number; left: number };
  /** The axes' sizes, px, known before the frame is drawn. */
  xSize: number;
  ySize: number;
}

/**
 * A live chart: it fills its box (sized by the page's CSS), recharts draws the surface at that size
 * and gives the plot area; the frame (axes,
 * ticks, grid, marker) and the lines are plain SVG drawn with the chart's own scales. While a
 * model trains, a new domain re-renders those parts alone: with recharts' axes, every rescale
 * re-registered the axis with recharts' store and recomputed its selectors, 10–14 ms of the main
 * thread each time. Callers memoise `frame` and `lines` on their inputs.
 */
export const LiveChart = memo(function LiveChart({ frame, lines, margin, xSize, ySize }: Props) {
  const { top, right, bottom, left } = margin;
  const [box, size] = useBoxSize();
  const width = size?.width ?? 0;
  const height = size?.height ?? 0;
  // The chart element never changes while its sizes stay: recharts re-registers its root options
  // (and recomputes everything) when the LineChart's props change.
  const chart = useMemo(
    () => (width > 0 && height > 0 ? chartOf(width, height, top, right, bottom + xSize, left + ySize) : null),
    [width, height, top, right, bottom, left, xSize, ySize],
  );
  return (
    <div ref={box} className="live-chart">
      <FrameContext.Provider value={frame}>
        <ChartLinesContext.Provider value={lines}>{chart}</ChartLinesContext.Provider>
      </FrameContext.Provider>
    </div>
  );
});
