import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findExperiment } from '../../experiments/registry';
import { resolveValues } from '../../experiments/values';
import { createRng } from '../random';
import { saveModelFiles, type SavedFiles } from '../tfjs/saveModel';
import { buildModel } from '../tfjs/buildModel';
import { METADATA_VERSION, WEIGHTS_FILE, type ModelMetadata } from './format';
import { validateModelFiles, type WeightFile } from './validate';

const params = { length: 3, features: 4, outIndex: 1, units: 5 };
let saved: SavedFiles;
let original: Float32Array[];

beforeAll(async () => {
  await tf.setBackend('cpu');
  const echo = findExperiment('echo');
  if (!echo) throw new Error('no echo experiment');
  const spec = echo.model(resolveValues(echo, params).values);
  const model = buildModel(spec, createRng('validate-test'));
  original = model.getWeights().map((w) => Float32Array.from(w.dataSync() as Float32Array));
  model.dispose();
  const metadata: ModelMetadata = {
    version: METADATA_VERSION,
    experimentId: 'echo',
    params: resolveValues(echo, params).values,
    seed: 7,
    samplesSeen: 100,
    metrics: { accuracy: 0.5 },
    savedAt: '2026-12-01T00:00:00.000Z',
  };
  saved = await saveModelFiles(spec, original, metadata);
});

const files = (data: ArrayBuffer = saved.weights, name = WEIGHTS_FILE): WeightFile[] => [{ name, data }];
const json = (): Record<string, unknown> => JSON.parse(saved.modelJson) as Record<string, unknown>;
type Layer = { class_name: string; config: Record<string, unknown> };
const layersOf = (model: Record<string, unknown>): Layer[] => (model.modelTopology as { config: { layers: Layer[] } }).config.layers;
const manifestOf = (model: Record<string, unknown>) => (model.weightsManifest as { paths: string[]; weights: { name: string; shape: number[] }[] }[])[0];

function problemOf(text: string, weightFiles: WeightFile[] = files(), experimentId = 'echo'): string {
  const result = validateModelFiles(text, weightFiles, experimentId);
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
}

describe('validateModelFiles', () => {
  it('accepts a saved model and returns its settings and exact weights', () => {
    const result = validateModelFiles(saved.modelJson, files(), 'echo');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.model.metadata.seed).toBe(7);
    expect(result.model.values).toMatchObject(params);
    expect(result.model.weights).toEqual(original);
  });

  it('finds the weights file by its base name, wherever it was picked from', () => {
    expect(validateModelFiles(saved.modelJson, files(saved.weights, 'downloads/weights.bin'), 'echo').ok).toBe(true);
    // A browser renames a second download: the only weights file is taken.
    expect(validateModelFiles(saved.modelJson, files(saved.weights, 'weights (1).bin'), 'echo').ok).toBe(true);
    expect(problemOf(saved.modelJson, [...files(saved.weights, 'a.bin'), ...files(saved.weights, 'b.bin')])).toMatch(/"weights.bin" is missing/);
  });

  it('names corrupt JSON', () => {
    expect(problemOf(saved.modelJson.slice(0, 100))).toMatch(/not valid JSON/);
    expect(problemOf('[1, 2]')).toMatch(/JSON object/);
  });

  it('names a missing or short weights file', () => {
    expect(problemOf(saved.modelJson, [])).toMatch(/weights file "weights.bin" is missing/);
    expect(problemOf(saved.modelJson, files(saved.weights.slice(0, 40)))).toMatch(/too short/);
    expect(problemOf(saved.modelJson, files(new ArrayBuffer(saved.weights.byteLength + 4)))).toMatch(/too long/);
  });

  it('names a weight of the wrong shape', () => {
    const model = json();
    const manifest = manifestOf(model);
    if (manifest?.weights[1]) manifest.weights[1].shape = [5, 19];
    expect(problemOf(JSON.stringify(model))).toMatch(/has shape \[5, 19\]; the model needs \[5, 20\]/);
  });

  it('names a model trained for another experiment', () => {
    expect(problemOf(saved.modelJson, files(), 'sine')).toMatch(/trained for "Echo sequence", not "Damped sine wave"/);
  });

  it('names another input shape and a topology the builder does not make', () => {
    const model = json();
    const first = layersOf(model)[0];
    if (first) first.config.batch_input_shape = [null, 3, 9];
    expect(problemOf(JSON.stringify(model))).toMatch(/inputs of shape \[3, 9\].*gives \[3, 4\]/);
    const other = json();
    const second = layersOf(other)[1];
    if (second) second.class_name = 'GRU';
    expect(problemOf(JSON.stringify(other))).toMatch(/layers \(LSTM → GRU\) are not the ones/);
  });

  it('names a model without the playground settings or with settings out of range', () => {
    const model = json();
    delete model.userDefinedMetadata;
    expect(problemOf(JSON.stringify(model))).toMatch(/no playground settings/);
    const bad = json();
    (bad.userDefinedMetadata as { lstmPlayground: { params: Record<string, unknown> } }).lstmPlayground.params.units = -3;
    expect(problemOf(JSON.stringify(bad))).toMatch(/LSTM units: invalid value/);
  });

  it('names weights that are not numbers', () => {
    const weights = new Float32Array(saved.weights.slice(0));
    weights[3] = Number.NaN;
    expect(problemOf(saved.modelJson, files(weights.buffer))).toMatch(/hold NaN/);
  });
});

