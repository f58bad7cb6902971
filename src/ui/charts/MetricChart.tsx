import { memo, useMemo } from 'react';
import { downsampleGrowing } from '../../state/downsampleGrowing';
import { downsample, downsampleAt, finitePointsOf, type ChartPoint, type Curves } from '../../state/series';
import { formatCompact, formatTick, METRIC_LABELS } from '../format';
import { ChartLegend } from './ChartLegend';
import { extentOf, logDomain, logTicks, niceAxis, niceCeil } from './domain';
import { LiveChart } from './ChartFrame';
import type { ChartLine } from './LiveLines';
import type { Frame } from './plot';

export interface ChartRun {
  key: string;
  label: string;
  series: Curves;
  current: boolean;
  /** Samples the run trains on in all (0 when unknown). */
  totalSamples: number;
}

interface Props {
  metric: string;
  runs: ChartRun[];
  smoothing: number;
  logScale: boolean;
  /** Changes whenever a series grew (series are appended in place). */
  version: number;
  /** A legend naming the runs (when there are several); off for many alike runs. */
  legend?: boolean;
}

const MAX_POINTS = 200;
const samplesSeen = (x: number) => `${formatCompact(x)} samples`;
const PALETTE = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)', 'var(--series-5)'];

function curve(series: Curves, metric: string, smoothing: number, logScale: boolean): ChartPoint[] {
  const index = series.metricNames.indexOf(metric);
  const column = series.values[index];
  if (!column) return [];
  const points = downsampleGrowing(series, index, smoothing, MAX_POINTS);
  return logScale ? points.filter((p) => p.y > 0) : points;
}

/** A validation metric's points: only where it was scored (NaN elsewhere), unsmoothed. */
function scoredCurve(series: Curves, metric: string, logScale: boolean): ChartPoint[] {
  const index = series.metricNames.indexOf(metric);
  const column = series.values[index];
  if (!column) return [];
  // Where the series tallied its scored points, read those alone; else a pass over the column.
  const at = finitePointsOf(series, index);
  const points = (at ? downsampleAt(series.samples, column, at, MAX_POINTS) : downsample(series.samples, column, MAX_POINTS)).filter((p) => Number.isFinite(p.y));
  return logScale ? points.filter((p) => p.y > 0) : points;
}

const MARGIN = { top: 8, right: 24, bottom: 4, left: 0 };
const X_SIZE = 36;
const Y_SIZE = 44;

/**
 * One metric against samples seen, for the current run and earlier runs kept for comparison.
 * The frame (axes, ticks, grid) follows domains that change only a few times per run; the curves
 * are drawn by LiveLines with the same scales, so streaming points costs a path update, not a
 * re-render of the whole chart.
 */
export const MetricChart = memo(function MetricChart({ metric, runs, smoothing, logScale, version, legend = true }: Props) {
  const lines = useMemo<ChartLine[]>(
    () =>
      runs.flatMap((run, i) => {
        const color = PALETTE[i % PALETTE.length] ?? 'currentColor';
        const style = run.current ? { width: 2, opacity: 1 } : { width: 1.25, opacity: 0.55 };
        const line: ChartLine = { key: run.key, label: run.label, current: run.current, color, ...style, points: curve(run.series, metric, smoothing, logScale) };
        // Scored once per epoch on held-out data: drawn unsmoothed, dashed, in its run's colour.
        const validation = `val_${metric}`;
        if (!run.series.metricNames.includes(validation)) return [line];
        const points = scoredCurve(run.series, validation, logScale);
        // Before its first check a validation curve has nothing to draw, and no legend entry either.
        if (points.length === 0) return [line];
        return [line, { key: `${run.key}-val`, label: `${run.label}, validation`, current: run.current, color, ...style, dash: '5 3', points }];
      }),
    // `version` marks in-place growth of the series.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [runs, metric, smoothing, logScale, version],
  );

  const extent = extentOf(lines);
  // The x axis starts at an eighth of the run: it rescales a few times per run, not per point.
  const total = Math.max(0, ...runs.map((run) => run.totalSamples));
  const xMax = niceCeil(Math.max(extent.maxX, total / 8));
  const yLow = logScale ? logDomain(extent.minY, extent.maxY)[0] : 0;
  const yHigh = logScale ? logDomain(extent.minY, extent.maxY)[1] : metric === 'acc' ? 1 : niceCeil(extent.maxY);
  // The ends are 1, 2, 4 or 8 × 10^k: four intervals give round ticks.
  const frame = useMemo<Frame>(
    () => ({
      x: { domain: [0, xMax], ticks: niceAxis(0, xMax).ticks, format: formatCompact, title: 'samples seen' },
      y: { domain: [yLow, yHigh], ticks: logScale ? logTicks(yLow, yHigh) : niceAxis(yLow, yHigh).ticks, format: formatTick, log: logScale },
    }),
    [xMax, logScale, yLow, yHigh],
  );
  const context = useMemo(() => ({ lines, formatX: samplesSeen }), [lines]);
  const label = METRIC_LABELS[metric] ?? metric;
  const current = (lines.find((l) => l.current) ?? lines[0])?.points;
  const last = current?.at(-1);
  const description = last && current
    ? `${label} chart: ${current.length} points; latest ${formatCompact(last.y)} after ${formatCompact(last.x)} samples.`
    : `${label} chart: no data yet.`;
  return (
    <figure className="metric-chart" data-testid={`chart-${metric}`} data-points={current?.length ?? 0}>
      <figcaption>
        {label}
        {last && <span className="latest"> · latest {formatCompact(last.y)}</span>}
      </figcaption>
      <div className="chart-box" role="img" aria-label={description}>
        <LiveChart frame={frame} lines={context} margin={MARGIN} xSize={X_SIZE} ySize={Y_SIZE} />
      </div>
      {legend && lines.length > 1 && <ChartLegend lines={lines} label={`${label} runs`} />}
    </figure>
  );
});
