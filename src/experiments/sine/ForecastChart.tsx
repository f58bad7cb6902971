import { useMemo } from 'react';
import { ChartLegend } from '../../ui/charts/ChartLegend';
import { extentOf, integerTicks, niceAxis } from '../../ui/charts/domain';
import type { ChartLine } from '../../ui/charts/LiveLines';
import { SeriesChart } from '../../ui/charts/SeriesChart';
import type { SinePreview } from './experiment';

/** The wave's values lie in [0, 1]; the axis widens only when a forecast leaves that range. */
const UNIT = [0, 1] as const;
const stepName = (t: number) => `step ${t}`;

/** The input tail, the true next values (joined to the last input value) and the forecast, as chart lines. */
export function forecastLines({ tail, tailStart, expected, predicted }: SinePreview): ChartLine[] {
  const input = tail.map((y, i) => ({ x: tailStart + i, y }));
  const first = tailStart + tail.length;
  const last = input.at(-1);
  const truth = expected.map((y, i) => ({ x: first + i, y }));
  return [
    { key: 'input', label: 'input', color: 'var(--series-5)', width: 1.5, dot: 1.5, points: input },
    { key: 'expected', label: 'true next values', color: 'var(--series-3)', width: 2, dot: 2.5, points: last ? [{ ...last }, ...truth] : truth },
    { key: 'predicted', label: 'predicted', color: 'var(--series-2)', width: 2, dot: 3, current: true, points: predicted.map((y, i) => ({ x: first + i, y })) },
  ];
}

/** The input tail, the true continuation and the network's forecast on one chart, with its text alternative and legend. */
export function ForecastChart({ preview, description }: { preview: SinePreview; description: string }) {
  const lines = useMemo(() => forecastLines(preview), [preview]);
  const { minY, maxY } = extentOf(lines);
  const yAxis = niceAxis(minY, maxY, 4, UNIT);
  const end = preview.tailStart + preview.tail.length + preview.expected.length - 1;
  return (
    <figure className="sine-figure">
      <div className="sine-chart" data-testid="sine-chart" role="img" aria-label={description}>
        <SeriesChart
          lines={lines}
          x={{ domain: [preview.tailStart, Math.max(end, preview.tailStart + 1)], ticks: integerTicks(preview.tailStart, end), title: 'step' }}
          y={{ ...yAxis, size: 44 }}
          formatX={stepName}
        />
      </div>
      <ChartLegend lines={lines} label="Forecast chart lines" />
    </figure>
  );
}
