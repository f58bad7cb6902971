import { useState } from 'react';
import type { AnyExperiment, AnyParamValues } from '../../../experiments/types';
import { predictText } from '../../../state/models/modelActions';
import { useModelPanel } from '../../../state/models/modelPanelStore';
import { PixelGrid } from '../../canvas/PixelGrid';
import { PolygonView } from './PolygonView';

/** Type an input, get the model's answer decoded for people. */
export function PredictSection({ experiment, values, runId }: { experiment: AnyExperiment; values: AnyParamValues; runId: number }) {
  const predictor = experiment.predictor;
  const [text, setText] = useState(() => predictor?.example(values) ?? '');
  const [forRun, setForRun] = useState(runId);
  if (forRun !== runId) {
    // Another model (a new run or a load): start from its example.
    setForRun(runId);
    setText(predictor?.example(values) ?? '');
  }
  const busy = useModelPanel((s) => s.busy);
  const prediction = useModelPanel((s) => s.prediction);
  if (!predictor) return null;
  const answer = prediction?.answer;
  return (
    <div className="model-predict">
      <h3>Predict</h3>
      <form
        className="model-row"
        onSubmit={(event) => {
          event.preventDefault();
          void predictText(text);
        }}
      >
        <label>
          {predictor.label}
          <input type="text" value={text} onChange={(e) => setText(e.target.value)} aria-describedby="predict-help" aria-invalid={!!prediction?.error} spellCheck={false} />
        </label>
        <button type="submit" disabled={busy !== null}>
          Predict
        </button>
      </form>
      <p id="predict-help" className="muted small">
        {predictor.help(values)}
      </p>
      {prediction?.error && (
        <p className="field-error" role="alert" data-testid="prediction-error">
          {prediction.error}
        </p>
      )}
      {answer && (
        <div aria-live="polite">
          <p>
            <output data-testid="prediction">{answer.summary}</output>
          </p>
          {answer.rows && answer.rows.length > 0 && (
            <div className="table-scroll" tabIndex={0} role="group" aria-label="Prediction details">
              <table className="model-table">
                <tbody>
                  {answer.rows.map((row, i) => (
                    <tr key={i}>
                      <th scope="row">{row.label}</th>
                      <td>{row.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {answer.polygon && <PolygonView points={answer.polygon} label={answer.summary} />}
          {answer.image && (
            <PixelGrid values={answer.image.values} rows={answer.image.rows} columns={answer.image.columns} cell={Math.max(1, Math.floor(160 / answer.image.columns))} label={answer.image.label} />
          )}
        </div>
      )}
    </div>
  );
}
