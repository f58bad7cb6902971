import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { unpackPoints } from '../engine/pointBatch';
import type { StepPoint } from '../engine/train';
import type { AnyParamValues } from '../experiments/types';
import type { BackendPreference, FromWorker, ToWorker } from './protocol';
import { TrainingSession, type SessionEnv } from './session';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Message<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

interface Harness {
  session: TrainingSession;
  messages: FromWorker[];
  /** Called after each posted message is recorded; may send commands back, as the page would. */
  onPost: ((message: FromWorker) => void) | null;
  backendRequests: BackendPreference[];
}

/**
 * A session on a fake env: a clock that advances 20 ms each time it is read
 * (so progress goes out every few steps), setImmediate as the message queue.
 */
function harness(selectBackend?: SessionEnv['selectBackend']): Harness {
  let clock = 0;
  const h: Harness = {
    session: null as unknown as TrainingSession,
    messages: [],
    onPost: null,
    backendRequests: [],
  };
  h.session = new TrainingSession({
    post: (message) => {
      h.messages.push(message);
      h.onPost?.(message);
    },
    selectBackend:
      selectBackend ??
      (async (preference) => {
        h.backendRequests.push(preference);
        await tf.setBackend('cpu');
        return { backend: 'cpu', skipped: [{ name: 'webgpu', reason: 'not here' }] };
      }),
    yieldToQueue: () => new Promise((resolve) => setImmediate(resolve)),
    now: () => (clock += 20),
    tensorCount: () => tf.memory().numTensors,
  });
  return h;
}

function start(runId: number, params: AnyParamValues, extra: Partial<Extract<ToWorker, { type: 'start' }>> = {}): ToWorker {
  return { type: 'start', runId, experimentId: 'echo', params, seed: 1, backend: 'cpu', ...extra };
}

function ofType<T extends FromWorker['type']>(messages: readonly FromWorker[], type: T): Message<T>[] {
  return messages.filter((m): m is Message<T> => m.type === type);
}

function only<T extends FromWorker['type']>(messages: readonly FromWorker[], type: T): Message<T> {
  const found = ofType(messages, type);
  expect(found).toHaveLength(1);
  const first = found[0];
  if (!first) throw new Error(`no ${type} message`);
  return first;
}

const points = (messages: readonly FromWorker[]): StepPoint[] => ofType(messages, 'progress').flatMap((m) => unpackPoints(m.points));
const steps = (messages: readonly FromWorker[]): number[] => points(messages).map((p) => p.step);
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the session is idle, including runs and resets requested while waiting. */
async function settle(session: TrainingSession): Promise<void> {
  for (;;) {
    const pending = session.idle();
    await pending;
    await wait(0);
    if (session.idle() === pending) return;
  }
}

/** Polls until the condition holds (real time; training runs meanwhile). */
async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await wait(5);
  }
}

