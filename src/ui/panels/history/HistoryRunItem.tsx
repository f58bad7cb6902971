import type { HistoryRun } from '../../../state/history/record';
import { endingOf, formatDate, historyEngineLabel, keyResults } from './describe';

interface Props {
  run: HistoryRun;
  picked: boolean;
  /** Name the experiment (when runs of every experiment are listed). */
  showExperiment: boolean;
  onPick(picked: boolean): void;
  onUse(): void;
  onDelete(): void;
}

/** One kept run: a checkbox to pick it, what it was and what it scored, and its two actions. */
export function HistoryRunItem({ run, picked, showExperiment, onPick, onUse, onDelete }: Props) {
  const inputId = `history-pick-${run.id}`;
  const ending = endingOf(run);
  return (
    <li className="history-run" data-testid={`history-run-${run.id}`}>
      <input id={inputId} type="checkbox" checked={picked} onChange={(event) => onPick(event.target.checked)} aria-describedby={`${inputId}-details`} />
      <div className="history-run-text">
        <label htmlFor={inputId}>
          <strong>Run {run.id}</strong> <span className="muted small">{formatDate(run.date)}</span>
        </label>
        <p className="small history-run-details" id={`${inputId}-details`}>
          {showExperiment && <>{run.experimentTitle} · </>}seed {run.seed} · {historyEngineLabel(run)} · {keyResults(run)}
          {ending && <span className="history-run-ending"> · {ending}</span>}
        </p>
      </div>
      <div className="history-run-actions">
        <button type="button" className="secondary" onClick={onUse}>
          Use these settings<span className="visually-hidden"> (run {run.id})</span>
        </button>
        <button type="button" className="secondary" onClick={onDelete}>
          Delete<span className="visually-hidden"> run {run.id}</span>
        </button>
      </div>
    </li>
  );
}
