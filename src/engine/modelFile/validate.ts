/**
 * Checks a model file set (model.json and its weights files) before anything
 * is loaded: readable JSON, the layers format, the playground's settings, the
 * experiment, the topology our builder makes for those settings, and every
 * weight's shape and bytes. Pure and never throws: a problem is named in words.
 */
import { findExperiment } from '../../experiments/registry';
import type { AnyParamValues } from '../../experiments/params';
import type { AnyExperiment } from '../../experiments/types';
import { resolveValues } from '../../experiments/values';
import type { ModelSpec } from '../modelSpec';
import { METADATA_KEY, METADATA_VERSION, type ModelMetadata } from './format';
import { modelLayout, type LayerLayout } from './layout';

export interface WeightFile {
  name: string;
  data: ArrayBuffer;
}

export interface ValidModel {
  experiment: AnyExperiment;
  metadata: ModelMetadata;
  /** The settings, checked against the experiment's knobs. */
  values: AnyParamValues;
  spec: ModelSpec;
  /** Weight arrays in getWeights() order. */
  weights: Float32Array[];
}

export type Validation = { ok: true; model: ValidModel } | { ok: false; problem: string };

/** A problem found while checking; turned into the result's message. */
class Problem extends Error {}

const fail = (message: string): never => {
  throw new Problem(message);
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function field(object: Json, key: string, where: string): unknown {
  if (!Object.hasOwn(object, key)) fail(`${where} has no "${key}".`);
  return object[key];
}

function objectField(object: Json, key: string, where: string): Json {
  const value = field(object, key, where);
  return isObject(value) ? value : fail(`${where}'s "${key}" is not an object.`);
}

const formatShape = (shape: readonly unknown[]): string => `[${shape.map(String).join(', ')}]`;

function isShape(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 0);
}

function readMetadata(json: Json): ModelMetadata {
  const user = json.userDefinedMetadata;
  const ours = isObject(user) ? user[METADATA_KEY] : undefined;
  if (!isObject(ours)) {
    return fail(
      `This model.json has no playground settings (userDefinedMetadata.${METADATA_KEY}): it was not saved by this page, so the experiment and settings it was trained for are unknown.`,
    );
  }
  const where = `The model's settings (userDefinedMetadata.${METADATA_KEY})`;
  const version = field(ours, 'version', where);
  if (version !== METADATA_VERSION) fail(`${where} are version ${String(version).slice(0, 20)}; this page reads version ${METADATA_VERSION}.`);
  const experimentId = field(ours, 'experimentId', where);
  if (typeof experimentId !== 'string') fail(`${where} name no experiment.`);
  const params = objectField(ours, 'params', where);
  const seed = field(ours, 'seed', where);
  if (typeof seed !== 'number' || !Number.isInteger(seed)) fail(`${where} have no whole-number seed.`);
  const samplesSeen = typeof ours.samplesSeen === 'number' && Number.isFinite(ours.samplesSeen) ? ours.samplesSeen : 0;
  const metrics: Record<string, number> = {};
  if (isObject(ours.metrics)) for (const [key, value] of Object.entries(ours.metrics)) if (typeof value === 'number') metrics[key] = value;
  const savedAt = typeof ours.savedAt === 'string' ? ours.savedAt : '';
  return { version: METADATA_VERSION, experimentId: experimentId as string, params: params as AnyParamValues, seed: seed as number, samplesSeen, metrics, savedAt };
}

/** The Keras class name of a saved layer and of the layer it wraps. */
function savedLayer(layer: unknown, index: number): { className: string; inner?: string; config: Json } {
  const where = `Layer ${index + 1} of the topology`;
  if (!isObject(layer)) return fail(`${where} is not an object.`);
  const className = field(layer, 'class_name', where);
  if (typeof className !== 'string') fail(`${where} has no class name.`);
  const config = objectField(layer, 'config', where);
  const wrapped = config.layer;
  const inner = isObject(wrapped) && typeof wrapped.class_name === 'string' ? wrapped.class_name : undefined;
  return { className: className as string, ...(inner ? { inner } : {}), config };
}

function innerUnits(config: Json): unknown {
  const wrapped = config.layer;
  return isObject(wrapped) && isObject(wrapped.config) ? wrapped.config.units : undefined;
}

