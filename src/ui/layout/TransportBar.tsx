import { useId, useState } from 'react';
import { MAX_SEED } from '../../engine/random';
import { sameValues } from '../../experiments/values';
import { newSeed, resetRun, setSeed, startRun, stopRun, toggleTraining } from '../../state/actions';
import { isActive, useStore } from '../../state/store';
import { useThrottled } from '../useThrottled';
import { StatusLine } from './StatusLine';

const TRAIN_LABEL = { idle: 'Train', starting: 'Starting…', running: 'Pause', paused: 'Resume', stopping: 'Stopping…', done: 'Train again', error: 'Train' } as const;

function SeedField() {
  const seed = useStore((s) => s.seed);
  const [draft, setDraft] = useState(String(seed));
  const [shown, setShown] = useState(seed);
  if (seed !== shown) {
    setShown(seed);
    setDraft(String(seed));
  }
  const errorId = useId();
  const valid = /^\d+$/.test(draft) && Number(draft) <= MAX_SEED;
  return (
    <span className="seed">
      <label>
        Seed
        <input
          type="text"
          inputMode="numeric"
          value={draft}
          aria-invalid={!valid}
          aria-describedby={valid ? undefined : errorId}
          onChange={(e) => {
            setDraft(e.target.value);
            if (/^\d+$/.test(e.target.value) && Number(e.target.value) <= MAX_SEED) setSeed(Number(e.target.value));
          }}
          onBlur={() => setDraft(String(seed))}
          size={10}
        />
      </label>
      {!valid && (
        <span id={errorId} className="field-error seed-error">
          A whole number from 0 to {MAX_SEED}; seed {seed} stays in use.
        </span>
      )}
    </span>
  );
}

/** Train/Pause, Stop, Reset, seed, progress and the status line: always in view. */
export function TransportBar() {
  const status = useStore((s) => s.status);
  const run = useStore((s) => s.run);
  const settingsChanged = useStore(
    (s) => s.run !== null && isActive(s.status) && (s.run.seed !== s.seed || !sameValues(s.run.values, s.values) || s.run.experimentId !== s.experimentId),
  );
  const samplesDone = useThrottled(useStore((s) => s.samplesSeen), 100);
  const total = run?.totalSamples ?? 0;
  const active = isActive(status);
  return (
    <div className="transport" role="region" aria-label="Training controls">
      <div className="transport-buttons">
        <button
          type="button"
          className="primary"
          onClick={toggleTraining}
          disabled={status === 'starting' || status === 'stopping'}
          data-testid="train-button"
        >
          {TRAIN_LABEL[status]}
        </button>
        <button type="button" onClick={stopRun} disabled={status !== 'running' && status !== 'paused'}>
          Stop
        </button>
        <button type="button" onClick={resetRun} disabled={status === 'idle'}>
          Reset
        </button>
        <SeedField />
        <button type="button" className="secondary" onClick={newSeed} title="Draw a new random seed">
          New seed
        </button>
      </div>
      <div className="progress-wrap">
        <progress max={total || 1} value={status === 'done' ? total : samplesDone} aria-label="Training progress" />
        <span className="progress-text" data-testid="progress-text">
          {run ? `${samplesDone.toLocaleString('en')} / ${total.toLocaleString('en')} samples` : 'Not started'}
          {status === 'paused' && ' · paused'}
        </span>
      </div>
      {settingsChanged && active && (
        <p className="restart-hint" role="status">
          Settings changed: this run keeps its own.{' '}
          <button type="button" className="link-button" onClick={startRun}>
            Restart with the new settings
          </button>{' '}
          (the current curve stays for comparison).
        </p>
      )}
      <StatusLine />
    </div>
  );
}
