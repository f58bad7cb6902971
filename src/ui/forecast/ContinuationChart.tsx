import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { ContinuationView } from '../../experiments/closedLoop';
import { formatTick } from '../format';
import { continuationPoints } from './describe';
import './forecast.css';

interface Props {
  view: ContinuationView;
  /** The chart's text alternative. */
  description: string;
  testId: string;
  /** Fixed value range (e.g. [0, 1]); the data's range when absent. */
  yDomain?: [number, number];
  /** How a step index is written on the x axis (e.g. a date). */
  tick?: (t: number) => string;
}

/** The legend entries, in drawing order; HTML, so it reads as text and wraps on a phone. */
const ENTRIES = [
  { key: 'input', label: 'input' },
  { key: 'truth', label: 'true continuation' },
  { key: 'clean', label: 'noiseless signal' },
  { key: 'open', label: 'open loop (reads the true past)' },
  { key: 'closed', label: 'closed loop (reads its own forecasts)' },
] as const;

/** Dots make short continuations readable and long ones cluttered. */
const dotsFor = (count: number, r: number) => (count <= 30 ? { r } : false);

/** The end of the input, then the truth, the open-loop and the closed-loop continuations (no animation). */
export function ContinuationChart({ view, description, testId, yDomain, tick }: Props) {
  const points = continuationPoints(view);
  const start = view.inputStart + view.input.length;
  const withClean = view.clean !== undefined;
  const steps = view.truth.length;
  return (
    <figure className="continuation-figure">
      <div className="continuation-chart" data-testid={testId} role="img" aria-label={description}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
            <XAxis
              dataKey="t"
              type="number"
              domain={['dataMin', 'dataMax']}
              allowDecimals={false}
              stroke="var(--muted)"
              height={36}
              {...(tick ? { tickFormatter: tick } : { label: { value: 'step', position: 'insideBottomRight', offset: -2, fill: 'var(--muted)', fontSize: 11 } })}
            />
            <YAxis type="number" domain={yDomain ?? ['auto', 'auto']} stroke="var(--muted)" width={48} tickCount={5} tickFormatter={formatTick} />
            <ReferenceLine x={start - 1} stroke="var(--muted)" strokeDasharray="4 4" />
            <Line dataKey="input" name="input" stroke="var(--series-5)" strokeWidth={1.5} dot={false} isAnimationActive={false} />
            <Line dataKey="truth" name="true continuation" stroke="var(--series-3)" strokeWidth={2} dot={dotsFor(steps, 2)} isAnimationActive={false} />
            {withClean && (
              <Line dataKey="clean" name="noiseless signal" stroke="var(--series-4)" strokeWidth={1} strokeDasharray="2 3" dot={false} isAnimationActive={false} />
            )}
            <Line dataKey="open" name="open loop" stroke="var(--series-1)" strokeWidth={1.5} strokeDasharray="5 3" dot={dotsFor(steps, 2)} isAnimationActive={false} />
            <Line dataKey="closed" name="closed loop" stroke="var(--series-2)" strokeWidth={2} dot={dotsFor(steps, 2.5)} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ul className="chart-legend continuation-legend">
        {ENTRIES.filter((entry) => entry.key !== 'clean' || withClean).map((entry) => (
          <li key={entry.key}>
            <span className={`swatch swatch-${entry.key}`} aria-hidden="true" />
            {entry.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
