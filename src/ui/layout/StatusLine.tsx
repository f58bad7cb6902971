import { useStore } from '../../state/store';
import { engineLabel } from '../engineLabel';
import { BACKEND_LABELS } from '../../worker/protocol';
import { formatCount, formatDuration } from '../format';
import { useThrottled } from '../useThrottled';

/** Engine in use (and why others were skipped), speed, elapsed, ETA and live tensors. */
export function StatusLine() {
  const status = useStore((s) => s.status);
  const run = useStore((s) => s.run);
  const error = useStore((s) => s.error);
  const rate = useThrottled(useStore((s) => s.samplesPerSec), 250);
  const tensors = useStore((s) => s.tensors);
  const elapsed = useThrottled(useStore((s) => s.elapsedMs), 250);
  const done = useStore((s) => s.samplesSeen);
  const remaining = run && rate > 0 ? ((run.totalSamples - done) / rate) * 1000 : Number.NaN;
  const skipped = run?.skipped ?? [];
  return (
    <div className="status-line" aria-live="off" data-testid="status-line">
      <span data-testid="backend-status">Engine: {engineLabel(run)}</span>
      {run?.engineNote && <span className="engine-note">({run.engineNote})</span>}
      {skipped.length > 0 && (
        <details className="skipped">
          <summary>{skipped.length} skipped</summary>
          <ul>
            {skipped.map((s) => (
              <li key={s.name}>
                {BACKEND_LABELS[s.name]}: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <span>{rate > 0 ? `${formatCount(rate)} samples/s` : '– samples/s'}</span>
      <span>elapsed {formatDuration(elapsed)}</span>
      <span>ETA {status === 'running' ? formatDuration(remaining) : '–'}</span>
      <span data-testid="tensor-count">tensors {tensors ?? '–'}</span>
      {error && (
        <p className="run-error" role="alert" data-testid="run-error">
          {error}
        </p>
      )}
    </div>
  );
}
