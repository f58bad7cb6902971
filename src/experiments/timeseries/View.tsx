import { useMemo } from 'react';
import type { ChartPoint } from '../../state/series';
import { ChartLegend } from '../../ui/charts/ChartLegend';
import { extentOf, niceAxis } from '../../ui/charts/domain';
import type { ChartLine } from '../../ui/charts/LiveLines';
import { SeriesChart } from '../../ui/charts/SeriesChart';
import { ContinuationChart } from '../../ui/forecast/ContinuationChart';
import { describeContinuation } from '../../ui/forecast/describe';
import { HorizonErrorsView } from '../../ui/forecast/HorizonErrorsView';
import type { ViewProps } from '../views';
import type { TimeSeriesPreview } from './experiment';
import { rmse } from './framing';

/** Points drawn at most: a long daily series is thinned (every k-th point) for the chart. */
const MAX_POINTS = 600;

/** Every `stride`-th point of the series, keeping each point's index as its x. */
function thinned(points: ChartPoint[], stride: number): ChartPoint[] {
  return stride > 1 ? points.filter((p) => p.x % stride === 0) : points;
}

/** The series and the predictions of both periods as chart lines (each period's predictions a line of its own). */
function linesOf(preview: TimeSeriesPreview): ChartLine[] {
  const stride = Math.ceil(preview.values.length / MAX_POINTS);
  const actual = preview.values.map((y, x) => ({ x, y }));
  const predictions = (pairs: [number, number][]) => thinned(pairs.map(([x, y]) => ({ x, y })), stride);
  return [
    { key: 'actual', label: preview.name, color: 'var(--series-5)', width: 1.5, points: thinned(actual, stride) },
    { key: 'train', label: 'predicted (train period)', color: 'var(--series-1)', width: 1.5, points: predictions(preview.trainPredictions) },
    { key: 'test', label: 'predicted (test period)', color: 'var(--series-2)', width: 2, current: true, points: predictions(preview.testPredictions) },
  ];
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
  const lines = useMemo(() => linesOf(preview), [preview]);
  const { minY, maxY } = extentOf(lines);
  const yAxis = niceAxis(minY, maxY);
  const { train, test } = useMemo(() => scores(preview), [preview]);
  const beats = test.model < test.naive;
  // Each preview brings a new dates array with the same dates: the axis' formatter changes (and
  // the chart's frame redraws) only when the dates do.
  const datesKey = preview.dates.join('\n');
  const dateOf = useMemo(() => {
    const dates = datesKey ? datesKey.split('\n') : [];
    return (i: number) => dates[i] ?? String(i + 1);
  }, [datesKey]);
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
        <SeriesChart
          lines={lines}
          x={{ domain: [0, Math.max(1, preview.values.length - 1)], integer: true, tick: dateOf }}
          y={yAxis}
          marker={{ x: preview.trainSize, label: 'test →' }}
          formatX={dateOf}
        />
      </div>
      <ChartLegend lines={lines} label="Series chart lines" />
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
