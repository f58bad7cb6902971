import { formatCompact } from '../../ui/format';
import type { ViewProps } from '../views';
import type { RegressionPreview } from './experiment';
import { meanAbsoluteError, type StepContinuation } from './continuation';
import { formatInput } from './problems';

const number = (v: number) => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en') : formatCompact(v));
const list = (values: readonly number[]) => values.map(number).join(', ');

/** Problem e: both series continued past the test input, reading the true past (open) or its own steps (closed). */
function Continuation({ continuation }: { continuation: StepContinuation }) {
  const { truth, open, closed } = continuation;
  const openError = meanAbsoluteError(truth, open);
  const closedError = meanAbsoluteError(truth, closed);
  return (
    <div className="table-scroll" tabIndex={0} role="group" aria-label="Both series continued past the test input" data-testid="regression-continuation">
      <table className="repeat-stats">
        <caption>
          Going on past the test input for {truth.length} steps: open loop (reads the true past) off by {number(openError)} on average, closed
          loop (reads its own steps) by {number(closedError)}.
        </caption>
        <thead>
          <tr>
            <th scope="col">step</th>
            <th scope="col">true</th>
            <th scope="col">open loop</th>
            <th scope="col">closed loop</th>
            <th scope="col">open error</th>
            <th scope="col">closed error</th>
          </tr>
        </thead>
        <tbody>
          {truth.map((step, h) => (
            <tr key={h}>
              <th scope="row">+{h + 1}</th>
              <td>{list(step)}</td>
              <td>{list(open[h] ?? [])}</td>
              <td>{list(closed[h] ?? [])}</td>
              <td>{number(meanAbsoluteError([step], [open[h] ?? []]))}</td>
              <td>{number(meanAbsoluteError([step], [closed[h] ?? []]))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The test input with the prediction against the rule's answer, then every sample with its prediction. */
export function RegressionView({ preview }: ViewProps<RegressionPreview>) {
  const { rows, testInput, expected, predicted } = preview;
  const error = expected.reduce((sum, v, i) => sum + Math.abs((predicted[i] ?? Number.NaN) - v), 0) / expected.length;
  return (
    <div className="regression-view">
      <p className="verdict" data-testid="regression-verdict">
        Test input {formatInput(testInput)}: predicted <strong>{list(predicted)}</strong>, expected {list(expected)} (off by {number(error)})
      </p>
      {preview.continuation && <Continuation continuation={preview.continuation} />}
      <div className="table-scroll" tabIndex={0} role="group" aria-label="Every sample with the model's prediction">
        <table className="repeat-stats regression-table">
          <caption>The data set: training samples, then the held-out validation samples</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">X</th>
              <th scope="col">y</th>
              <th scope="col">ŷ</th>
              <th scope="col">set</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} className={row.validation ? 'regression-validation' : undefined}>
                <th scope="row">{i + 1}</th>
                <td>{formatInput(row.x)}</td>
                <td>{list(row.y)}</td>
                <td>{list(row.predicted)}</td>
                <td>{row.validation ? 'validation' : 'train'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
