import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnyExperiment } from '../../../experiments/types';
import { HISTORY_CAP } from '../../../state/history/db';
import { applyRunSettings } from '../../../state/history/restore';
import { clearHistory, deleteRun, dismissNotice, ensureHistoryLoaded, setPicked, setShowAll, useHistoryStore } from '../../../state/history/store';
import { whenIdle } from '../../../state/afterLoad';
import { formatDate } from './describe';
import { HistoryComparison } from './HistoryComparison';
import { HistoryRunItem } from './HistoryRunItem';
import './history.css';

/**
 * Every run that ended, kept across visits: pick runs to draw their curves on the charts and
 * compare them, bring back a run's settings, delete runs.
 */
export function HistoryPanel({ experiment }: { experiment: AnyExperiment }) {
  const storage = useHistoryStore((s) => s.storage);
  const storageProblem = useHistoryStore((s) => s.storageProblem);
  const runs = useHistoryStore((s) => s.runs);
  const skipped = useHistoryStore((s) => s.skipped);
  const picked = useHistoryStore((s) => s.picked);
  const notice = useHistoryStore((s) => s.notice);
  const showAll = useHistoryStore((s) => s.showAll);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const clearRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void ensureHistoryLoaded();
  }, []);
  // The first date written builds the formatter and loads its locale data (7.6 ms in a trace of a
  // run's end, where the first run kept wrote it): done while the page is idle instead.
  useEffect(() => whenIdle(() => void formatDate(Date.now())), []);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const listed = useMemo(() => (showAll ? runs : runs.filter((run) => run.experimentId === experiment.id)), [runs, showAll, experiment.id]);
  const pickedRuns = useMemo(() => runs.filter((run) => picked.includes(run.id)).sort((a, b) => a.id - b.id), [runs, picked]);
  const pickedElsewhere = pickedRuns.filter((run) => run.experimentId !== experiment.id).length;

  const cancelClear = () => {
    setConfirming(false);
    clearRef.current?.focus();
  };

  return (
    <section className="panel history-panel" aria-labelledby="history-title">
      <h2 id="history-title" ref={headingRef} tabIndex={-1}>
        Run history
      </h2>
      <p className="muted small">
        Every run trained with Train that ends — finished, stopped or diverged — is kept in this browser, across visits (the newest{' '}
        {HISTORY_CAP}); repeats over seeds and grid searches keep theirs in their own tables. Pick runs to draw their curves on the
        charts above and compare them below.
      </p>
      {storage === 'loading' && <p className="muted">Reading the kept runs…</p>}
      {storageProblem && (
        <p className="history-problem" role="status">
          {storageProblem}
        </p>
      )}
      {notice && (
        <p className="history-notice" role="status">
          {notice}{' '}
          <button type="button" className="link-button" onClick={dismissNotice}>
            Dismiss
          </button>
        </p>
      )}
      {skipped > 0 && (
        <p className="muted small">
          {skipped} damaged record{skipped === 1 ? ' was' : 's were'} left out (“Clear history” removes {skipped === 1 ? 'it' : 'them'}).
        </p>
      )}
      {message && (
        <p className="history-problem" role="alert">
          {message}
        </p>
      )}
      <div className="history-toolbar">
        <label>
          <input type="checkbox" checked={showAll} onChange={(event) => setShowAll(event.target.checked)} /> Runs of every experiment
        </label>
        <span className="muted small" aria-live="polite">
          {listed.length} run{listed.length === 1 ? '' : 's'}
          {showAll ? '' : ` of this experiment (${runs.length} in all)`}
          {picked.length > 0 && `, ${picked.length} picked`}
        </span>
      </div>
      {listed.length === 0 ? (
        storage !== 'loading' && <p className="muted">{showAll ? 'No runs kept yet.' : 'No runs of this experiment kept yet.'} Train one: it appears here when it ends.</p>
      ) : (
        <ul className="history-list" aria-label="Kept runs, newest first">
          {listed.map((run) => (
            <HistoryRunItem
              key={run.id}
              run={run}
              picked={picked.includes(run.id)}
              showExperiment={showAll}
              onPick={(on) => void setPicked(run.id, on)}
              onUse={() => setMessage(applyRunSettings(run))}
              onDelete={() => {
                void deleteRun(run.id);
                headingRef.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
      {pickedRuns.length >= 2 ? (
        <>
          <h3>Picked runs compared</h3>
          {pickedElsewhere > 0 && (
            <p className="muted small">
              {pickedElsewhere} of them belong{pickedElsewhere === 1 ? 's' : ''} to another experiment: compared here, drawn on that experiment’s charts.
            </p>
          )}
          <HistoryComparison runs={pickedRuns} />
        </>
      ) : (
        runs.length > 1 && <p className="muted small">Pick two or more runs to compare their results and the settings that differ.</p>
      )}
      {runs.length > 0 && (
        <div className="history-clear">
          <button type="button" className="secondary" ref={clearRef} aria-expanded={confirming} onClick={() => setConfirming(true)}>
            Clear history…
          </button>
          {confirming && (
            <p role="group" aria-label="Confirm clearing the history">
              Delete all {runs.length} kept run{runs.length === 1 ? '' : 's'}? This cannot be undone.{' '}
              <button
                type="button"
                ref={confirmRef}
                onClick={() => {
                  setConfirming(false);
                  void clearHistory();
                  headingRef.current?.focus();
                }}
              >
                Delete all runs
              </button>{' '}
              <button type="button" className="secondary" onClick={cancelClear}>
                Cancel
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
