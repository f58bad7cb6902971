import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatTick } from '../../ui/format';
import type { SinePreview } from './experiment';

interface Point {
  t: number;
  input?: number;
  expected?: number;
  predicted?: number;
}

/** One row per step: the input tail, then the forecast steps with the true and the predicted value. */
export function forecastPoints({ tail, tailStart, expected, predicted }: SinePreview): Point[] {
  const points: Point[] = tail.map((input, i) => ({ t: tailStart + i, input }));
  const last = points.at(-1);
  // The true line starts at the last input value, so it reads as the wave going on.
  if (last?.input !== undefined) last.expected = last.input;
  const first = tailStart + tail.length;
  expected.forEach((value, i) => points.push({ t: first + i, expected: value, ...(i < predicted.length ? { predicted: predicted[i] } : {}) }));
  return points;
}

/** The input tail, the true continuation and the network's forecast on one chart (no animation). */
export function ForecastChart({ preview }: { preview: SinePreview }) {
  const points = forecastPoints(preview);
  return (
    <div className="sine-chart" data-testid="sine-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            domain={['dataMin', 'dataMax']}
            allowDecimals={false}
            stroke="var(--muted)"
            label={{ value: 'step', position: 'insideBottomRight', offset: -2, fill: 'var(--muted)', fontSize: 11 }}
            height={36}
          />
          <YAxis type="number" domain={[0, 1]} stroke="var(--muted)" width={44} tickCount={5} tickFormatter={formatTick} />
          <Legend />
          <Line dataKey="input" name="input" stroke="var(--series-5)" strokeWidth={1.5} dot={{ r: 1.5 }} isAnimationActive={false} />
          <Line dataKey="expected" name="true next values" stroke="var(--series-3)" strokeWidth={2} dot={{ r: 2.5 }} isAnimationActive={false} />
          <Line
            dataKey="predicted"
            name="predicted"
            stroke="var(--series-2)"
            strokeWidth={2}
            dot={{ r: 3, fill: 'var(--series-2)' }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