const describeLayer = (layout: LayerLayout): string => (layout.innerClassName ? `${layout.className}(${layout.innerClassName})` : layout.className);

function checkTopology(json: Json, spec: ModelSpec, title: string): void {
  const topology = objectField(json, 'modelTopology', 'model.json');
  // Keras nests the model under model_config; TF.js writes it at the top.
  const model = isObject(topology.model_config) ? topology.model_config : topology;
  const className = model.class_name;
  if (className !== 'Sequential') fail(`The model is a ${typeof className === 'string' ? className.slice(0, 40) : 'model of unknown kind'}; this page builds Sequential models only.`);
  const config = objectField(model, 'config', 'The topology');
  const layers = Array.isArray(config.layers) ? config.layers : Array.isArray(model.config) ? (model.config as unknown[]) : fail('The topology lists no layers.');
  const expected = modelLayout(spec);
  const saved = layers.map(savedLayer);
  const names = (list: readonly string[]) => list.join(' → ');
  if (saved.length !== expected.length || saved.some((layer, i) => layer.className !== expected[i]?.className || (expected[i]?.innerClassName ?? layer.inner) !== layer.inner)) {
    fail(
      `The model's layers (${names(saved.map((l) => (l.inner ? `${l.className}(${l.inner})` : l.className)))}) are not the ones ${title} builds for its settings (${names(expected.map(describeLayer))}).`,
    );
  }
  saved.forEach((layer, i) => {
    const want = expected[i];
    if (want?.units === undefined) return;
    const units = layer.inner ? innerUnits(layer.config) : layer.config.units;
    if (units !== want.units) fail(`Layer ${i + 1} (${describeLayer(want)}) has ${String(units).slice(0, 20)} units; its settings give ${want.units}.`);
  });
  const first = saved[0]?.config;
  const inputShape = first?.batch_input_shape ?? first?.batchInputShape;
  if (!Array.isArray(inputShape)) return fail("The model's first layer declares no input shape (batch_input_shape).");
  const got = inputShape.slice(1);
  const want = [...spec.inputShape];
  if (got.length !== want.length || got.some((d, i) => d !== want[i])) {
    fail(`The model reads inputs of shape ${formatShape(got)}, but ${title} with its settings gives ${formatShape(want)}.`);
  }
}

interface ManifestEntry {
  shape: number[];
  name: string;
}

function readManifest(json: Json): { groups: { paths: string[] }[]; entries: ManifestEntry[] } {
  const manifest = field(json, 'weightsManifest', 'model.json');
  if (!Array.isArray(manifest)) return fail('model.json\'s "weightsManifest" is not a list.');
  const groups: { paths: string[] }[] = [];
  const entries: ManifestEntry[] = [];
  manifest.forEach((group: unknown, g) => {
    const where = `Weights group ${g + 1}`;
    if (!isObject(group)) return fail(`${where} is not an object.`);
    const paths = field(group, 'paths', where);
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) fail(`${where} lists no weights files.`);
    const weights = field(group, 'weights', where);
    if (!Array.isArray(weights)) return fail(`${where}'s weights are not a list.`);
    groups.push({ paths: paths as string[] });
    weights.forEach((entry: unknown, w) => {
      const at = `Weight ${entries.length + 1} of the manifest`;
      if (!isObject(entry)) return fail(`${at} is not an object.`);
      const shape = field(entry, 'shape', at);
      if (!isShape(shape)) fail(`${at} has no valid shape.`);
      const dtype = entry.dtype ?? 'float32';
      if (dtype !== 'float32') fail(`${at} is ${String(dtype).slice(0, 20)}; only float32 weights are read.`);
      if (entry.quantization !== undefined) fail(`${at} is quantized; only plain float32 weights are read.`);
      entries.push({ shape: shape as number[], name: typeof entry.name === 'string' ? entry.name : `weight ${w + 1}` });
    });
  });
  return { groups, entries };
}

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;
const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

