import { formatCompact } from '../../ui/format';
import type { ViewProps } from '../views';
import type { RegressionPreview } from './experiment';
import { formatInput } from './problems';

const number = (v: number) => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en') : formatCompact(v));
const list = (values: readonly number[]) => values.map(number).join(', ');

/** The test input with the prediction against the rule's answer, then every sample with its prediction. */
export function RegressionView({ preview }: ViewProps<RegressionPreview>) {
  const { rows, testInput, expected, predicted } = preview;
  const error = expected.reduce((sum, v, i) => sum + Math.abs((predicted[i] ?? Number.NaN) - v), 0) / expected.length;
  return (
    <div className="regression-view">
      <p className="verdict" data-testid="regression-verdict">
        Test input {formatInput(testInput)}: predicted <strong>{list(predicted)}</strong>, expected {list(expected)} (off by {number(error)})
      </p>
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