/** Every path to a value inside a JSON value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

function without(value: unknown, path: (string | number)[]): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (Array.isArray(node)) node.splice(last as number, 1);
  else delete node[last];
  return copy;
}

/** The fields a model file needs: removing any of them must be named. */
const REQUIRED = /^(modelTopology|weightsManifest|userDefinedMetadata)(\.(config|lstmPlayground|layers|0|paths|weights|class_name|experimentId|params|seed|version|shape|batch_input_shape|units))*$/;

describe('validateModelFiles on damaged files (fuzz)', () => {
  const expectProblem = (text: string, weightFiles: WeightFile[]) => {
    const result = validateModelFiles(text, weightFiles, 'echo');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.length).toBeGreaterThan(10);
  };

  it('names the problem of every truncated model.json (120 cases)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: saved.modelJson.length - 1 }), (cut) => expectProblem(saved.modelJson.slice(0, cut), files())), { numRuns: 120 });
  });

  it('names the problem of every truncated weights file (120 cases)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: saved.weights.byteLength - 1 }), (cut) => expectProblem(saved.modelJson, files(saved.weights.slice(0, cut)))), { numRuns: 120 });
  });

  it('names the problem of every changed weight shape (120 cases)', () => {
    const count = manifestOf(json())?.weights.length ?? 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: count - 1 }), fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }), (index, shape) => {
        const model = json();
        const entry = manifestOf(model)?.weights[index];
        if (!entry || JSON.stringify(entry.shape) === JSON.stringify(shape)) return;
        entry.shape = shape;
        expectProblem(JSON.stringify(model), files());
      }),
      { numRuns: 120 },
    );
  });

  it('names the problem of every missing required field (120 cases)', () => {
    const model = json();
    // A knob left out of the settings takes its default: the settings' own fields are not required.
    const required = paths(model).filter((p) => REQUIRED.test(p.join('.')) && !(p[0] === 'modelTopology' && p.includes('layers') && p.length > 4 && p.at(-1) === 0) && !(p[2] === 'params' && p.length > 3));
    expect(required.length).toBeGreaterThan(10);
    fc.assert(fc.property(fc.constantFrom(...required), (path) => expectProblem(JSON.stringify(without(model, path)), files())), { numRuns: 120 });
  });

  it('never throws on flipped bytes in model.json or the weights (300 cases), and names a problem when it refuses', () => {
    const text = new TextEncoder().encode(saved.modelJson);
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), (inJson, flips) => {
        const bytes = inJson ? Uint8Array.from(text) : new Uint8Array(saved.weights.slice(0));
        for (const [at, mask] of flips) {
          const i = at % bytes.length;
          bytes[i] = (bytes[i] ?? 0) ^ mask;
        }
        const result = inJson
          ? validateModelFiles(new TextDecoder().decode(bytes), files(), 'echo')
          : validateModelFiles(saved.modelJson, files(bytes.buffer), 'echo');
        if (!result.ok) expect(result.problem.length).toBeGreaterThan(10);
      }),
      { numRuns: 300 },
    );
  });
});
