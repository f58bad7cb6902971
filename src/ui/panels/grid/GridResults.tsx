import { useMemo, useState } from 'react';
import type { Summary } from '../../../engine/stats';
import type { ParamDefs } from '../../../experiments/params';
import type { AnyExperiment } from '../../../experiments/types';
import type { RepeatRun } from '../../../state/batch';
import { valueLabel, type GridDef } from '../../../state/grid/definition';
import { gridResults } from '../../../state/grid/results';
import { BoxPlot } from '../../charts/BoxPlot';
import type { BoxGroupInput } from '../../charts/boxPlotGeometry';
import { MetricChart, type ChartRun } from '../../charts/MetricChart';
import { formatMetric } from '../../format';
import { SUMMARY_COLUMNS } from '../../summaryColumns';


interface Props {
  experiment: AnyExperiment;
  grid: GridDef;
  runs: readonly RepeatRun[];
  version: number;
}

/** The summary per grid point (best marked), the box plot per value, and every run's curves on request. */
export function GridResults({ experiment, grid, runs, version }: Props) {
  const defs = experiment.params as ParamDefs;
  const [showCurves, setShowCurves] = useState(false);
  // Finished runs only change the summary; `runs` changes identity when a run's status does.
  const results = useMemo(() => gridResults(experiment, grid, runs), [experiment, grid, runs]);
  const format = results.score.percent ? 'percent' : 'decimal';
  const [first, second] = grid.axes;
  const axisLabel = (param: string | undefined) => (param ? (defs[param]?.label ?? param) : '');
  const groups = useMemo<BoxGroupInput[]>(() => {
    const firstValues = first?.values ?? [];
    return firstValues.map((value) => ({
      label: valueLabel(defs[first?.param ?? ''], value),
      boxes: results.points
        .filter((p) => p.point.coords[0] === value && p.summary)
        .map((p) => ({
          series: second ? second.values.indexOf(p.point.coords[1] ?? '') : 0,
          label: `${p.point.label}: median ${formatMetric(p.summary?.median ?? Number.NaN, format)}`,
          summary: p.summary as Summary,
          scores: p.scores,
        }))
        .filter((b) => b.series >= 0),
    }));
  }, [results, first, second, defs, format]);
  const chartRuns = useMemo<ChartRun[]>(
    () => runs.flatMap((run) => (run.series ? [{ key: run.label, label: run.label, series: run.series, current: false, totalSamples: run.totalSamples }] : [])),
    [runs],
  );
  const finished = results.points.reduce((n, p) => n + (p.summary?.count ?? 0), 0);
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="group" aria-label="Grid search summary">
        <table className="repeat-stats grid-stats" data-testid="grid-table">
          <caption>
            {results.score.label} per grid point, {grid.repeats} seed{grid.repeats === 1 ? '' : 's'} each; best mean marked
          </caption>
          <thead>
            <tr>
              {grid.axes.map((axis) => (
                <th key={axis.param} scope="col">
                  {axisLabel(axis.param)}
                </th>
              ))}
              {SUMMARY_COLUMNS.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
              <th scope="col">best</th>
            </tr>
          </thead>
          <tbody>
            {results.points.map((p) => (
              <tr key={p.point.index} className={p.best ? 'grid-best' : undefined}>
                {p.point.coords.map((value, a) => (
                  <th key={a} scope="row">
                    {valueLabel(defs[grid.axes[a]?.param ?? ''], value)}
                  </th>
                ))}
                {SUMMARY_COLUMNS.map((s) => (
                  <td key={s.key}>{p.summary ? (s.key === 'count' ? String(p.summary.count) : formatMetric(p.summary[s.key], format)) : s.key === 'count' ? '0' : '–'}</td>
                ))}
                <td>{p.best ? '★ best' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {finished > 0 && (
        <BoxPlot
          groups={groups}
          yLabel={results.score.label}
          xLabel={axisLabel(first?.param)}
          {...(second ? { legend: { title: axisLabel(second.param), labels: second.values.map((v) => valueLabel(defs[second.param], v)) } } : {})}
          description={`Box-and-whisker plot of ${results.score.label} for each ${axisLabel(first?.param)}${second ? ` and ${axisLabel(second.param)}` : ''}: boxes from Q1 to Q3 with the median, whiskers to min and max. The table above has the same numbers.`}
        />
      )}
      <details className="repeat-runs" onToggle={(e) => setShowCurves(e.currentTarget.open)}>
        <summary>Every run’s loss curve</summary>
        {showCurves && chartRuns.length > 0 && (
          <div className="repeat-chart">
            <MetricChart metric="loss" runs={chartRuns} smoothing={0.6} logScale={false} version={version} legend={false} />
          </div>
        )}
      </details>
    </>
  );
}
