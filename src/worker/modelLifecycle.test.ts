import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from './protocol';
import { TrainingSession } from './session';
import { WEIGHTS_FILE } from '../engine/modelFile/format';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const params = { length: 3, features: 4, outIndex: 1, units: 6, samples: 300, bs: 4, lr: 0.01 };

/** A session on a fake env, and its messages. */
function harness() {
  let clock = 0;
  const messages: FromWorker[] = [];
  const session = new TrainingSession({
    post: (message) => messages.push(message),
    selectBackend: async () => {
      await tf.setBackend('cpu');
      return { backend: 'cpu', skipped: [] };
    },
    yieldToQueue: () => new Promise((resolve) => setImmediate(resolve)),
    now: () => (clock += 20),
    tensorCount: () => tf.memory().numTensors,
  });
  /** Sends a command and waits for the session to finish what it started. */
  const send = async (message: ToWorker) => {
    session.handle(message);
    await session.idle();
  };
  const last = <T extends FromWorker['type']>(type: T): Extract<FromWorker, { type: T }> => {
    const found = messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type).at(-1);
    if (!found) throw new Error(`no ${type} message; errors: ${JSON.stringify(messages.filter((m) => m.type === 'modelError' || m.type === 'error'))}`);
    return found;
  };
  return { session, messages, send, last };
}

/** Two echo inputs, one-hot. */
const x = Float32Array.from([1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0]);
const xShape = [2, 3, 4];

async function trained(backend: 'cpu' | 'fused') {
  const h = harness();
  await h.send({ type: 'start', runId: 1, experimentId: 'echo', params, seed: 3, backend });
  expect(h.last('done')).toBeTruthy();
  return h;
}

