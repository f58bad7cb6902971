import { createContext, useContext, type ReactElement } from 'react';
import { LineChart, ResponsiveContainer } from 'recharts';
import { LiveLines } from './LiveLines';

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
