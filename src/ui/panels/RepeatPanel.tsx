import { useMemo, useState } from 'react';
import { summarize, type Summary } from '../../engine/stats';
import type { AnyExperiment, AnyParamValues, MetricFormat } from '../../experiments/types';
import { setSeed } from '../../state/actions';
import { cancelRepeats, MAX_REPEATS, startRepeats, useRepeatStore, type RepeatRun } from '../../state/repeats';
import { useStore } from '../../state/store';
import { MetricChart, type ChartRun } from '../charts/MetricChart';
import { formatMetric } from '../format';
import { SUMMARY_COLUMNS } from '../summaryColumns';
import { useThrottled } from '../useThrottled';

interface ScoreRow {
  key: string;
  label: string;
  format: MetricFormat;
  summary: Summary | null;
}

/** The run count is in the caption above the table. */
const STAT_COLUMNS = SUMMARY_COLUMNS.filter((column) => column.key !== 'count');

function scoreRows(experiment: AnyExperiment, values: AnyParamValues, finished: readonly RepeatRun[]): ScoreRow[] {
  const rows: ScoreRow[] = experiment.evaluationMetrics.filter((info) => info.relevant?.(values) ?? true).map((info) => ({
    key: info.key,
    label: info.label,
    format: info.format,
    summary: summarize(finished.map((run) => run.outcome?.evaluation?.metrics[info.key] ?? Number.NaN)),
  }));
  rows.push({ key: 'loss', label: 'Final training loss', format: 'decimal', summary: summarize(finished.map((run) => run.outcome?.lastValues[0] ?? Number.NaN)) });
  return rows;
}

/**
 * Repeat the current configuration over consecutive seeds: the spread of the final scores, the
 * success rate where the experiment defines success, and every loss curve overlaid.
 */
export function RepeatPanel({ experiment }: { experiment: AnyExperiment }) {
  const [count, setCount] = useState(10);
  const seed = useStore((s) => s.seed);
  const status = useRepeatStore((s) => s.status);
  const runs = useRepeatStore((s) => s.runs);
  const workers = useRepeatStore((s) => s.workers);
  const version = useThrottled(useRepeatStore((s) => s.version), 250);
  const repeatOf = useRepeatStore((s) => s.experimentId);
  const kind = useRepeatStore((s) => s.kind);
  const shown = useMemo(() => (repeatOf === experiment.id && kind === 'repeat' ? runs : []), [repeatOf, experiment.id, kind, runs]);
  const finished = useMemo(() => shown.filter((run) => run.status === 'done' && run.outcome?.evaluation), [shown]);
  const repeatValues = useRepeatStore((s) => s.values);
  const rows = useMemo(() => scoreRows(experiment, repeatValues, finished), [experiment, repeatValues, finished]);
  const chartRuns = useMemo<ChartRun[]>(
    () =>
      shown.flatMap((run) =>
        run.series ? [{ key: `seed-${run.seed}`, label: `seed ${run.seed}`, series: run.series, current: false, totalSamples: run.totalSamples }] : [],
      ),
    [shown],
  );
  const successes = experiment.success ? finished.filter((run) => experiment.success?.test(run.outcome?.evaluation?.metrics ?? {})).length : 0;
  const running = status === 'running' && kind === 'repeat';
  const busy = status === 'running';
  const done = shown.filter((run) => run.status === 'done' || run.status === 'error').length;
  const valid = Number.isInteger(count) && count >= 2 && count <= MAX_REPEATS;

  return (
    <section className="panel repeat-panel" aria-labelledby="repeat-title">
      <h2 id="repeat-title">Repeat over seeds</h2>
      <p className="muted small">
        One run is one draw of the dice: weights, data and order all come from the seed. Train the same settings with seeds{' '}
        {seed}–{seed + (valid ? count : 2) - 1} to see how much of the result is luck.
      </p>
      <form
        className="repeat-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) startRepeats(count);
        }}
      >
        <label>
          Runs
          <input type="number" min={2} max={MAX_REPEATS} step={1} value={Number.isFinite(count) ? count : ''} onChange={(e) => setCount(e.target.valueAsNumber)} aria-invalid={!valid} />
        </label>
        <button type="submit" disabled={!valid || busy}>
          Repeat {valid ? count : ''} runs
        </button>
        {running && (
          <button type="button" onClick={cancelRepeats}>
            Cancel
          </button>
        )}
        {!valid && <span className="field-error">Between 2 and {MAX_REPEATS} runs.</span>}
      </form>
      {shown.length > 0 && (
        <div aria-live="polite">
          <p data-testid="repeat-progress">
            {done} of {shown.length} runs done
            {running ? ` · ${workers} worker${workers === 1 ? '' : 's'} training` : status === 'cancelled' ? ' · cancelled' : ''}
          </p>
          {experiment.success && finished.length > 0 && (
            <p className="repeat-success" data-testid="repeat-success">
              <strong>
                {successes} of {finished.length}
              </strong>{' '}
              runs ({Math.round((100 * successes) / finished.length)}%): {experiment.success.label}.
            </p>
          )}
          {finished.length > 0 && (
            <div className="table-scroll" tabIndex={0} role="group" aria-label="Summary of the final scores">
              <table className="repeat-stats" data-testid="repeat-stats">
                <caption>Final scores over {finished.length} runs</caption>
                <thead>
                  <tr>
                    <th scope="col">Score</th>
                    {STAT_COLUMNS.map((c) => (
                      <th key={c.key} scope="col">
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{row.label}</th>
                      {STAT_COLUMNS.map((c) => (
                        <td key={c.key}>{row.summary ? formatMetric(row.summary[c.key], c.key === 'std' && row.format === 'percent' ? 'percent' : row.format) : '–'}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {chartRuns.length > 0 && (
            <div className="repeat-chart">
              <MetricChart metric="loss" runs={chartRuns} smoothing={0.6} logScale={false} version={version} legend={false} />
            </div>
          )}
          <details className="repeat-runs">
            <summary>Every run</summary>
            <ul>
              {shown.map((run) => (
                <li key={run.seed}>
                  Seed {run.seed}: {runSummary(experiment, run)}{' '}
                  {run.status === 'done' && (
                    <button type="button" className="link-button" onClick={() => setSeed(run.seed)}>
                      use this seed
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </section>
  );
}

function runSummary(experiment: AnyExperiment, run: RepeatRun): string {
  if (run.status !== 'done') return run.status === 'error' ? `failed: ${run.error ?? 'unknown error'}` : run.status;
  const metrics = run.outcome?.evaluation?.metrics;
  if (!metrics) return run.outcome?.message ?? 'no evaluation';
  const scores = experiment.evaluationMetrics.filter((info) => info.relevant?.(run.values) ?? true).map((info) => `${info.label.toLowerCase()} ${formatMetric(metrics[info.key] ?? Number.NaN, info.format)}`).join(', ');
  const verdict = experiment.success ? (experiment.success.test(metrics) ? ' ✓' : ' ✗') : '';
  return scores + verdict;
}
