import { useDeferredValue, useMemo } from 'react';
import { setLogScale, setSmoothing } from '../../state/actions';
import { useStore, type RunRecord } from '../../state/store';
import { useThrottled } from '../useThrottled';
import { MetricChart, type ChartRun } from './MetricChart';

/** Charts redraw at most 4 times a second, however fast training runs. */
const REDRAW_MS = 250;

function runLabel(run: RunRecord, current: boolean): string {
  return `${current ? 'this run' : `run ${run.id}`} (seed ${run.seed})`;
}

/** Live loss and metric curves with smoothing and log-scale controls. */
export function Charts() {
  const run = useStore((s) => s.run);
  const previous = useStore((s) => s.previous);
  const smoothing = useStore((s) => s.smoothing);
  const logScale = useStore((s) => s.logScale);
  const version = useThrottled(useStore((s) => s.seriesVersion), REDRAW_MS);

  const runs = useMemo(() => {
    const list: ChartRun[] = [];
    if (run?.series) list.push({ key: `run-${run.id}`, label: runLabel(run, true), series: run.series, current: true });
    for (const old of previous) {
      if (old.series && old.experimentId === run?.experimentId) {
        list.push({ key: `run-${old.id}`, label: runLabel(old, false), series: old.series, current: false });
      }
    }
    return list;
  }, [run, previous]);

  // Charts render in a transition: React slices the work and keeps the page responsive while recharts redraws.
  const deferredRuns = useDeferredValue(runs);
  const deferredVersion = useDeferredValue(version);
  const metrics = run?.series?.metricNames ?? ['loss'];
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
      {runs.length === 0 ? (
        <p className="placeholder">Press Train to draw the loss and accuracy as the network learns.</p>
      ) : (
        <div className="chart-grid">
          {metrics.map((metric) => (
            <MetricChart
              key={metric}
              metric={metric}
              runs={deferredRuns}
              smoothing={smoothing}
              logScale={logScale && metric === 'loss'}
              version={deferredVersion}
            />
          ))}
        </div>
      )}
    </section>
  );
}