describe('TrainingSession', () => {
  it('auto times the engines on a stateful model with its own fixed batch (echo whole sequence)', async () => {
    const h = harness();
    h.session.handle(start(3, { epochs: 2 }, { backend: 'auto', experimentId: 'echowhole' }));
    await settle(h.session);
    expect(ofType(h.messages, 'error')).toEqual([]);
    expect(only(h.messages, 'backend').engineNote).toMatch(/^auto: /);
    expect(only(h.messages, 'done').outcome.status).toBe('completed');
  });

  it('a backend forced against auto\'s advice is named in the status note when TF.js trains on it, not when the fused engine does', async () => {
    const cautious = () =>
      harness(async () => {
        await tf.setBackend('cpu');
        return { backend: 'webgl', skipped: [], caution: 'software renderer (SwiftShader): several times slower than WebAssembly' };
      });
    const tfjs = cautious();
    tfjs.session.handle(start(1, { samples: 4, bs: 1 }, { backend: 'webgl' }));
    await settle(tfjs.session);
    const message = only(tfjs.messages, 'backend');
    expect(message.engineNote).toBe('WebGL as chosen, though auto avoids it here: software renderer (SwiftShader): several times slower than WebAssembly');
    expect(message).not.toHaveProperty('caution');

    const fused = cautious();
    fused.session.handle(start(2, { samples: 4, bs: 1 }, { backend: 'fused' }));
    await settle(fused.session);
    expect(only(fused.messages, 'backend').engine).toBe('fused');
    expect(only(fused.messages, 'backend').engineNote).toBeUndefined();
  });

  it('posts backend → started → progress/preview… → preview → done, all with the runId', async () => {
    const h = harness();
    h.session.handle(start(7, { samples: 60, bs: 1 }, { backend: 'auto' }));
    await settle(h.session);
    const types = h.messages.map((m) => m.type);
    expect(types[0]).toBe('backend');
    expect(types[1]).toBe('started');
    expect(types.at(-2)).toBe('preview');
    expect(types.at(-1)).toBe('done');
    expect(new Set(types.slice(2, -1))).toEqual(new Set(['progress', 'preview']));
    expect(h.messages.every((m) => m.runId === 7)).toBe(true);
    expect(h.backendRequests).toEqual(['auto']);

    expect(only(h.messages, 'backend')).toEqual({
      type: 'backend',
      runId: 7,
      engine: 'fused',
      backend: 'cpu',
      skipped: [{ name: 'webgpu', reason: 'not here' }],
      // Auto timed both engines on the model (the fake clock makes them equal: the fused engine stays).
      engineNote: expect.stringMatching(/^auto: the fused engine is faster here \(fused CPU \d+ ms per batch, TF\.js cpu \d+ ms, timed on this model\)/),
    });
    expect(only(h.messages, 'started')).toEqual({ type: 'started', runId: 7, metricNames: ['loss', 'acc', 'val_loss', 'val_acc'], paramCount: 3860, totalSamples: 60 });
    // Every step arrives exactly once, in order, batched into fewer messages.
    expect(steps(h.messages)).toEqual(range(60));
    const progress = ofType(h.messages, 'progress');
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.length).toBeLessThan(60);
    for (const m of progress) {
      expect(m.points.samples.length).toBeGreaterThan(0);
      expect(m.samplesPerSec).toBeGreaterThan(0);
      // The fused engine trains without TF.js tensors; the count is reported all the same.
      expect(Number.isInteger(m.tensors) && m.tensors >= 0).toBe(true);
    }
    const done = only(h.messages, 'done');
    expect(done.outcome.status).toBe('completed');
    expect(done.outcome.samplesSeen).toBe(60);
    expect(done.outcome.steps).toBe(60);
    expect(done.outcome.evaluation?.metrics.accuracy).toBeTypeOf('number');
    expect(done.elapsedMs).toBeGreaterThan(0);
    const preview = ofType(h.messages, 'preview').at(-1)?.payload as { sequence: number[]; probabilities: number[] };
    expect(preview.sequence).toHaveLength(5);
    expect(preview.probabilities).toHaveLength(10);

    h.session.handle({ type: 'reset', runId: 8 });
    await settle(h.session);
  });

  it('stop right after "started" ends the run after one batch', async () => {
    const h = harness();
    h.onPost = (m) => {
      if (m.type === 'started') h.session.handle({ type: 'stop', runId: 1 });
    };
    h.session.handle(start(1, { samples: 5000, bs: 4 }));
    await settle(h.session);
    const done = only(h.messages, 'done');
    expect(done.outcome.status).toBe('stopped');
    expect(done.outcome.steps).toBe(1);
    expect(done.outcome.samplesSeen).toBe(4);
    expect(done.outcome.message).toBe('Stopped after 4 of 5,000 samples.');
    // The stopped run is still evaluated, and its last points are not lost.
    expect(done.outcome.evaluation).toBeDefined();
    expect(steps(h.messages)).toEqual([1]);
    expect(h.messages.at(-1)?.type).toBe('done');
    h.session.handle({ type: 'reset', runId: 2 });
    await settle(h.session);
  });

  it('stop after the first progress acts before the next batch; a stop for another run is ignored', async () => {
    const h = harness();
    let stoppedAt = -1;
    h.onPost = (m) => {
      if (m.type === 'progress' && stoppedAt < 0) {
        h.session.handle({ type: 'stop', runId: 99 });
        h.session.handle({ type: 'stop', runId: 3 });
        stoppedAt = unpackPoints(m.points).at(-1)?.step ?? -1;
      }
    };
    h.session.handle(start(3, { samples: 5000, bs: 1 }));
    await settle(h.session);
    const done = only(h.messages, 'done');
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(5);
    expect(done.outcome.status).toBe('stopped');
    expect(done.outcome.steps).toBe(stoppedAt);
    expect(done.outcome.samplesSeen).toBe(stoppedAt);
    expect(steps(h.messages)).toEqual(range(stoppedAt));
    h.session.handle({ type: 'reset', runId: 4 });
    await settle(h.session);
  });

  it('pause holds the run; resume continues it to completion', async () => {
    const h = harness();
    h.onPost = (m) => {
      if (m.type === 'progress' && !h.messages.some((x) => x.type === 'paused')) h.session.handle({ type: 'pause', runId: 5 });
    };
    h.session.handle(start(5, { samples: 80, bs: 1 }));
    await until(() => h.messages.some((m) => m.type === 'paused'));
    // Let the step that was under way finish (its preview may still go out).
    await wait(200);
    const pausedAt = h.messages.findIndex((m) => m.type === 'paused');
    expect(pausedAt).toBeGreaterThan(0);
    expect(h.messages[pausedAt]).toEqual({ type: 'paused', runId: 5, paused: true });
    const count = h.messages.length;
    await wait(400);
    // Nothing moved while paused, and no progress after the pause message.
    expect(h.messages.length).toBe(count);
    expect(ofType(h.messages.slice(pausedAt), 'progress')).toEqual([]);
    expect(ofType(h.messages, 'done')).toEqual([]);
    const stepsBefore = steps(h.messages).length;
    expect(stepsBefore).toBeLessThan(80);
    // A second pause changes nothing; resume of another run neither.
    h.session.handle({ type: 'pause', runId: 5 });
    h.session.handle({ type: 'resume', runId: 6 });
    await wait(50);
    expect(h.messages.length).toBe(count);

    h.onPost = null;
    h.session.handle({ type: 'resume', runId: 5 });
    expect(h.messages[count]).toEqual({ type: 'paused', runId: 5, paused: false });
    await settle(h.session);
    const done = only(h.messages, 'done');
    expect(done.outcome.status).toBe('completed');
    expect(done.outcome.samplesSeen).toBe(80);
    expect(steps(h.messages)).toEqual(range(80));
    h.session.handle({ type: 'reset', runId: 6 });
    await settle(h.session);
  });

  it('stop while paused ends the run', async () => {
    const h = harness();
    h.onPost = (m) => {
      if (m.type === 'started') h.session.handle({ type: 'pause', runId: 9 });
    };
    h.session.handle(start(9, { samples: 500, bs: 1 }));
    await until(() => h.messages.some((m) => m.type === 'paused'));
    await wait(100);
    expect(ofType(h.messages, 'done')).toEqual([]);
    h.session.handle({ type: 'stop', runId: 9 });
    await settle(h.session);
    const done = only(h.messages, 'done');
    expect(done.outcome.status).toBe('stopped');
    expect(done.outcome.samplesSeen).toBe(1);
    h.session.handle({ type: 'reset', runId: 10 });
    await settle(h.session);
  });

  it('a new start during a run ends the old one first, then trains the new one', async () => {
    const h = harness();
    h.onPost = (m) => {
      if (m.type === 'progress' && m.runId === 1 && !h.messages.some((x) => x.runId === 2)) {
        h.session.handle(start(2, { samples: 30, bs: 2 }, { seed: 2 }));
      }
    };
    h.session.handle(start(1, { samples: 5000, bs: 1 }));
    await settle(h.session);
    const first = h.messages.filter((m) => m.runId === 1);
    const second = h.messages.filter((m) => m.runId === 2);
    const firstDone = only(first, 'done');
    expect(firstDone.outcome.status).toBe('stopped');
    expect(firstDone.outcome.samplesSeen).toBeLessThan(10);
    // Run 1 ends completely before run 2 says anything.
    expect(h.messages.indexOf(firstDone)).toBeLessThan(h.messages.findIndex((m) => m.runId === 2));
    expect(second.map((m) => m.type).slice(0, 2)).toEqual(['backend', 'started']);
    const secondDone = only(second, 'done');
    expect(secondDone.outcome.status).toBe('completed');
    expect(secondDone.outcome.samplesSeen).toBe(30);
    expect(steps(second)).toEqual(range(15));
    h.session.handle({ type: 'reset', runId: 3 });
    await settle(h.session);
  });

  it('a start superseded before it began never trains: the newest start runs next', async () => {
    const h = harness();
    h.onPost = (m) => {
      if (m.type === 'progress' && m.runId === 1 && !h.messages.some((x) => x.runId === 2)) {
        h.onPost = null;
        h.session.handle(start(2, { samples: 3000, bs: 1 }));
        h.session.handle(start(3, { samples: 20, bs: 2 }));
      }
    };
    h.session.handle(start(1, { samples: 5000, bs: 1 }));
    await settle(h.session);
    expect(only(h.messages.filter((m) => m.runId === 1), 'done').outcome.status).toBe('stopped');
    expect(h.messages.filter((m) => m.runId === 2)).toEqual([]);
    expect(only(h.messages.filter((m) => m.runId === 3), 'done').outcome).toMatchObject({ status: 'completed', samplesSeen: 20 });
    h.session.handle({ type: 'reset', runId: 4 });
    await settle(h.session);
  });

  it('a reset right after a start (before it began) cancels it and frees everything', async () => {
    const h = harness();
    const baseline = tf.memory().numTensors;
    h.onPost = (m) => {
      if (m.type === 'progress' && m.runId === 1) {
        h.onPost = null;
        h.session.handle(start(2, { samples: 3000, bs: 1 }));
        h.session.handle({ type: 'reset', runId: 3 });
      }
    };
    h.session.handle(start(1, { samples: 5000, bs: 1 }));
    await settle(h.session);
    expect(h.messages.filter((m) => m.runId === 2)).toEqual([]);
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('reset after a run frees its model; reset during a run stops it and frees it', async () => {
    const h = harness();
    await tf.setBackend('cpu');
    const baseline = tf.memory().numTensors;
    h.session.handle(start(1, { samples: 20, bs: 2 }));
    await settle(h.session);
    expect(only(h.messages, 'done').outcome.status).toBe('completed');
    // The finished run's model stays for predictions until reset.
    expect(tf.memory().numTensors).toBeGreaterThan(baseline);
    h.session.handle({ type: 'reset', runId: 2 });
    await settle(h.session);
    expect(tf.memory().numTensors).toBe(baseline);

    h.messages.length = 0;
    h.onPost = (m) => {
      if (m.type === 'progress') h.session.handle({ type: 'reset', runId: 4 });
    };
    h.session.handle(start(3, { samples: 5000, bs: 1 }));
    await settle(h.session);
    expect(only(h.messages, 'done').outcome.status).toBe('stopped');
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('an unknown experiment gives an error message, not a throw', async () => {
    const h = harness();
    expect(() => h.session.handle(start(4, {}, { experimentId: 'nope' }))).not.toThrow();
    await settle(h.session);
    expect(h.messages).toHaveLength(1);
    expect(h.messages[0]).toMatchObject({ type: 'error', runId: 4, message: 'Unknown experiment "nope".' });
    expect(h.backendRequests).toEqual([]);
  });

  it('a backend that cannot start gives an error message', async () => {
    const h = harness(async () => {
      throw new Error('No TensorFlow.js backend could start (cpu: failed to start).');
    });
    h.session.handle(start(5, {}));
    await settle(h.session);
    expect(h.messages).toHaveLength(1);
    expect(h.messages[0]).toMatchObject({ type: 'error', runId: 5, message: 'No TensorFlow.js backend could start (cpu: failed to start).' });
  });

  it('prepare readies the backend a run would use, says nothing, and leaves a kept model on its backend', async () => {
    const h = harness();
    h.session.handle({ type: 'prepare', backend: 'fused' });
    h.session.handle({ type: 'prepare', backend: 'wasm' });
    await settle(h.session);
    // The fused engine creates its weights on auto's backend.
    expect(h.backendRequests).toEqual(['auto', 'wasm']);
    expect(h.messages).toEqual([]);

    h.session.handle(start(6, { samples: 20, bs: 4 }));
    await settle(h.session);
    expect(only(h.messages, 'done').runId).toBe(6);
    h.backendRequests.length = 0;
    h.session.handle({ type: 'prepare', backend: 'webgl' });
    await settle(h.session);
    expect(h.backendRequests).toEqual([]);

    // Once the model is freed, preparing works again; a backend that fails says nothing until a run needs it.
    h.session.handle({ type: 'reset', runId: 7 });
    await settle(h.session);
    h.session.handle({ type: 'prepare', backend: 'cpu' });
    await settle(h.session);
    expect(h.backendRequests).toEqual(['cpu']);
    const failing = harness(() => Promise.reject(new Error('no backend')));
    failing.session.handle({ type: 'prepare', backend: 'auto' });
    await settle(failing.session);
    expect(failing.messages).toEqual([]);
  });

  it('invalid params fall back to defaults', async () => {
    const h = harness();
    h.onPost = (m) => {
      if (m.type === 'started') h.session.handle({ type: 'stop', runId: 6 });
    };
    h.session.handle(start(6, { units: -3, samples: 'many', bs: 3 }));
    await settle(h.session);
    expect(only(h.messages, 'started')).toMatchObject({ paramCount: 3860, totalSamples: 10_000 });
    expect(only(h.messages, 'done').outcome.samplesSeen).toBe(3);
    h.session.handle({ type: 'reset', runId: 7 });
    await settle(h.session);
  });
});

describe('looking inside the model', () => {
  it('posts the gates with the previews when asked at start, then again on request after the run, and stops when closed', async () => {
    const h = harness();
    h.session.handle(start(1, { samples: 40 }, { inspect: { layerIndex: 0, example: 0 } }));
    await settle(h.session);
    const during = ofType(h.messages, 'inside');
    expect(during.length).toBeGreaterThanOrEqual(1);
    const last = during.at(-1);
    expect(last?.payload.traces[0]?.timesteps).toBe(5);
    expect(last?.payload.traces[0]?.units).toBe(25);
    expect(last?.samplesSeen).toBe(40);
    // After the run: another example on request, from the kept model.
    h.messages.length = 0;
    h.session.handle({ type: 'inspect', runId: 1, settings: { layerIndex: 0, example: 3 } });
    expect(only(h.messages, 'inside').payload.example).toBe(3);
    h.messages.length = 0;
    h.session.handle({ type: 'inspect', runId: 1, settings: null });
    expect(ofType(h.messages, 'inside')).toHaveLength(0);
    // After a reset the model is gone: nothing to look at.
    h.session.handle({ type: 'reset', runId: 2 });
    await settle(h.session);
    h.session.handle({ type: 'inspect', runId: 1, settings: { layerIndex: 0, example: 0 } });
    expect(ofType(h.messages, 'inside')).toHaveLength(0);
  });
});
