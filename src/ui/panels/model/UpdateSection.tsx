import { useState } from 'react';
import type { AnyExperiment, AnyParamValues } from '../../../experiments/types';
import { revertUpdate, stopUpdate, updateModel } from '../../../state/models/modelActions';
import { useModelPanel } from '../../../state/models/modelPanelStore';
import { formatCount, formatMetric } from '../../format';
import { useStore } from '../../../state/store';

function amountKeyOf(experiment: AnyExperiment): 'samples' | 'epochs' | null {
  const params = experiment.params as Record<string, unknown>;
  return Object.hasOwn(params, 'samples') ? 'samples' : Object.hasOwn(params, 'epochs') ? 'epochs' : null;
}

const numberOr = (value: number, fallback: number) => (Number.isFinite(value) ? value : fallback);

/** Train the current model further on fresh data, then compare old and updated on the same fresh evaluation data. */
export function UpdateSection({ experiment, values }: { experiment: AnyExperiment; values: AnyParamValues }) {
  const key = amountKeyOf(experiment);
  const currentAmount = key ? Number(values[key]) : 0;
  const currentLr = typeof values.lr === 'number' ? values.lr : null;
  const [amount, setAmount] = useState(() => Math.max(1, Math.round(currentAmount / 10)));
  const [lr, setLr] = useState(() => (currentLr === null ? Number.NaN : currentLr / 10));
  const runSeed = useStore((s) => s.run?.seed ?? 1);
  // Another seed than the model's own: data it has not seen.
  const [seed, setSeed] = useState(() => (runSeed % 2_000_000_000) + 1000);
  const busy = useModelPanel((s) => s.busy);
  const update = useModelPanel((s) => s.update);
  if (!key) return null;
  const unit = key === 'samples' ? 'samples' : 'epochs';
  const amountOk = Number.isInteger(amount) && amount >= 1 && amount <= 1_000_000;
  const lrOk = currentLr === null || (Number.isFinite(lr) && lr > 0 && lr <= 10);
  const seedOk = Number.isInteger(seed) && seed >= 1 && seed <= 2_147_483_647;
  const result = update?.result;
  const metrics = experiment.evaluationMetrics.filter((info) => (info.relevant?.(values) ?? true) && result && (result.before.metrics[info.key] !== undefined || result.after.metrics[info.key] !== undefined));
  return (
    <div className="model-update">
      <h3>Update on new data</h3>
      <form
        className="model-row"
        onSubmit={(event) => {
          event.preventDefault();
          if (amountOk && lrOk && seedOk) void updateModel({ seed, amount, learningRate: currentLr === null ? null : lr });
        }}
      >
        <label>
          {key === 'samples' ? 'Fresh samples' : 'More epochs'}
          <input type="number" min={1} step={1} value={Number.isFinite(amount) ? amount : ''} onChange={(e) => setAmount(e.target.valueAsNumber)} aria-invalid={!amountOk} />
        </label>
        {currentLr !== null && (
          <label>
            Learning rate
            <input type="number" min={0.000001} max={10} step="any" value={Number.isFinite(lr) ? lr : ''} onChange={(e) => setLr(numberOr(e.target.valueAsNumber, Number.NaN))} aria-invalid={!lrOk} />
          </label>
        )}
        <label>
          Data seed
          <input type="number" min={1} step={1} value={Number.isFinite(seed) ? seed : ''} onChange={(e) => setSeed(e.target.valueAsNumber)} aria-invalid={!seedOk} />
        </label>
        <button type="submit" disabled={busy !== null || !amountOk || !lrOk || !seedOk}>
          Update and compare
        </button>
        {busy === 'update' && (
          <button type="button" onClick={stopUpdate}>
            Stop
          </button>
        )}
      </form>
      {(!amountOk || !lrOk || !seedOk) && <p className="field-error">{!amountOk ? `Between 1 and 1,000,000 ${unit}.` : !lrOk ? 'A learning rate above 0 and at most 10.' : 'A whole-number seed from 1.'}</p>}
      <p className="muted small">
        It was trained with learning rate {currentLr ?? '–'} on {formatCount(currentAmount)} {unit}. The update trains a copy on{' '}
        {key === 'samples' ? 'fresh data from the data seed' : 'the data set again, shuffled by the data seed'}; the old and the updated model are then scored on the same
        evaluation data.
      </p>
      {update?.progress && (
        <p aria-live="polite" data-testid="update-progress">
          Updating: {formatCount(update.progress.samplesSeen)} of {formatCount(update.progress.totalSamples)}…
        </p>
      )}
      {update?.error && (
        <p className="field-error" role="alert">
          {update.error}
        </p>
      )}
      {result && (
        <div aria-live="polite">
          {result.message && <p className="muted">{result.message}</p>}
          {result.status !== 'diverged' && (
            <p>
              The updated model is now the current one.{' '}
              <button type="button" disabled={busy !== null} onClick={() => void revertUpdate()}>
                Keep the old model
              </button>
            </p>
          )}
          <div className="table-scroll" tabIndex={0} role="group" aria-label="Old and updated model compared">
            <table className="model-table" data-testid="update-comparison">
              <caption>
                Same fresh evaluation data; updated on {formatCount(result.samplesSeen)} {unit} at learning rate {result.learningRate}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Metric</th>
                  <th scope="col">Old model</th>
                  <th scope="col">Updated model</th>
                  <th scope="col">Difference</th>
                </tr>
              </thead>
              <tbody>
                {metrics.map((info) => {
                  const before = result.before.metrics[info.key];
                  const after = result.after.metrics[info.key];
                  const diff = before !== undefined && after !== undefined ? after - before : undefined;
                  return (
                    <tr key={info.key}>
                      <th scope="row">{info.label}</th>
                      <td>{before === undefined ? '–' : formatMetric(before, info.format)}</td>
                      <td>{after === undefined ? '–' : formatMetric(after, info.format)}</td>
                      <td>{diff === undefined ? '–' : `${diff > 0 ? '+' : diff < 0 ? '−' : '±'}${formatMetric(Math.abs(diff), info.format)}`}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
