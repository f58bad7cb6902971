import { findExperiment } from '../../../experiments/registry';
import type { AnyExperiment } from '../../../experiments/types';
import { changedValues } from '../../../experiments/values';
import { deleteSaved, loadFiles, loadSaved } from '../../../state/models/modelActions';
import { useModelPanel } from '../../../state/models/modelPanelStore';
import type { SavedModelSummary } from '../../../state/models/library';
import { formatMetric } from '../../format';

function metricsText(model: SavedModelSummary): string {
  const experiment = findExperiment(model.experimentId);
  const parts = (experiment?.evaluationMetrics ?? []).flatMap((info) => {
    const value = model.metrics[info.key];
    return value === undefined ? [] : [`${info.label} ${formatMetric(value, info.format)}`];
  });
  return parts.length ? parts.join(', ') : '–';
}

function settingsText(model: SavedModelSummary): string {
  const experiment = findExperiment(model.experimentId);
  if (!experiment) return '';
  const changed = Object.entries(changedValues(experiment, model.values)).filter(([, v]) => !(typeof v === 'string' && v.length > 40));
  const list = changed.map(([k, v]) => `${k}=${String(v)}`);
  return [`seed ${model.seed}`, ...(list.length ? list : ['defaults'])].join(', ');
}

/** Saved models of this browser (name, experiment, date, metrics, settings), and loading from files. */
export function LoadSection({ experiment, disabled }: { experiment: AnyExperiment; disabled: boolean }) {
  const saved = useModelPanel((s) => s.saved);
  const storageError = useModelPanel((s) => s.storageError);
  const busy = useModelPanel((s) => s.busy);
  return (
    <div className="model-load">
      <h3>Saved in this browser</h3>
      {storageError && <p className="field-error">{storageError}</p>}
      {saved.length === 0 ? (
        <p className="muted small">None yet.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="group" aria-label="Saved models">
          <table className="model-list" data-testid="model-list">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Experiment</th>
                <th scope="col">Saved</th>
                <th scope="col">Metrics</th>
                <th scope="col">Settings</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {saved.map((model) => (
                <tr key={model.id}>
                  <th scope="row">{model.name}</th>
                  <td>{findExperiment(model.experimentId)?.title ?? model.experimentId}</td>
                  <td>{new Date(model.savedAt).toLocaleString()}</td>
                  <td>{metricsText(model)}</td>
                  <td className="small">{settingsText(model)}</td>
                  <td className="model-actions">
                    <button
                      type="button"
                      disabled={disabled || busy !== null || model.experimentId !== experiment.id}
                      title={model.experimentId !== experiment.id ? 'Open its experiment to load it' : undefined}
                      aria-label={`Load ${model.name}`}
                      onClick={() => void loadSaved(model.id, model.name)}
                    >
                      Load
                    </button>
                    <button type="button" aria-label={`Delete ${model.name}`} disabled={busy !== null} onClick={() => void deleteSaved(model.id)}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <label className="model-upload">
        Load from files (model.json with its weights file)
        <input
          type="file"
          multiple
          accept=".json,.bin,application/json,application/octet-stream"
          disabled={disabled || busy !== null}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            if (files.length) void loadFiles(files);
          }}
        />
      </label>
    </div>
  );
}
