import type { ViewProps } from '../views';
import type { SeqEchoPreview } from './experiment';
import './seqecho.css';

/** The windows shown at most; longer sequences are summarised. */
const MAX_WINDOWS = 30;

/** A fresh sequence, each window with its target and the network's answer, wrong values marked. */
export function SeqEchoView({ preview }: ViewProps<SeqEchoPreview>) {
  const { sequence, windows } = preview;
  const right = windows.filter((w) => w.expected.every((v, t) => w.predicted[t] === v)).length;
  const shown = windows.slice(0, MAX_WINDOWS);
  return (
    <div className="seqecho-view">
      <p className="view-caption">
        A fresh sequence: <span className="seqecho-sequence">{sequence.join(' ')}</span>
      </p>
      <p className={right === windows.length ? 'verdict verdict-ok' : 'verdict verdict-bad'} data-testid="seqecho-verdict">
        {right} of {windows.length} windows echoed right
      </p>
      <div className="table-scroll" tabIndex={0} role="group" aria-label="Windows, targets and predictions">
        <table className="seqecho-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Window (X)</th>
              <th scope="col">Target (y)</th>
              <th scope="col">Predicted (ŷ)</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((window, w) => {
              const ok = window.expected.every((v, t) => window.predicted[t] === v);
              return (
                <tr key={w} className={ok ? 'seqecho-right' : 'seqecho-wrong'}>
                  <th scope="row">{w + 1}</th>
                  <td>{window.input.join(' ')}</td>
                  <td>{window.expected.join(' ')}</td>
                  <td>
                    {window.predicted.map((value, t) => (
                      <span key={t} className={value === window.expected[t] ? undefined : 'seqecho-miss'}>
                        {t > 0 ? ' ' : ''}
                        {value}
                      </span>
                    ))}{' '}
                    <span aria-label={ok ? 'right' : 'wrong'}>{ok ? '✓' : '✗'}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {windows.length > shown.length && <p className="muted small">…and {windows.length - shown.length} more windows.</p>}
    </div>
  );
}
