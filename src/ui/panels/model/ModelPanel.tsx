import { useEffect } from 'react';
import type { AnyExperiment } from '../../../experiments/types';
import { refreshSaved } from '../../../state/models/modelActions';
import { useModelPanel } from '../../../state/models/modelPanelStore';
import { isActive, useStore } from '../../../state/store';
import { getClient } from '../../../state/actions';
import { LoadSection } from './LoadSection';
import { PredictSection } from './PredictSection';
import { SaveSection } from './SaveSection';
import { UpdateSection } from './UpdateSection';
import './model.css';

/** Save the current model (browser or files), load one, predict on typed input, update it on fresh data. */
export function ModelPanel({ experiment }: { experiment: AnyExperiment }) {
  const run = useStore((s) => s.run);
  const status = useStore((s) => s.status);
  const loadedFrom = useModelPanel((s) => s.loadedFrom);
  const message = useModelPanel((s) => s.status);
  useEffect(() => {
    void refreshSaved();
  }, []);
  // Another experiment: nothing shown so far applies to it.
  useEffect(() => () => useModelPanel.setState({ status: null, prediction: null, update: null, loadedFrom: null }), [experiment.id]);
  // A new run replaces the model: its answers and comparisons no longer hold.
  useEffect(() => {
    if (status === 'starting') useModelPanel.setState({ prediction: null, update: null, loadedFrom: null });
  }, [status]);
  const training = isActive(status);
  const hasModel = !!run && status === 'done' && run.id === getClient().currentRunId && run.outcome?.status !== 'diverged';
  const origin = run && run.series === null && loadedFrom ? `loaded from ${loadedFrom}` : 'trained in this run';
  return (
    <section className="panel model-panel" aria-labelledby="model-title">
      <h2 id="model-title">Model: save, load, predict, update</h2>
      <p className="muted small" data-testid="model-current">
        {hasModel ? `Current model: ${experiment.title}, ${origin}.` : training ? 'A run is training: its model can be saved, queried and updated when it ends.' : 'No model yet: train one, or load a saved one.'}
      </p>
      {message && (
        <p className={message.kind === 'error' ? 'field-error model-message' : 'model-message'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="model-status">
          {message.text}
        </p>
      )}
      {hasModel && <SaveSection />}
      <LoadSection experiment={experiment} disabled={training} />
      {hasModel && run && experiment.predictor && <PredictSection experiment={experiment} values={run.values} runId={run.id} />}
      {hasModel && run && <UpdateSection experiment={experiment} values={run.values} />}
    </section>
  );
}
