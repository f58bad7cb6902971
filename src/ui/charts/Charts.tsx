import { useDeferredValue, useMemo } from 'react';
import { metricNamesOf } from '../../engine/modelSpec';
import type { AnyExperiment, AnyParamValues } from '../../experiments/types';
import { setLogScale, setSmoothing } from '../../state/actions';
import { useHistoryStore } from '../../state/history/store';
import { useStore } from '../../state/store';
import { useDelayed } from '../useDelayed';
import { useThrottled } from '../useThrottled';
import { MetricChart, type ChartRun } from './MetricChart';

/** Charts redraw at most 4 times a second, however fast training runs. */
const REDRAW_MS = 250;

/** The current run, or a run of the history by its number there. */
function runLabel(id: number | null, seed: number): string {
  return `${id === null ? 'this run' : `run ${id}`} (seed ${seed})`;
}

interface ChartInput {
  runs: ChartRun[];
  version: number;
}

/**
 * One chart whose input lags by `delayMs`: the charts of a panel redraw one after another, each
 * in its own task, instead of all in one long task.
 */
function StaggeredChart(props: { metric: string; input: ChartInput; delayMs: number; smoothing: number; logScale: boolean }) {
  const { runs, version } = useDelayed(props.input, props.delayMs);
  return <MetricChart metric={props.metric} runs={runs} smoothing={props.smoothing} logScale={props.logScale} version={version} />;
}

/** The metrics the experiment's model reports for these settings (loss alone when they are invalid). */
function plannedMetrics(experiment: AnyExperiment, values: AnyParamValues): string[] {
  try {
    return metricNamesOf(experiment.model(values));
  } catch {
    return ['loss'];
  }
}

/** One chart per training metric: a validation metric (val_loss) is drawn on its metric's chart. */
const isValidationMetric = (metric: string) => metric.startsWith('val_');

/**
 * Live loss and metric curves with smoothing and log-scale controls. The charts are mounted
 * before the first run (empty, with a hint), so pressing Train only feeds them points: mounting
 * recharts is the most expensive render the page does and must not land while training starts.
 */
export function Charts({ experiment, values }: { experiment: AnyExperiment; values: AnyParamValues }) {
  const run = useStore((s) => s.run);
  // Earlier runs drawn under this one: the runs picked in the run history (of this experiment).
  const historyRuns = useHistoryStore((s) => s.runs);
  const picked = useHistoryStore((s) => s.picked);
  const curves = useHistoryStore((s) => s.curves);
  const pageRunIds = useHistoryStore((s) => s.pageRunIds);
  const experimentId = useStore((s) => s.experimentId);
  const smoothing = useStore((s) => s.smoothing);
  const logScale = useStore((s) => s.logScale);
  const version = useThrottled(useStore((s) => s.seriesVersion), REDRAW_MS);

  const runs = useMemo(() => {
    const list: ChartRun[] = [];
    if (run?.series) list.push({ key: `run-${run.id}`, label: runLabel(null, run.seed), series: run.series, current: true, totalSamples: run.totalSamples });
    for (const id of picked) {
      const old = historyRuns.find((r) => r.id === id);
      const series = curves[id];
      if (!old || !series || old.experimentId !== experimentId || (run && pageRunIds[id] === run.id)) continue;
      list.push({ key: `history-${id}`, label: runLabel(id, old.seed), series, current: false, totalSamples: old.totalSamples });
    }
    return list;
  }, [run, picked, historyRuns, curves, pageRunIds, experimentId]);

  // Charts render in a transition, one after another: React slices the work and keeps the page
  // responsive while recharts redraws.
  const input = useDeferredValue(useMemo(() => ({ runs, version }), [runs, version]));
  const planned = useMemo(() => plannedMetrics(experiment, values), [experiment, values]);
  const metrics = (run?.series?.metricNames ?? planned).filter((metric) => !isValidationMetric(metric));
  return (
    <section className="charts" aria-label="Training curves">
      <div className="chart-controls">
        <label>
          Smoothing
          <input
            type="range"
            min={0}
            max={0.99}
            step={0.01}
            value={smoothing}
            onChange={(e) => setSmoothing(Number(e.target.value))}
            aria-valuetext={smoothing.toFixed(2)}
          />
          <output>{smoothing.toFixed(2)}</output>
        </label>
        <label>
          <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} /> Log scale
        </label>
      </div>
      {runs.length === 0 && (
        <p className="placeholder">Press Train to draw the loss{metrics.length > 1 ? ' and accuracy' : ''} as the network learns.</p>
      )}
      <div className="chart-grid">
        {metrics.map((metric, i) => (
          <StaggeredChart
            key={metric}
            metric={metric}
            input={input}
            delayMs={(i * REDRAW_MS) / metrics.length}
            smoothing={smoothing}
            logScale={logScale && metric === 'loss'}
          />
        ))}
      </div>
    </section>
  );
}
