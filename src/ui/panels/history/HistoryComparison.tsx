import { useMemo } from 'react';
import type { ParamDefs } from '../../../experiments/params';
import { findExperiment } from '../../../experiments/registry';
import { differingSettings } from '../../../state/history/diff';
import type { HistoryMetric, HistoryRun } from '../../../state/history/record';
import { formatCount, formatDuration, formatMetric } from '../../format';
import { finalLoss, historyEngineLabel } from './describe';

interface Row {
  key: string;
  label: string;
  cells: string[];
}

const defsOf = (experimentId: string): ParamDefs | undefined => findExperiment(experimentId)?.params as ParamDefs | undefined;

/** The evaluation metrics of any of the runs, in the order they first appear. */
function metricRows(runs: readonly HistoryRun[]): Row[] {
  const metrics: HistoryMetric[] = [];
  for (const run of runs) for (const metric of run.metrics) if (!metrics.some((m) => m.key === metric.key)) metrics.push(metric);
  return metrics.map((metric) => ({
    key: `metric-${metric.key}`,
    label: metric.label,
    cells: runs.map((run) => {
      const own = run.metrics.find((m) => m.key === metric.key);
      return own ? formatMetric(own.value, own.format) : '–';
    }),
  }));
}

/**
 * The picked runs side by side, a column per run: their final evaluation, loss, training and
 * engine, then only the settings that differ between them, highlighted.
 */
export function HistoryComparison({ runs }: { runs: readonly HistoryRun[] }) {
  const results = useMemo<Row[]>(
    () => [
      ...metricRows(runs),
      { key: 'loss', label: 'Final training loss', cells: runs.map((run) => { const loss = finalLoss(run); return loss === undefined ? '–' : formatMetric(loss, 'decimal'); }) },
      { key: 'samples', label: 'Samples trained', cells: runs.map((run) => formatCount(run.samplesSeen)) },
      { key: 'time', label: 'Training time', cells: runs.map((run) => formatDuration(run.elapsedMs)) },
      { key: 'engine', label: 'Engine', cells: runs.map(historyEngineLabel) },
      { key: 'params', label: 'Parameters', cells: runs.map((run) => formatCount(run.paramCount)) },
    ],
    [runs],
  );
  const settings = useMemo(() => differingSettings(runs, defsOf), [runs]);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Comparison of the picked runs (scrolls sideways)">
      <table className="history-compare">
        <caption className="muted small">Final results of the picked runs, and the settings that differ between them</caption>
        <thead>
          <tr>
            <td />
            {runs.map((run) => (
              <th key={run.id} scope="col">
                Run {run.id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {results.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                <td key={i} className="num">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tbody className="history-differs" data-testid="history-differs">
          <tr>
            <th scope="colgroup" colSpan={runs.length + 1} className="history-differs-title">
              {settings.length > 0 ? 'Settings that differ' : 'The same settings and seed'}
            </th>
          </tr>
          {settings.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                <td key={i}>
                  <mark>{cell}</mark>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
