import { useState } from 'react';
import type { AnyExperiment } from '../../../experiments/types';
import { MAX_WORKERS, runProgress, setWorkerLimit, useRepeatStore } from '../../../state/repeats';
import { formatCount } from '../../format';
import { useThrottled } from '../../useThrottled';
import './pool.css';

const KIND_LABELS = { repeat: 'repeats', compare: 'comparison', grid: 'grid search' } as const;

/**
 * The pool of workers that trains repeats, comparisons and grid searches: its size (from the
 * device's cores, adjustable) and what each worker trains and how far it is.
 */
export function PoolPanel({ experiment }: { experiment: AnyExperiment }) {
  const limit = useRepeatStore((s) => s.workerLimit);
  const [text, setText] = useState(String(limit));
  // The field follows the pool's size when it changes elsewhere.
  const [shownLimit, setShownLimit] = useState(limit);
  if (shownLimit !== limit) {
    setShownLimit(limit);
    setText(String(limit));
  }
  const status = useRepeatStore((s) => s.status);
  const kind = useRepeatStore((s) => s.kind);
  const of = useRepeatStore((s) => s.experimentId);
  const runs = useRepeatStore((s) => s.runs);
  const workerRuns = useRepeatStore((s) => s.workerRuns);
  // Progress lives in the runs' curves, which grow in place: redraw when they do.
  useThrottled(useRepeatStore((s) => s.version), 500);
  const value = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(value) && value >= 1 && value <= MAX_WORKERS;
  const cores = typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency;
  const active = status === 'running' && of === experiment.id;

  return (
    <section className="panel pool-panel" aria-labelledby="pool-title">
      <h2 id="pool-title">Worker pool</h2>
      <p className="muted small">
        Repeats, comparisons and grid searches train several runs at once, one per worker, each with its own seed.
        {cores ? ` This device reports ${cores} cores; one stays with the page.` : ''}
      </p>
      <div className="repeat-form">
        <label>
          Workers
          <input
            type="number"
            min={1}
            max={MAX_WORKERS}
            step={1}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              const n = Number(e.target.value);
              if (e.target.value.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= MAX_WORKERS) setWorkerLimit(n);
            }}
            aria-invalid={!valid}
            aria-describedby="pool-workers-error"
          />
        </label>
        <span className="field-error" id="pool-workers-error">
          {valid ? '' : `A whole number from 1 to ${MAX_WORKERS}.`}
        </span>
      </div>
      {active ? (
        <ul className="pool-workers" aria-label={`Workers training the ${KIND_LABELS[kind]}`} data-testid="pool-workers">
          {workerRuns.map((index, worker) => {
            const run = index === null ? undefined : runs[index];
            if (!run) {
              return (
                <li key={worker}>
                  Worker {worker + 1}: idle
                </li>
              );
            }
            const { done, total } = runProgress(run);
            const label = `Worker ${worker + 1}: ${run.label}`;
            return (
              <li key={worker}>
                <span>
                  {label} — {formatCount(done)} / {formatCount(total)} samples
                </span>
                <progress max={Math.max(1, total)} value={Math.min(done, total)} aria-label={`${label} progress`} />
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted small">No batch is training.</p>
      )}
    </section>
  );
}
