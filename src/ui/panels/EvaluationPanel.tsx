import type { AnyExperiment } from '../../experiments/types';
import { useStore } from '../../state/store';
import { engineLabel } from '../engineLabel';
import { formatCount, formatDuration, formatMetric } from '../format';

/** The final evaluation of the last run, on fresh data the network never trained on. */
export function EvaluationPanel({ experiment }: { experiment: AnyExperiment }) {
  const run = useStore((s) => s.run);
  const outcome = run?.outcome;
  return (
    <section className="panel" aria-labelledby="evaluation-title" aria-live="polite">
      <h2 id="evaluation-title">Evaluation</h2>
      {!outcome ? (
        <p className="muted">Appears when training ends (or is stopped).</p>
      ) : (
        <>
          {outcome.evaluation ? (
            <dl className="metrics">
              {experiment.evaluationMetrics.filter((info) => info.relevant?.(run.values) ?? true).map((info) => {
                const value = outcome.evaluation?.metrics[info.key];
                return (
                  <div key={info.key} className="metric">
                    <dt>{info.label}</dt>
                    <dd data-testid={`evaluation-${info.key}`}>{value === undefined ? '–' : formatMetric(value, info.format)}</dd>
                    {info.note && <dd className="muted small">{info.note}</dd>}
                  </div>
                );
              })}
            </dl>
          ) : (
            <p className="muted">No evaluation: the run diverged.</p>
          )}
          {outcome.steps === 0 && outcome.lastValues.length === 0 ? (
            // A loaded model: it was trained before it was saved, and scored again here.
            <p className="muted small">
              A loaded model, trained on {formatCount(outcome.samplesSeen)} samples before it was saved; scored again on its seed’s
              evaluation data.
            </p>
          ) : (
            <p className="muted small">
              {outcome.status === 'completed' ? 'Trained on' : 'Stopped after'} {formatCount(outcome.samplesSeen)} samples in{' '}
              {formatDuration(run.elapsedMs)}
              {run.engine && ` with ${engineLabel(run)}`}; final training loss {outcome.lastValues[0]?.toPrecision(4) ?? '–'}.
            </p>
          )}
          {outcome.status === 'stopped' && outcome.message?.startsWith('Early stopping') && (
            <p className="outcome-note" data-testid="outcome-message">
              {outcome.message}
            </p>
          )}
        </>
      )}
    </section>
  );
}
