import { useMemo } from 'react';
import type { HorizonErrors } from '../../experiments/closedLoop';
import { extentOf, integerTicks, niceAxis } from '../charts/domain';
import type { ChartLine } from '../charts/LiveLines';
import { SeriesChart } from '../charts/SeriesChart';
import { formatTick } from '../format';
import { describeErrors, horizonSteps } from './describe';
import './forecast.css';

interface Props {
  errors: HorizonErrors;
  /** What the errors are averaged over, e.g. "over 32 fresh waves". */
  caption: string;
  format: (value: number) => string;
  testId: string;
}

/** Error ticks: two significant digits below 1 (0.018, 0.009), the page's short ticks above. */
const errorTick = (value: number) => (Math.abs(value) >= 1 || value === 0 ? formatTick(value) : String(Number(value.toPrecision(2))));

/** The table's rows, in its order, and how each is drawn; `layer` stacks the lines (the closed loop on top). */
const ROWS = [
  { key: 'open', label: 'open loop', color: 'var(--series-1)', width: 1.5, dash: '5 3', layer: 1 },
  { key: 'closed', label: 'closed loop', color: 'var(--series-2)', width: 2, dash: undefined, layer: 2 },
  { key: 'naive', label: 'repeat last value', color: 'var(--muted)', width: 1, dash: '2 3', layer: 0 },
] as const;

const stepsAhead = (h: number) => `${h} step${h === 1 ? '' : 's'} ahead`;

/** One line per row of the table. */
function linesOf(errors: HorizonErrors): ChartLine[] {
  return [...ROWS]
    .sort((a, b) => a.layer - b.layer)
    .map(({ key, label, color, width, dash }) => ({
      key,
      label,
      color,
      width,
      ...(dash ? { dash } : {}),
      points: errors[key].map((y, h) => ({ x: h + 1, y })),
    }));
}

/** The error of each continuation as a function of the steps after the input: a small chart and a table at a few steps. */
export function HorizonErrorsView({ errors, caption, format, testId }: Props) {
  const horizon = errors.open.length;
  const lines = useMemo(() => linesOf(errors), [errors]);
  const yAxis = niceAxis(0, Math.max(0, extentOf(lines).maxY), 3);
  const steps = horizonSteps(horizon);
  const name = errors.kind === 'mae' ? 'Mean absolute error' : 'Root mean squared error';
  return (
    <figure className="horizon-figure" data-testid={testId}>
      <figcaption className="view-caption">
        {name} by steps after the input, {caption}.
      </figcaption>
      <div className="horizon-chart" role="img" aria-label={describeErrors(errors, format)}>
        <SeriesChart
          lines={lines}
          x={{ domain: [1, Math.max(2, horizon)], ticks: integerTicks(1, horizon), title: 'steps ahead', size: 32 }}
          y={{ ...yAxis, tick: errorTick, size: 52 }}
          formatX={stepsAhead}
        />
      </div>
      <div className="table-scroll" tabIndex={0} role="group" aria-label="Error at a few steps ahead">
        <table className="horizon-table">
          <thead>
            <tr>
              <th scope="col">steps ahead</th>
              {steps.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  <span className={`swatch swatch-${row.key}`} aria-hidden="true" /> {row.label}
                </th>
                {steps.map((h) => (
                  <td key={h}>{format(errors[row.key][h - 1] ?? Number.NaN)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
