/**
 * A finished (or stopped) run's results in one plain record: what it was trained with, its curves
 * and its final evaluation. The CSV and JSON codecs read it; nothing here touches the DOM. Pure.
 */
import type { AnyExperiment, AnyParamValues } from '../experiments/types';
import { inUrl, type ParamDefs } from '../experiments/params';
import { lastOf, type Curves } from '../state/series';

export interface EvaluationResult {
  key: string;
  label: string;
  value: number;
}

export interface RunResults {
  experimentId: string;
  experimentTitle: string;
  seed: number;
  /** The knobs the run was trained with; whole data files are left out (see omittedParams). */
  params: AnyParamValues;
  /** Knobs left out because they hold a data file (the timeseries' CSV), not a setting. */
  omittedParams: string[];
  engine: string | null;
  backend: string | null;
  paramCount: number;
  /** How the run ended ("completed", "stopped"…), null while it trains. */
  status: string | null;
  steps: number;
  samplesSeen: number;
  elapsedMs: number;
  /** Curves: one value per training step for every metric; validation metrics only at the steps they were scored (NaN elsewhere). */
  curves: Curves;
  evaluation: EvaluationResult[];
}

export interface RunLike {
  experimentId: string;
  seed: number;
  values: AnyParamValues;
  engine: string | null;
  backend: string | null;
  paramCount: number;
  series: Curves | null;
  elapsedMs: number;
  outcome: { status: string; steps: number; samplesSeen: number; evaluation?: { metrics: Record<string, number> } } | null;
}

/** The results of a run of `experiment`, labelled with the experiment's evaluation labels. */
export function runResults(experiment: AnyExperiment, run: RunLike): RunResults {
  const params: AnyParamValues = {};
  const omittedParams: string[] = [];
  for (const [key, value] of Object.entries(run.values)) {
    const def = (experiment.params as ParamDefs)[key];
    if (def && !inUrl(def)) omittedParams.push(key);
    else params[key] = value;
  }
  const metrics = run.outcome?.evaluation?.metrics ?? {};
  const labelled = experiment.evaluationMetrics.filter((m) => Object.hasOwn(metrics, m.key)).map((m) => ({ key: m.key, label: m.label, value: metrics[m.key] ?? Number.NaN }));
  const known = new Set(labelled.map((m) => m.key));
  const others = Object.entries(metrics)
    .filter(([key]) => !known.has(key))
    .map(([key, value]) => ({ key, label: key, value }));
  const curves = run.series ?? { metricNames: [], samples: [], values: [] };
  return {
    experimentId: run.experimentId,
    experimentTitle: experiment.title,
    seed: run.seed,
    params,
    omittedParams,
    engine: run.engine,
    backend: run.backend,
    paramCount: run.paramCount,
    status: run.outcome?.status ?? null,
    steps: run.outcome?.steps ?? curves.samples.length,
    samplesSeen: run.outcome?.samplesSeen ?? lastOf(curves.samples) ?? 0,
    elapsedMs: run.elapsedMs,
    curves,
    evaluation: [...labelled, ...others],
  };
}

/** A file name for the run's exports: lstm-echo-seed1-run3. */
export function resultsBaseName(results: Pick<RunResults, 'experimentId' | 'seed'>, runId: number): string {
  return `lstm-${results.experimentId}-seed${results.seed}-run${runId}`.replace(/[^\w.-]+/g, '_');
}
