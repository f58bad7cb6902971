/** The score of each finished run of a grid and the summary per grid point, with the best point. Pure. */
import { summarize, type Summary } from '../../engine/stats';
import type { RunOutcome } from '../../engine/train';
import type { AnyExperiment } from '../../experiments/types';
import type { Curves } from '../series';
import { gridPoints, gridScores, type GridDef, type GridPoint, type GridScore } from './definition';

export interface ScoredRun {
  status: string;
  point?: number;
  outcome: RunOutcome | null;
  series: Curves | null;
}

/** The last finite value of a curve, or NaN. */
export function lastFinite(series: Curves | null, metric: string): number {
  const column = series?.values[series.metricNames.indexOf(metric)];
  if (!column) return Number.NaN;
  for (let i = column.length - 1; i >= 0; i--) {
    const value = column[i] as number;
    if (Number.isFinite(value)) return value;
  }
  return Number.NaN;
}

/** A finished run's score: an evaluation metric, else its final training or validation loss; NaN when it has none. */
export function runScore(run: ScoredRun, score: string): number {
  if (run.status !== 'done' || !run.outcome) return Number.NaN;
  const metric = run.outcome.evaluation?.metrics[score];
  if (metric !== undefined) return metric;
  if (score === 'loss') return run.outcome.lastValues[0] ?? Number.NaN;
  if (score === 'val_loss') return lastFinite(run.series, 'val_loss');
  return Number.NaN;
}

export interface PointResult {
  point: GridPoint;
  scores: number[];
  summary: Summary | null;
  /** Runs of the point finished (done or failed), of all. */
  finished: number;
  total: number;
  best: boolean;
}

export interface GridResults {
  score: GridScore;
  points: PointResult[];
}

/** One row per grid point; the best is the point with the best mean (highest for accuracies, lowest otherwise). */
export function gridResults(experiment: AnyExperiment, grid: GridDef, runs: readonly ScoredRun[]): GridResults {
  const score = gridScores(experiment).find((s) => s.key === grid.score) ?? { key: grid.score, label: grid.score, higherIsBetter: false, percent: false };
  const points = gridPoints(experiment, grid).map((point) => {
    const own = runs.filter((run) => run.point === point.index);
    const scores = own.map((run) => runScore(run, grid.score)).filter(Number.isFinite);
    const finished = own.filter((run) => run.status === 'done' || run.status === 'error').length;
    return { point, scores, summary: summarize(scores), finished, total: own.length, best: false };
  });
  const sign = score.higherIsBetter ? -1 : 1;
  let best: PointResult | null = null;
  for (const row of points) if (row.summary && (!best?.summary || sign * row.summary.mean < sign * best.summary.mean)) best = row;
  if (best) best.best = true;
  return { score, points };
}
