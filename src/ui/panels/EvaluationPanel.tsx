import type { AnyExperiment } from '../../experiments/types';
import { useStore, type ModelUpdateNote } from '../../state/store';
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
          {run.updates && run.updates.length > 0 && <UpdatesNote updates={run.updates} />}
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

/** What the updates changed: the scores shown are the updated model's, on the last update's evaluation data. */
function UpdatesNote({ updates }: { updates: readonly ModelUpdateNote[] }) {
  const last = updates.at(-1);
  if (!last) return null;
  const samples = updates.reduce((sum, u) => sum + u.samples, 0);
  const times = updates.length === 1 ? 'once' : `${updates.length} times`;
  return (
    <p className="outcome-note" data-testid="evaluation-updated">
      Updated since {times} on {formatCount(samples)} more samples (last: learning rate {last.learningRate}, data seed {last.seed}): the scores
      above are the updated model’s, on that update’s fresh evaluation data. The Model panel compares them with the model before it.
    </p>
  );
}
