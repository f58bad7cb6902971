import { useMemo } from 'react';
import { createRng } from '../../engine/random';
import { formatShape } from '../../engine/summary';
import type { AnyExperiment, AnyParamValues } from '../../experiments/types';

const ROWS = 2;
const MAX_COLUMNS = 24;
const MAX_STEPS = 12;

function Matrix({ values, rows, columns, caption }: { values: Float32Array; rows: number; columns: number; caption: string }) {
  const shownColumns = Math.min(columns, MAX_COLUMNS);
  const shownRows = Math.min(rows, MAX_STEPS);
  return (
    <table className="matrix">
      <caption>{caption}</caption>
      <tbody>
        {Array.from({ length: shownRows }, (_, r) => (
          <tr key={r}>
            {Array.from({ length: shownColumns }, (_, c) => {
              const v = values[r * columns + c] ?? 0;
              return (
                <td key={c} className={v !== 0 ? 'hot' : undefined}>
                  {Number.isInteger(v) ? v : v.toFixed(2)}
                </td>
              );
            })}
            {columns > shownColumns && <td className="muted">…</td>}
          </tr>
        ))}
        {rows > shownRows && (
          <tr>
            <td colSpan={shownColumns} className="muted">
              … {rows - shownRows} more steps
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** The shapes of X and y and a few encoded examples: what the network actually receives. */
export function DataPreviewPanel({ experiment, values }: { experiment: AnyExperiment; values: AnyParamValues }) {
  const sample = useMemo(() => experiment.sampleBatch(values, createRng('data-preview'), ROWS), [experiment, values]);
  const plan = experiment.plan(values);
  const [, steps = 1, features = 1] = sample.xShape;
  const outWidth = sample.yShape.slice(1).reduce((a, b) => a * b, 1);
  return (
    <section className="panel" aria-labelledby="data-title">
      <h2 id="data-title">Data</h2>
      <p>
        X: <code data-testid="x-shape">{formatShape([plan.totalSamples, ...sample.xShape.slice(1)])}</code> · y:{' '}
        <code data-testid="y-shape">{formatShape([plan.totalSamples, ...sample.yShape.slice(1)])}</code>
      </p>
      <p className="muted small">[samples, timesteps, features] — each row below is one timestep of one example.</p>
      {Array.from({ length: ROWS }, (_, row) => (
        <div key={row} className="example">
          <Matrix
            values={sample.x.subarray(row * steps * features, (row + 1) * steps * features)}
            rows={steps}
            columns={features}
            caption={`Example ${row + 1}: X`}
          />
          <Matrix values={sample.y.subarray(row * outWidth, (row + 1) * outWidth)} rows={1} columns={outWidth} caption="y" />
        </div>
      ))}
    </section>
  );
}
