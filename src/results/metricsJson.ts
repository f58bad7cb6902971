/**
 * A run's results as JSON: what it was trained with (experiment, seed, knobs, engine), its final
 * evaluation and every curve. Non-finite values (a validation metric between epochs, a NaN loss)
 * are written as null. Pure.
 */
import type { RunResults } from './runResults';

export const RESULTS_FORMAT = 'lstm-playground-results';
export const RESULTS_VERSION = 1;

const finite = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? null : value);

export function metricsJson(results: RunResults, exportedAt: Date): string {
  const { curves } = results;
  return JSON.stringify(
    {
      format: RESULTS_FORMAT,
      version: RESULTS_VERSION,
      exportedAt: exportedAt.toISOString(),
      experiment: { id: results.experimentId, title: results.experimentTitle },
      seed: results.seed,
      params: results.params,
      ...(results.omittedParams.length ? { omittedParams: results.omittedParams } : {}),
      engine: results.engine,
      backend: results.backend,
      paramCount: results.paramCount,
      status: results.status,
      steps: results.steps,
      samplesSeen: results.samplesSeen,
      elapsedMs: results.elapsedMs,
      evaluation: results.evaluation.map((m) => ({ key: m.key, label: m.label, value: finite(m.value) })),
      curves: {
        samplesSeen: Array.from(curves.samples),
        metrics: Object.fromEntries(curves.metricNames.map((name, m) => [name, Array.from(curves.values[m] ?? [], finite)])),
      },
    },
    null,
    2,
  );
}
