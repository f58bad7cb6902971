/**
 * What the model panel does: save the current model in the browser or as files, load one (checked
 * on the page first, so a bad file changes nothing), predict on typed input, and update the model
 * with a before/after comparison. Page state for the panel lives in modelPanelStore.
 */
import { MODEL_FILE, WEIGHTS_FILE } from '../../engine/modelFile/format';
import { validateModelFiles, type WeightFile } from '../../engine/modelFile/validate';
import { initialRunSlice, isActive, useStore, type RunRecord } from '../store';
import { currentExperiment, getClient } from '../actions';
import { requestModel } from '../modelRequests';
import type { ModelCommand, ModelReply } from '../../worker/modelProtocol';
import type { AnyParamValues, PredictionAnswer } from '../../experiments/types';
import { openModelLibrary, type ModelLibrary } from './library';
import { useModelPanel } from './modelPanelStore';
import { withoutLastUpdate, withUpdate } from './updatedRun';

type Reply<T extends ModelReply['type']> = Extract<ModelReply, { type: T }>;

function expect<T extends ModelReply['type']>(reply: ModelReply, type: T): Reply<T> {
  if (reply.type !== type) throw new Error(`The worker answered ${reply.type} instead of ${type}.`);
  return reply as Reply<T>;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function send(make: (runId: number, requestId: number) => ModelCommand, onProgress?: (reply: Reply<'updateProgress'>) => void): Promise<ModelReply> {
  const client = getClient();
  const runId = client.currentRunId;
  return requestModel(runId, (requestId) => make(runId, requestId), (command) => client.sendModel(command), onProgress);
}

/** The model the worker holds for the page: the finished run's (trained or loaded), or null. */
export function currentModel(): RunRecord | null {
  const { run, status } = useStore.getState();
  if (!run || status !== 'done' || run.id !== getClient().currentRunId || run.outcome?.status === 'diverged') return null;
  return run;
}

let library: Promise<ModelLibrary> | null = null;
function getLibrary(): Promise<ModelLibrary> {
  library ??= openModelLibrary();
  library.catch(() => (library = null));
  return library;
}

export async function refreshSaved(): Promise<void> {
  try {
    const models = await (await getLibrary()).list();
    useModelPanel.setState({ saved: models, storageError: null });
  } catch (error) {
    useModelPanel.setState({ storageError: `Saved models are unavailable: ${messageOf(error)}` });
  }
}

async function savedFiles() {
  return expect(await send((runId, requestId) => ({ type: 'saveModel', runId, requestId })), 'modelSaved');
}

function status(text: string, kind: 'info' | 'error' = 'info'): void {
  useModelPanel.setState({ status: { text, kind } });
}

export async function saveToBrowser(name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) return status('Give the model a name to save it under.', 'error');
  useModelPanel.setState({ busy: 'save' });
  try {
    const files = await savedFiles();
    const { metadata } = files;
    await (
      await getLibrary()
    ).add(
      { name: trimmed.slice(0, 100), experimentId: metadata.experimentId, savedAt: Date.now(), metrics: metadata.metrics, values: metadata.params, seed: metadata.seed, samplesSeen: metadata.samplesSeen },
      { modelJson: files.modelJson, weights: files.weights },
    );
    await refreshSaved();
    status(`Saved "${trimmed.slice(0, 100)}" in this browser.`);
  } catch (error) {
    status(`Could not save the model: ${messageOf(error)}`, 'error');
  } finally {
    useModelPanel.setState({ busy: null });
  }
}

function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function downloadFiles(): Promise<void> {
  useModelPanel.setState({ busy: 'download' });
  try {
    const files = await savedFiles();
    download(MODEL_FILE, files.modelJson, 'application/json');
    download(WEIGHTS_FILE, files.weights, 'application/octet-stream');
    status(`Downloaded ${MODEL_FILE} and ${WEIGHTS_FILE} (TF.js layers format): upload both to load the model again.`);
  } catch (error) {
    status(`Could not save the files: ${messageOf(error)}`, 'error');
  } finally {
    useModelPanel.setState({ busy: null });
  }
}

export async function deleteSaved(id: number): Promise<void> {
  try {
    await (await getLibrary()).delete(id);
    await refreshSaved();
  } catch (error) {
    status(`Could not delete the model: ${messageOf(error)}`, 'error');
  }
}

/** Checks the files on the page, then makes them the worker's current model and the form's settings. */
async function load(modelJson: string, weightFiles: WeightFile[], source: string): Promise<void> {
  const state = useStore.getState();
  if (isActive(state.status)) return status('A run is training: stop it before loading a model.', 'error');
  const experiment = currentExperiment();
  const checked = validateModelFiles(modelJson, weightFiles, experiment.id);
  if (!checked.ok) return status(`${source} was not loaded: ${checked.problem}`, 'error');
  useModelPanel.setState({ busy: 'load' });
  try {
    const reply = expect(
      await send((runId, requestId) => ({ type: 'loadModel', runId, requestId, experimentId: experiment.id, modelJson, weightFiles, backend: state.backend })),
      'modelLoaded',
    );
    const run: RunRecord = {
      id: reply.runId,
      experimentId: reply.experimentId,
      seed: reply.seed,
      values: reply.values,
      backendPreference: state.backend,
      engine: reply.engine,
      engineNote: null,
      backend: null,
      skipped: [],
      series: null,
      totalSamples: reply.samplesSeen,
      paramCount: reply.paramCount,
      outcome: { status: 'completed', steps: 0, samplesSeen: reply.samplesSeen, lastValues: [], evaluation: reply.evaluation },
      elapsedMs: 0,
    };
    useStore.setState({ ...initialRunSlice, status: 'done', run, samplesSeen: reply.samplesSeen, values: reply.values, seed: reply.seed, warnings: [] });
    useModelPanel.setState({ loadedFrom: source, prediction: null, update: null });
    status(`Loaded ${source}: the form shows its settings, and predictions and updates use it.`);
  } catch (error) {
    status(`${source} was not loaded: ${messageOf(error)}`, 'error');
  } finally {
    useModelPanel.setState({ busy: null });
  }
}

