/** "Use these settings": a kept run's settings and seed go back into the form, and so into the URL. */
import { clip } from '../../experiments/params';
import { findExperiment } from '../../experiments/registry';
import { resolveValues } from '../../experiments/values';
import { loadUrlState } from '../actions';
import { useStore } from '../store';
import type { HistoryRun } from './record';

/**
 * Loads the run's experiment, settings and seed the way a link does (the engine setting stays as
 * it is). Settings the experiment no longer accepts are reset and reported as warnings. Returns a
 * message when the run's experiment is not on the page any more.
 */
export function applyRunSettings(run: HistoryRun): string | null {
  const experiment = findExperiment(run.experimentId);
  if (!experiment) return `Run ${run.id} was trained on "${clip(run.experimentTitle || run.experimentId)}", which this page no longer has.`;
  const { values, warnings } = resolveValues(experiment, run.values);
  const { backend } = useStore.getState();
  loadUrlState({ experimentId: experiment.id, values, seed: run.seed, backend }, warnings.map((warning) => `Run ${run.id}: ${warning}`));
  return null;
}
