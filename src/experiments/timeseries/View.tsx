import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatTick } from '../../ui/format';
import { ContinuationChart } from '../../ui/forecast/ContinuationChart';
import { describeContinuation } from '../../ui/forecast/describe';
import { HorizonErrorsView } from '../../ui/forecast/HorizonErrorsView';
import type { ViewProps } from '../views';
import type { TimeSeriesPreview } from './experiment';
import { rmse } from './framing';

/** Points drawn at most: a long daily series is thinned (every k-th point) for the chart. */
const MAX_POINTS = 600;

interface Point {
  i: number;
  actual?: number;
  train?: number;
  test?: number;
}

function chartPoints(preview: TimeSeriesPreview): Point[] {
  const points: Point[] = preview.values.map((actual, i) => ({ i, actual }));
  for (const [i, value] of preview.trainPredictions) if (points[i]) points[i].train = value;
  for (const [i, value] of preview.testPredictions) if (points[i]) points[i].test = value;
  const stride = Math.ceil(points.length / MAX_POINTS);
  return stride > 1 ? points.filter((_, i) => i % stride === 0) : points;
}

function scores(preview: TimeSeriesPreview) {
  const score = (pairs: [number, number][]) => {
    const actual = pairs.map(([i]) => preview.values[i] ?? Number.NaN);
    const naive = pairs.map(([i]) => preview.values[i - 1] ?? Number.NaN);
    return { model: rmse(actual, pairs.map(([, p]) => p)), naive: rmse(actual, naive) };
  };
  return { train: score(preview.trainPredictions), test: score(preview.testPredictions) };
}

const fixed = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');

/** The series with the train-period and test-period predictions, aligned in time, and the verdict against the naive forecast. */
export function TimeSeriesView({ preview, values }: ViewProps<TimeSeriesPreview>) {
  const points = useMemo(() => chartPoints(preview), [preview]);
  const { train, test } = useMemo(() => scores(preview), [preview]);
  const beats = test.model < test.naive;
  const dateOf = (i: number) => preview.dates[i] ?? String(i + 1);
  const units = preview.units ? ` ${preview.units}` : '';
  return (
    <div className="timeseries-view">
      <p className={beats ? 'verdict verdict-ok' : 'verdict verdict-bad'} data-testid="timeseries-verdict">
        Test RMSE {fixed(test.model)}
        {units} vs {fixed(test.naive)} for the naive forecast (“next = previous”):{' '}
        {beats ? 'the LSTM beats it.' : 'the naive forecast is better — the LSTM has not learned more than to repeat the last value.'}
      </p>
      <p className="muted small">
        Train RMSE {fixed(train.model)} (naive {fixed(train.naive)}).
      </p>
      <div
        className="timeseries-chart"
        role="img"
        aria-label={`${preview.name}: ${preview.values.length} values from ${dateOf(0)} to ${dateOf(preview.values.length - 1)}, with the model's predictions for the train period and, after ${dateOf(preview.trainSize)}, the test period.`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" />
            <XAxis dataKey="i" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(i: number) => dateOf(i)} stroke="var(--muted)" height={36} />
            <YAxis type="number" domain={['auto', 'auto']} stroke="var(--muted)" width={48} tickFormatter={formatTick} />
            <ReferenceLine x={preview.trainSize} stroke="var(--muted)" strokeDasharray="4 4" label={{ value: 'test →', position: 'insideTopLeft', fill: 'var(--muted)', fontSize: 11 }} />
            <Legend />
            <Line dataKey="actual" name={preview.name} stroke="var(--series-5)" strokeWidth={1.5} dot={false} isAnimationActive={false} />
            <Line dataKey="train" name="predicted (train period)" stroke="var(--series-1)" strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
            <Line dataKey="test" name="predicted (test period)" stroke="var(--series-2)" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Ahead preview={preview} dateOf={dateOf} asked={Number(values.horizon)} />
    </div>
  );
}

/** The test period forecast several steps ahead: open and closed loop from its first point, and the error by horizon. */
function Ahead({ preview, dateOf, asked }: { preview: TimeSeriesPreview; dateOf: (i: number) => string; asked: number }) {
  const { view, errors } = preview.ahead;
  const steps = view.truth.length;
  if (steps === 0) return null;
  const start = dateOf(preview.trainSize);
  const units = preview.units ? `in ${preview.units}` : 'in the series’ units';
  return (
    <>
      <h3>Forecasting {steps} steps ahead</h3>
      <p className="view-caption">
        From {start}, the first point of the test period. Open loop: every forecast reads the true past (the one-step forecasts
        above). Closed loop: the network's own forecasts are fed back as its input, as they would be for a future nobody has seen.
        {asked > steps && ` The horizon of ${asked} is cut to the ${steps} values of the test period.`}
      </p>
      <ContinuationChart
        view={view}
        description={`${preview.name}, forecast from ${start}: ${describeContinuation(view, fixed, dateOf)}`}
        testId="timeseries-continuation"
        tick={dateOf}
      />
      <HorizonErrorsView errors={errors} caption={`over ${errors.series} start${errors.series === 1 ? '' : 's'} in the test period, ${units}`} format={fixed} testId="timeseries-horizon" />
    </>
  );
}
