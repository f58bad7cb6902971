import { formatCompact } from '../../ui/format';
import type { ViewProps } from '../views';
import type { CurvesPreview } from './experiment';

const number = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : String(v));

/** Every pair with the model's answer: the training pairs, then the validation pairs it never trained on. */
export function CurvesView({ preview }: ViewProps<CurvesPreview>) {
  const { rows, trainMse, validationMse } = preview;
  return (
    <div className="curves-view">
      <p className="verdict" data-testid="curves-verdict">
        Mean squared error: training <strong>{formatCompact(trainMse)}</strong>, validation <strong>{formatCompact(validationMse)}</strong>
      </p>
      <div className="table-scroll" tabIndex={0} role="group" aria-label="Every pair with the model's prediction">
        <table className="repeat-stats">
          <caption>The training pairs, then the validation pairs (beyond the training range)</caption>
          <thead>
            <tr>
              <th scope="col">x</th>
              <th scope="col">y</th>
              <th scope="col">ŷ</th>
              <th scope="col">ŷ − y</th>
              <th scope="col">set</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.x} className={row.validation ? 'regression-validation' : undefined}>
                <th scope="row">{row.x.toFixed(1)}</th>
                <td>{row.y.toFixed(1)}</td>
                <td>{number(row.predicted)}</td>
                <td>{number(row.predicted - row.y)}</td>
                <td>{row.validation ? 'validation' : 'train'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
