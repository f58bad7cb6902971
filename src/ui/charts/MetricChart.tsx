import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { downsample, smooth, type ChartPoint, type Series } from '../../state/series';
import { formatCompact, formatTick, METRIC_LABELS } from '../format';

export interface ChartRun {
  key: string;
  label: string;
  series: Series;
  current: boolean;
}

interface Props {
  metric: string;
  runs: ChartRun[];
  smoothing: number;
  logScale: boolean;
  /** Changes whenever a series grew (series are appended in place). */
  version: number;
}

const MAX_POINTS = 200;
/**
 * The current run's line keeps one key across runs (and is mounted, empty, before the first):
 * recharts then only receives new points instead of registering a new series while training starts.
 */
const CURRENT = 'current';
const PALETTE = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)', 'var(--series-5)'];

function curve(series: Series, metric: string, smoothing: number, logScale: boolean): ChartPoint[] {
  const index = series.metricNames.indexOf(metric);
  const column = series.values[index];
  if (!column) return [];
  const points = downsample(series.samples, smooth(column, smoothing), MAX_POINTS);
  return logScale ? points.filter((p) => p.y > 0) : points;
}

/** One metric against samples seen, for the current run and earlier runs kept for comparison. */
export const MetricChart = memo(function MetricChart({ metric, runs, smoothing, logScale, version }: Props) {
  const lines = useMemo(
    () =>
      runs.length === 0
        ? [{ key: CURRENT, label: 'this run', current: true, points: [] }]
        : runs.map((run) => ({
            key: run.current ? CURRENT : run.key,
            label: run.label,
            current: run.current,
            points: curve(run.series, metric, smoothing, logScale),
          })),
    // `version` marks in-place growth of the series.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [runs, metric, smoothing, logScale, version],
  );
  const label = METRIC_LABELS[metric] ?? metric;
  const current = lines.find((l) => l.current)?.points;
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
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
            <XAxis
              dataKey="x"
              type="number"
              domain={[0, 'dataMax']}
              tickFormatter={formatCompact}
              stroke="var(--muted)"
              allowDuplicatedCategory={false}
              label={{ value: 'samples seen', position: 'insideBottomRight', offset: -2, fill: 'var(--muted)', fontSize: 11 }}
              height={36}
            />
            <YAxis
              type="number"
              scale={logScale ? 'log' : 'linear'}
              domain={logScale ? ['auto', 'auto'] : metric === 'acc' ? [0, 1] : [0, 'auto']}
              allowDataOverflow={logScale}
              tickFormatter={formatTick}
              stroke="var(--muted)"
              width={44}
            />
            <Tooltip
              formatter={(value) => (typeof value === 'number' ? formatCompact(value) : String(value))}
              labelFormatter={(x) => `${formatCompact(Number(x))} samples`}
              contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)' }}
            />
            {lines.length > 1 && <Legend />}
            {lines.map(({ key, label, current, points }, i) => (
              <Line
                key={key}
                data={points}
                dataKey="y"
                name={label}
                stroke={PALETTE[i % PALETTE.length]}
                strokeWidth={current ? 2 : 1.25}
                strokeOpacity={current ? 1 : 0.55}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});