function readWeights(groups: { paths: string[] }[], entries: ManifestEntry[], files: readonly WeightFile[]): Float32Array[] {
  const buffers: ArrayBuffer[] = [];
  const paths = groups.flatMap((group) => group.paths);
  for (const group of groups) {
    for (const path of group.paths) {
      const name = baseName(path);
      // One weights file for one path is that file whatever its name (a browser may have saved it as "weights (1).bin").
      const file = files.find((f) => baseName(f.name) === name) ?? (paths.length === 1 && files.length === 1 ? files[0] : undefined);
      if (!file) fail(`The weights file "${name.slice(0, 80)}" is missing: choose it together with model.json.`);
      else buffers.push(file.data);
    }
  }
  const total = buffers.reduce((sum, b) => sum + b.byteLength, 0);
  const needed = entries.reduce((sum, e) => sum + sizeOf(e.shape), 0) * 4;
  if (total < needed) fail(`The weights file is too short: the model needs ${needed.toLocaleString('en')} bytes, the file has ${total.toLocaleString('en')}.`);
  if (total > needed) fail(`The weights file is too long: the model needs ${needed.toLocaleString('en')} bytes, the file has ${total.toLocaleString('en')}.`);
  const all = new Uint8Array(total);
  let offset = 0;
  for (const b of buffers) {
    all.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  const view = new DataView(all.buffer);
  let at = 0;
  return entries.map((entry) => {
    const values = new Float32Array(sizeOf(entry.shape));
    for (let i = 0; i < values.length; i++, at += 4) {
      const v = view.getFloat32(at, true);
      if (!Number.isFinite(v)) fail(`The weights of "${entry.name.slice(0, 60)}" hold ${String(v)}: the file is damaged or the model diverged.`);
      values[i] = v;
    }
    return values;
  });
}

function check(jsonText: string, files: readonly WeightFile[], experimentId: string): ValidModel {
  let parsed: unknown;
  try {
    parsed = JSON.parse(jsonText);
  } catch (error) {
    return fail(`model.json is not valid JSON (${error instanceof Error ? error.message.slice(0, 120) : 'unreadable'}).`);
  }
  if (!isObject(parsed)) return fail('model.json does not hold a model (expected a JSON object).');
  if (parsed.format !== undefined && parsed.format !== 'layers-model') fail(`model.json is in the "${String(parsed.format).slice(0, 40)}" format; this page reads TF.js layers models.`);
  const metadata = readMetadata(parsed);
  const experiment = findExperiment(metadata.experimentId);
  if (!experiment) fail(`The model was trained for an experiment this page does not know ("${metadata.experimentId.slice(0, 40)}").`);
  const current = findExperiment(experimentId);
  if (experiment && metadata.experimentId !== experimentId) {
    fail(`This model was trained for "${experiment.title}", not "${current?.title ?? experimentId}": open that experiment to load it.`);
  }
  const model = experiment as AnyExperiment;
  const { values, warnings } = resolveValues(model, metadata.params);
  if (warnings.length) fail(`The model's settings do not fit ${model.title}: ${warnings.join(' ')}`);
  let spec: ModelSpec;
  try {
    spec = model.model(values);
  } catch (error) {
    return fail(`The model's settings give no model: ${error instanceof Error ? error.message : String(error)}`);
  }
  checkTopology(parsed, spec, model.title);
  const { groups, entries } = readManifest(parsed);
  const expected = modelLayout(spec).flatMap((layer) => layer.weights);
  if (entries.length !== expected.length) fail(`The model lists ${entries.length} weight arrays; ${model.title} with its settings has ${expected.length}.`);
  entries.forEach((entry, i) => {
    const want = expected[i] ?? [];
    if (entry.shape.length !== want.length || entry.shape.some((d, k) => d !== want[k])) {
      fail(`Weight "${entry.name.slice(0, 60)}" has shape ${formatShape(entry.shape)}; the model needs ${formatShape(want)}.`);
    }
  });
  const weights = readWeights(groups, entries, files);
  return { experiment: model, metadata, values, spec, weights };
}

/** Checks model.json and its weights files for the given experiment. Never throws. */
export function validateModelFiles(jsonText: string, files: readonly WeightFile[], experimentId: string): Validation {
  try {
    return { ok: true, model: check(jsonText, files, experimentId) };
  } catch (error) {
    if (error instanceof Problem) return { ok: false, problem: error.message };
    return { ok: false, problem: `The model file could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
}
