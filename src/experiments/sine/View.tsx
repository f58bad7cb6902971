import { ContinuationChart } from '../../ui/forecast/ContinuationChart';
import { describeContinuation } from '../../ui/forecast/describe';
import { HorizonErrorsView } from '../../ui/forecast/HorizonErrorsView';
import type { ViewProps } from '../views';
import { meanAbsoluteError } from '../closedLoop';
import type { SinePreview } from './experiment';
import { ForecastChart } from './ForecastChart';
import './sine.css';

/** The wave lies in [0, 1]: its charts always show that range. */
const UNIT = [0, 1] as const;
const fixed = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(3));

/** A fresh damped wave: the end of the input, the true next values and the network's forecast, as a chart and a table. */
export function SineView({ preview }: ViewProps<SinePreview>) {
  const { tail, tailStart, expected, predicted, period, decay, continuation, errors } = preview;
  const first = tailStart + tail.length;
  const mae = meanAbsoluteError(predicted, expected);
  const description =
    `Damped sine wave with period ${period} and decay ${decay.toFixed(3)}: steps ${tailStart}–${first - 1} of the input, ` +
    `then the next ${expected.length} values. True: ${expected.map((v) => v.toFixed(2)).join(', ')}. ` +
    `Predicted: ${predicted.map((v) => v.toFixed(2)).join(', ')}.`;
  return (
    <div className="sine-view">
      <p className="view-caption">
        A fresh wave (period {period} steps, decay {decay.toFixed(3)} per step): the last {tail.length} input values and the
        forecast of the next {expected.length}.
      </p>
      <ForecastChart preview={preview} description={description} />
      <table className="sine-table" data-testid="sine-table">
        <caption className="visually-hidden">True and predicted values per forecast step</caption>
        <thead>
          <tr>
            <th scope="col">step</th>
            {expected.map((_, i) => (
              <th key={i} scope="col">
                {first + i}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">true</th>
            {expected.map((v, i) => (
              <td key={i}>{fixed(v)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">predicted</th>
            {expected.map((_, i) => (
              <td key={i}>{fixed(predicted[i])}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="sine-error" data-testid="sine-error">
        Mean absolute error on this wave: <strong>{mae.toFixed(3)}</strong>
      </p>
      <h3>Forecasting further: {continuation.truth.length} steps</h3>
      <p className="view-caption">
        The same wave continued {continuation.truth.length} steps. Open loop: every forecast of {expected.length} reads the true
        past. Closed loop: the network's own forecasts are appended to its input and it forecasts again, as it would for a
        future nobody has seen.
      </p>
      <ContinuationChart view={continuation} description={describeContinuation(continuation, (v) => v.toFixed(2))} testId="sine-continuation" yInclude={UNIT} />
      <HorizonErrorsView errors={errors} caption={errors.series === 1 ? 'on the wave shown' : `over ${errors.series} fresh waves, the first the one shown`} format={(v) => v.toFixed(3)} testId="sine-horizon" />
    </div>
  );
}
