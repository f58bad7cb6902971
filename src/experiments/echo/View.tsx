import type { ViewProps } from '../views';
import type { EchoPreview } from './experiment';

/** A fresh sequence with the echoed position marked, the answer, and the network's output distribution. */
export function EchoView({ preview }: ViewProps<EchoPreview>) {
  const { sequence, outIndex, expected, predicted, probabilities } = preview;
  const correct = expected === predicted;
  return (
    <div className="echo-view">
      <p className="view-caption">A fresh sequence (position {outIndex} is the one to echo):</p>
      <ol className="echo-sequence" aria-label={`Input sequence: ${sequence.join(', ')}`}>
        {sequence.map((value, index) => (
          <li key={index} className={index === outIndex ? 'echo-cell echo-target' : 'echo-cell'}>
            <span className="echo-index">{index}</span>
            <span className="echo-value">{value}</span>
          </li>
        ))}
      </ol>
      <p className={correct ? 'verdict verdict-ok' : 'verdict verdict-bad'} data-testid="echo-verdict">
        Expected <strong>{expected}</strong>, predicted <strong>{predicted}</strong> (
        {((probabilities[predicted] ?? 0) * 100).toFixed(1)}% confident) {correct ? '✓' : '✗'}
      </p>
      <figure className="distribution">
        <figcaption>Output distribution (softmax over the {probabilities.length} values)</figcaption>
        <div
          className="bars"
          role="img"
          aria-label={`Probabilities: ${probabilities.map((p, i) => `${i}: ${(p * 100).toFixed(0)}%`).join(', ')}`}
        >
          {probabilities.map((p, value) => (
            <div key={value} className="bar-slot" title={`${value}: ${(p * 100).toFixed(1)}%`}>
              <div
                className={`bar${value === expected ? ' bar-expected' : ''}${value === predicted ? ' bar-predicted' : ''}`}
                style={{ height: `${p * 100}%` }}
              />
              {probabilities.length <= 30 && <span className="bar-label">{value}</span>}
            </div>
          ))}
        </div>
      </figure>
    </div>
  );
}