export async function loadSaved(id: number, name: string): Promise<void> {
  try {
    const files = await (await getLibrary()).files(id);
    if (!files) return status(`The files of "${name}" are missing from this browser's storage.`, 'error');
    await load(files.modelJson, [{ name: WEIGHTS_FILE, data: files.weights }], `"${name}"`);
  } catch (error) {
    status(`Could not read "${name}": ${messageOf(error)}`, 'error');
  }
}

/** model.json and its weights file(s), picked together. */
export async function loadFiles(files: readonly File[]): Promise<void> {
  const json = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  if (json.length !== 1 || !json[0]) {
    return status(json.length === 0 ? 'Choose model.json together with its weights file.' : 'Choose one model.json (with its weights file), not several.', 'error');
  }
  try {
    const text = await json[0].text();
    const weights = await Promise.all(files.filter((f) => f !== json[0]).map(async (f) => ({ name: f.name, data: await f.arrayBuffer() })));
    await load(text, weights, json[0].name);
  } catch (error) {
    status(`Could not read the files: ${messageOf(error)}`, 'error');
  }
}

/** Checks the typed input; when it reads, runs the model on it and shows the answer in words. */
export async function predictText(text: string): Promise<void> {
  const run = currentModel();
  const experiment = currentExperiment();
  const predictor = experiment.predictor;
  if (!run || !predictor) return;
  const values: AnyParamValues = run.values;
  const input = predictor.parse(text, values);
  if ('error' in input) {
    useModelPanel.setState({ prediction: { text, error: input.error, answer: null } });
    return;
  }
  useModelPanel.setState({ busy: 'predict' });
  let resetNext = true;
  try {
    const answer: PredictionAnswer = await predictor.answer(
      input,
      values,
      async (x, xShape) => {
        const resetStates = resetNext;
        resetNext = false;
        return expect(await send((runId, requestId) => ({ type: 'predict', runId, requestId, x, xShape, resetStates })), 'prediction').y;
      },
      () => (resetNext = true),
    );
    useModelPanel.setState({ prediction: { text, error: null, answer } });
  } catch (error) {
    useModelPanel.setState({ prediction: { text, error: `No prediction: ${messageOf(error)}`, answer: null } });
  } finally {
    useModelPanel.setState({ busy: null });
  }
}

export interface UpdateRequest {
  seed: number;
  amount: number;
  learningRate: number | null;
}

export async function updateModel(request: UpdateRequest): Promise<void> {
  if (!currentModel()) return;
  useModelPanel.setState({ busy: 'update', update: { progress: { samplesSeen: 0, totalSamples: request.amount }, result: null, error: null } });
  try {
    const reply = expect(
      await send(
        (runId, requestId) => ({ type: 'updateModel', runId, requestId, ...request }),
        (progress) => useModelPanel.setState({ update: { progress: { samplesSeen: progress.samplesSeen, totalSamples: progress.totalSamples }, result: null, error: null } }),
      ),
      'modelUpdated',
    );
    useModelPanel.setState({ update: { progress: null, result: reply, error: null }, prediction: null });
    if (reply.status !== 'diverged') {
      const update = { samples: reply.samplesSeen, learningRate: reply.learningRate, seed: request.seed, after: reply.after };
      useStore.setState((s) => (s.run ? { run: withUpdate(s.run, update) } : {}));
    }
  } catch (error) {
    useModelPanel.setState({ update: { progress: null, result: null, error: `The update failed: ${messageOf(error)}` } });
  } finally {
    useModelPanel.setState({ busy: null });
  }
}

/** Goes back to the model as it was before the last update. */
export async function revertUpdate(): Promise<void> {
  if (!currentModel()) return;
  useModelPanel.setState({ busy: 'update' });
  try {
    const reply = expect(await send((runId, requestId) => ({ type: 'revertUpdate', runId, requestId })), 'modelReverted');
    useModelPanel.setState({ update: null, prediction: null });
    useStore.setState((s) => (s.run ? { run: withoutLastUpdate(s.run) } : {}));
    status(`Back to the model as it was before the update (trained on ${reply.samplesSeen.toLocaleString('en')} samples).`);
  } catch (error) {
    status(`Could not go back: ${messageOf(error)}`, 'error');
  } finally {
    useModelPanel.setState({ busy: null });
  }
}

export function stopUpdate(): void {
  getClient().sendModel({ type: 'stopUpdate', runId: getClient().currentRunId, requestId: 0 });
}
