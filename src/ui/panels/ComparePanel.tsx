import { useMemo } from 'react';
import type { AnyExperiment } from '../../experiments/types';
import { cancelRepeats, startComparison, useRepeatStore } from '../../state/repeats';
import { MetricChart, type ChartRun } from '../charts/MetricChart';
import { formatMetric } from '../format';
import { useThrottled } from '../useThrottled';

/**
 * Trains the current settings once per option of the experiment's compare knob (same seed), then
 * shows their scores side by side and their loss curves on one chart.
 */
export function ComparePanel({ experiment }: { experiment: AnyExperiment }) {
  const compare = experiment.compare;
  const status = useRepeatStore((s) => s.status);
  const kind = useRepeatStore((s) => s.kind);
  const of = useRepeatStore((s) => s.experimentId);
  const runs = useRepeatStore((s) => s.runs);
  const values = useRepeatStore((s) => s.values);
  const version = useThrottled(useRepeatStore((s) => s.version), 250);
  const shown = useMemo(() => (of === experiment.id && kind === 'compare' ? runs : []), [of, experiment.id, kind, runs]);
  const chartRuns = useMemo<ChartRun[]>(
    () => shown.flatMap((run) => (run.series ? [{ key: run.label, label: run.label, series: run.series, current: false, totalSamples: run.totalSamples }] : [])),
    [shown],
  );
  if (!compare) return null;
  const metrics = experiment.evaluationMetrics.filter((info) => info.relevant?.(values) ?? true);
  const running = status === 'running';
  return (
    <section className="panel compare-panel" aria-labelledby="compare-title">
      <h2 id="compare-title">{compare.label}</h2>
      <p className="muted small">Trains the current settings once per option of “{experiment.params[compare.param]?.label}”, one after another, with the same seed.</p>
      <div className="repeat-form">
        <button type="button" onClick={() => startComparison(compare.param)} disabled={running}>
          {compare.label}
        </button>
        {running && kind === 'compare' && (
          <button type="button" onClick={cancelRepeats}>
            Cancel
          </button>
        )}
      </div>
      {shown.length > 0 && (
        <div aria-live="polite">
          <div className="table-scroll" tabIndex={0} role="group" aria-label="Scores side by side">
            <table className="repeat-stats" data-testid="compare-table">
              <thead>
                <tr>
                  <th scope="col">{experiment.params[compare.param]?.label}</th>
                  {metrics.map((info) => (
                    <th key={info.key} scope="col">
                      {info.label}
                    </th>
                  ))}
                  <th scope="col">Final loss</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((run) => (
                  <tr key={run.label}>
                    <th scope="row">{run.label}</th>
                    {run.status === 'done' && run.outcome?.evaluation ? (
                      <>
                        {metrics.map((info) => (
                          <td key={info.key}>{formatMetric(run.outcome?.evaluation?.metrics[info.key] ?? Number.NaN, info.format)}</td>
                        ))}
                        <td>{run.outcome.lastValues[0]?.toPrecision(4) ?? '–'}</td>
                      </>
                    ) : (
                      <td colSpan={metrics.length + 1}>{run.status === 'error' ? `failed: ${run.error ?? ''}` : run.status}</td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {chartRuns.length > 0 && (
            <div className="repeat-chart">
              <MetricChart metric="loss" runs={chartRuns} smoothing={0.6} logScale={true} version={version} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
