import type { ViewProps } from '../views';
import type { CumsumPreview } from './experiment';
import { SumChart } from './SumChart';
import './cumsum.css';

/** One fresh sequence: its running sum against n/4, the expected and predicted bit of every step. */
export function CumsumView({ preview }: ViewProps<CumsumPreview>) {
  const { values, sums, threshold, expected, probabilities, predicted } = preview;
  const wrong = expected.filter((bit, t) => predicted[t] !== bit).length;
  return (
    <div className="cumsum-view">
      <p className="view-caption">
        A fresh sequence: the values (bars), their running sum (line) and the threshold n/4 = {threshold} (dashed).
      </p>
      <SumChart values={values} sums={sums} threshold={threshold} />
      {/* Long sequences scroll sideways: focusable, so the keyboard can scroll them too. */}
      <div className="cumsum-scroll" tabIndex={0} role="group" aria-label="Values, running sums and bits, step by step">
        <table className="cumsum-table" data-testid="cumsum-bits">
          <caption className="visually-hidden">Each step: value, running sum, expected bit and the network&apos;s bit</caption>
          <tbody>
            <tr>
              <th scope="row">Step</th>
              {values.map((_, t) => (
                <td key={t}>{t}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">Value</th>
              {values.map((value, t) => (
                <td key={t}>{value.toFixed(2)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">Running sum</th>
              {sums.map((sum, t) => (
                <td key={t}>{sum.toFixed(2)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">Expected</th>
              {expected.map((bit, t) => (
                <td key={t} className="cumsum-bit">
                  {bit}
                </td>
              ))}
            </tr>
            <tr data-testid="cumsum-predicted">
              <th scope="row">Predicted</th>
              {predicted.map((bit, t) => {
                const right = bit === expected[t];
                return (
                  <td
                    key={t}
                    className={right ? 'cumsum-bit' : 'cumsum-bit cumsum-wrong'}
                    title={`p(1) = ${(probabilities[t] ?? 0).toFixed(3)}`}
                  >
                    {bit}
                    {!right && <span className="visually-hidden"> (wrong)</span>}
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </div>
      <p className={wrong === 0 ? 'verdict verdict-ok' : 'verdict verdict-bad'} data-testid="cumsum-verdict">
        {wrong === 0
          ? `Whole sequence right: all ${expected.length} steps ✓`
          : `Sequence wrong: ${wrong} of ${expected.length} steps ✗`}
      </p>
    </div>
  );
}