describe('model life cycle in the worker session', () => {
  for (const backend of ['cpu', 'fused'] as const) {
    it(`save → load in a fresh session predicts exactly the same (${backend === 'cpu' ? 'TF.js' : 'fused engine'})`, async () => {
      const a = await trained(backend);
      await a.send({ type: 'predict', runId: 1, requestId: 1, x, xShape });
      const before = a.last('prediction').y;
      const tensors = tf.memory().numTensors;
      await a.send({ type: 'saveModel', runId: 1, requestId: 2 });
      const saved = a.last('modelSaved');
      // Saving builds and frees a TF.js model; predicting frees its tensors.
      await a.send({ type: 'predict', runId: 1, requestId: 3, x, xShape });
      expect(tf.memory().numTensors).toBe(tensors);
      expect(saved.metadata).toMatchObject({ experimentId: 'echo', seed: 3, samplesSeen: 300 });
      expect(Object.keys(saved.metadata.metrics)).toEqual(['accuracy']);

      const b = harness();
      await b.send({ type: 'loadModel', runId: 0, requestId: 1, experimentId: 'echo', modelJson: saved.modelJson, weightFiles: [{ name: WEIGHTS_FILE, data: saved.weights }], backend });
      const loaded = b.last('modelLoaded');
      expect(loaded.engine).toBe(backend === 'cpu' ? 'tfjs' : 'fused');
      expect(loaded.values).toMatchObject(params);
      // The same seed's evaluation data: the loaded model scores what the trained one scored.
      expect(loaded.evaluation.metrics).toEqual(saved.metadata.metrics);
      await b.send({ type: 'predict', runId: 0, requestId: 2, x, xShape });
      expect(Array.from(b.last('prediction').y)).toEqual(Array.from(before));
      a.session.handle({ type: 'reset', runId: 2 });
      b.session.handle({ type: 'reset', runId: 1 });
      await Promise.all([a.session.idle(), b.session.idle()]);
    }, 60_000);
  }

  it('save → load of a stateful model (fixed batch of 1) predicts the same step by step', async () => {
    const a = harness();
    await a.send({ type: 'start', runId: 1, experimentId: 'memory', params: { mode: 'stateful', epochs: 5, units: 6 }, seed: 2, backend: 'cpu' });
    a.last('done');
    const step = (value: number) => Float32Array.from({ length: 5 }, (_, i) => (i === value ? 1 : 0));
    const answers = async (h: ReturnType<typeof harness>, runId: number) => {
      const out: number[][] = [];
      for (const [i, value] of [3, 0, 1, 2].entries()) {
        await h.send({ type: 'predict', runId, requestId: 10 + i, x: step(value), xShape: [1, 1, 5], resetStates: i === 0 });
        out.push(Array.from(h.last('prediction').y));
      }
      return out;
    };
    const before = await answers(a, 1);
    await a.send({ type: 'saveModel', runId: 1, requestId: 1 });
    const saved = a.last('modelSaved');
    const b = harness();
    await b.send({ type: 'loadModel', runId: 4, requestId: 1, experimentId: 'memory', modelJson: saved.modelJson, weightFiles: [{ name: WEIGHTS_FILE, data: saved.weights }], backend: 'cpu' });
    expect(b.last('modelLoaded').values).toMatchObject({ mode: 'stateful', units: 6 });
    expect(await answers(b, 4)).toEqual(before);
    // Its state carries from step to step: the last step differs from the same input read from zero state.
    await b.send({ type: 'predict', runId: 4, requestId: 20, x: step(2), xShape: [1, 1, 5], resetStates: true });
    expect(Array.from(b.last('prediction').y)).not.toEqual(before[3]);
  }, 60_000);

  it('refuses a model of another experiment or a damaged one, and keeps the current model', async () => {
    const a = await trained('fused');
    await a.send({ type: 'saveModel', runId: 1, requestId: 1 });
    const saved = a.last('modelSaved');
    await a.send({ type: 'predict', runId: 1, requestId: 2, x, xShape });
    const before = Array.from(a.last('prediction').y);
    await a.send({ type: 'loadModel', runId: 1, requestId: 3, experimentId: 'sine', modelJson: saved.modelJson, weightFiles: [{ name: WEIGHTS_FILE, data: saved.weights }], backend: 'auto' });
    expect(a.last('modelError').message).toMatch(/trained for "Echo sequence"/);
    await a.send({ type: 'loadModel', runId: 1, requestId: 4, experimentId: 'echo', modelJson: saved.modelJson, weightFiles: [{ name: WEIGHTS_FILE, data: saved.weights.slice(8) }], backend: 'auto' });
    expect(a.last('modelError')).toMatchObject({ requestId: 4, message: expect.stringMatching(/too short/) });
    await a.send({ type: 'predict', runId: 1, requestId: 5, x, xShape: [2, 3, 5] });
    expect(a.last('modelError')).toMatchObject({ requestId: 5, message: expect.stringMatching(/shape \[2, 3, 5\]/) });
    await a.send({ type: 'predict', runId: 1, requestId: 6, x, xShape });
    expect(Array.from(a.last('prediction').y)).toEqual(before);
  }, 60_000);

  it('updates the model on fresh data and reports the old and the updated evaluation on the same data', async () => {
    const a = await trained('fused');
    await a.send({ type: 'predict', runId: 1, requestId: 1, x, xShape });
    const before = Array.from(a.last('prediction').y);
    await a.send({ type: 'updateModel', runId: 1, requestId: 2, seed: 99, amount: 400, learningRate: 0.005 });
    const updated = a.last('modelUpdated');
    expect(updated).toMatchObject({ status: 'completed', samplesSeen: 400, totalSamples: 400, learningRate: 0.005 });
    expect(Object.keys(updated.before.metrics)).toEqual(['accuracy']);
    expect(Object.keys(updated.after.metrics)).toEqual(['accuracy']);
    await a.send({ type: 'predict', runId: 1, requestId: 3, x, xShape });
    expect(Array.from(a.last('prediction').y)).not.toEqual(before);
    // The old model's score on the update's evaluation data does not depend on the update.
    const b = await trained('fused');
    await b.send({ type: 'updateModel', runId: 1, requestId: 1, seed: 99, amount: 10, learningRate: null });
    expect(b.last('modelUpdated').before).toEqual(updated.before);
    await a.send({ type: 'saveModel', runId: 1, requestId: 4 });
    expect(a.last('modelSaved').metadata.samplesSeen).toBe(700);
    // Back to the old model: its answers again, and nothing left to undo.
    await a.send({ type: 'revertUpdate', runId: 1, requestId: 5 });
    expect(a.last('modelReverted').samplesSeen).toBe(300);
    await a.send({ type: 'predict', runId: 1, requestId: 6, x, xShape });
    expect(Array.from(a.last('prediction').y)).toEqual(before);
    await a.send({ type: 'revertUpdate', runId: 1, requestId: 7 });
    expect(a.last('modelError')).toMatchObject({ requestId: 7, message: 'There is no update to undo.' });
  }, 60_000);

  it('answers a model command during a run with a message, not by touching the run', async () => {
    const h = harness();
    // A run far too long to end by itself during the test: it is training until it is stopped.
    h.session.handle({ type: 'start', runId: 1, experimentId: 'echo', params: { ...params, samples: 1_000_000 }, seed: 1, backend: 'fused' });
    while (!h.messages.some((m) => m.type === 'progress')) await new Promise((resolve) => setTimeout(resolve, 10));
    h.session.handle({ type: 'saveModel', runId: 1, requestId: 1 });
    expect(h.last('modelError').message).toMatch(/A run is training/);
    h.session.handle({ type: 'stop', runId: 1 });
    await h.session.idle();
    expect(h.last('done').outcome.status).toBe('stopped');
  }, 60_000);
});
