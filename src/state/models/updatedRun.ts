/**
 * The run record follows the model through updates on new data: the Evaluation panel shows the
 * model the page holds now, so an update puts its new scores there and undoing it brings the
 * old ones back. Pure.
 */
import type { Evaluation } from '../../experiments/types';
import type { RunRecord } from '../store';

export interface UpdateOutcome {
  samples: number;
  learningRate: number;
  seed: number;
  after: Evaluation;
}

/** The record after an update that was kept (completed or stopped; a diverged update keeps the old model and changes nothing). */
export function withUpdate(run: RunRecord, update: UpdateOutcome): RunRecord {
  if (!run.outcome) return run;
  const note = { samples: update.samples, learningRate: update.learningRate, seed: update.seed, previousEvaluation: run.outcome.evaluation ?? null };
  const { evaluation: _replaced, ...rest } = run.outcome;
  return { ...run, outcome: { ...rest, evaluation: update.after }, updates: [...(run.updates ?? []), note] };
}

/** The record after the last update was undone: the evaluation it replaced is back. */
export function withoutLastUpdate(run: RunRecord): RunRecord {
  const note = run.updates?.at(-1);
  if (!note || !run.outcome) return run;
  const { evaluation: _replaced, ...rest } = run.outcome;
  const { updates: all = [], ...base } = run;
  const updates = all.slice(0, -1);
  return { ...base, outcome: note.previousEvaluation ? { ...rest, evaluation: note.previousEvaluation } : rest, ...(updates.length ? { updates } : {}) };
}
