import { useMemo } from 'react';
import { formatShape, ModelSpecError, summarize } from '../../engine/summary';
import { LOSS_LABELS } from '../../engine/modelSpec';
import type { AnyExperiment, AnyParamValues } from '../../experiments/types';
import { formatCount } from '../format';

/** Keras-style model summary, computed from the experiment's model description. */
export function ModelSummaryPanel({ experiment, values }: { experiment: AnyExperiment; values: AnyParamValues }) {
  const result = useMemo(() => {
    try {
      const spec = experiment.model(values);
      return { spec, summary: summarize(spec), error: null };
    } catch (error) {
      if (error instanceof ModelSpecError) return { spec: null, summary: null, error: error.message };
      throw error;
    }
  }, [experiment, values]);
  if (!result.summary || !result.spec) return <p className="field-error">{result.error}</p>;
  const { spec, summary } = result;
  return (
    <section className="panel" aria-labelledby="summary-title">
      <h2 id="summary-title">Model</h2>
      <table className="summary-table">
        <thead>
          <tr>
            <th scope="col">Layer (type)</th>
            <th scope="col">Output shape</th>
            <th scope="col" className="num">
              Params
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((row) => (
            <tr key={row.name}>
              <td>
                {row.name} <span className="muted">({row.kind})</span>
              </td>
              <td>
                <code>{formatShape(row.outputShape)}</code>
              </td>
              <td className="num">{formatCount(row.params)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Total params
            </th>
            <td className="num" data-testid="total-params">
              {formatCount(summary.totalParams)}
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="muted small">
        Input {formatShape([spec.batchSize ?? null, ...spec.inputShape])} · loss: {LOSS_LABELS[spec.loss]}
        {spec.metrics.length > 0 && ` · metrics: ${spec.metrics.join(', ')}`}
      </p>
    </section>
  );
}
