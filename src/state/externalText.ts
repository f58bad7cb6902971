/**
 * Fills an experiment's external text knob (Experiment.externalText) on the page: a bundled data
 * file is fetched from the site once, and put into the values whenever the settings name it.
 * When the user supplies the text instead, a bundled file's text left over is cleared.
 */
import { findExperiment } from '../experiments/registry';
import { resolveValues } from '../experiments/values';
import { useStore } from './store';

const cache = new Map<string, string>();
const pending = new Set<string>();

function setText(param: string, text: string): void {
  const { experimentId, values, warnings } = useStore.getState();
  const experiment = findExperiment(experimentId);
  if (!experiment) return;
  const resolved = resolveValues(experiment, { ...values, [param]: text });
  // Keep what the page already says (e.g. about the link), add what the data changes.
  const merged = [...warnings, ...resolved.warnings.filter((w) => !warnings.includes(w))];
  useStore.setState({ values: resolved.values, warnings: merged });
}

function sync(): void {
  const { experimentId, values } = useStore.getState();
  const external = findExperiment(experimentId)?.externalText;
  if (!external) return;
  const file = external.file(values);
  const current = values[external.param];
  if (file === null) {
    if (typeof current === 'string' && current !== '' && [...cache.values()].includes(current)) setText(external.param, '');
    return;
  }
  const text = cache.get(file);
  if (text !== undefined) {
    if (current !== text) setText(external.param, text);
    return;
  }
  if (pending.has(file)) return;
  pending.add(file);
  fetch(`${import.meta.env.BASE_URL}${file}`)
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      return response.text();
    })
    .then((loaded) => {
      cache.set(file, loaded);
      sync();
    })
    .catch((error: unknown) => {
      const message = `Could not load ${file} (${error instanceof Error ? error.message : String(error)}). Check the connection and reload the page.`;
      useStore.setState((s) => ({ warnings: s.warnings.includes(message) ? s.warnings : [...s.warnings, message] }));
    })
    .finally(() => pending.delete(file));
}

export function startExternalTextSync(): () => void {
  const unsubscribe = useStore.subscribe((state, previous) => {
    if (state.experimentId !== previous.experimentId || state.values !== previous.values) sync();
  });
  sync();
  return unsubscribe;
}
