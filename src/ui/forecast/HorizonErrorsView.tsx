import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { HorizonErrors } from '../../experiments/closedLoop';
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

const ROWS = [
  { key: 'open', label: 'open loop' },
  { key: 'closed', label: 'closed loop' },
  { key: 'naive', label: 'repeat last value' },
] as const;

/** The error of each continuation as a function of the steps after the input: a small chart and a table at a few steps. */
export function HorizonErrorsView({ errors, caption, format, testId }: Props) {
  const horizon = errors.open.length;
  const points = errors.open.map((open, h) => ({ h: h + 1, open, closed: errors.closed[h], naive: errors.naive[h] }));
  const steps = horizonSteps(horizon);
  const name = errors.kind === 'mae' ? 'Mean absolute error' : 'Root mean squared error';
  return (
    <figure className="horizon-figure" data-testid={testId}>
      <figcaption className="view-caption">
        {name} by steps after the input, {caption}.
      </figcaption>
      <div className="horizon-chart" role="img" aria-label={describeErrors(errors, format)}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
            <XAxis
              dataKey="h"
              type="number"
              domain={[1, Math.max(1, horizon)]}
              allowDecimals={false}
              stroke="var(--muted)"
              height={32}
              label={{ value: 'steps ahead', position: 'insideBottomRight', offset: -2, fill: 'var(--muted)', fontSize: 11 }}
            />
            <YAxis type="number" domain={[0, 'auto']} stroke="var(--muted)" width={52} tickCount={4} tickFormatter={errorTick} />
            <Line dataKey="naive" name="repeat last value" stroke="var(--muted)" strokeWidth={1} strokeDasharray="2 3" dot={false} isAnimationActive={false} />
            <Line dataKey="open" name="open loop" stroke="var(--series-1)" strokeWidth={1.5} strokeDasharray="5 3" dot={false} isAnimationActive={false} />
            <Line dataKey="closed" name="closed loop" stroke="var(--series-2)" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
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
