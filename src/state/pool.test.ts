import { beforeEach, describe, expect, it, vi } from 'vitest';
import { packPoints } from '../engine/pointBatch';
import type { AnyParamValues } from '../experiments/types';
import type { ClientListener } from '../worker/client';

/** A stand-in for the training worker: records what it is asked to train; the test answers for it. */
class FakeClient {
  static all: FakeClient[] = [];
  started: { experimentId: string; values: AnyParamValues; seed: number }[] = [];
  disposed = false;
  constructor(readonly listener: ClientListener) {
    FakeClient.all.push(this);
  }
  start(experimentId: string, values: AnyParamValues, seed: number): number {
    this.started.push({ experimentId, values, seed });
    return this.started.length;
  }
  reset(): void {}
  dispose(): void {
    this.disposed = true;
  }
  /** Finishes the current run with a validation MSE. */
  finish(validationMse: number): void {
    this.listener.onMessage({ type: 'started', runId: 1, metricNames: ['loss'], paramCount: 1, totalSamples: 10 });
    this.listener.onMessage({ type: 'progress', runId: 1, points: packPoints([{ step: 1, samplesSeen: 10, values: [0.5] }]), samplesPerSec: 1, elapsedMs: 1, tensors: 0 });
    this.listener.onMessage({
      type: 'done',
      runId: 1,
      outcome: { status: 'completed', steps: 1, samplesSeen: 10, lastValues: [0.5], evaluation: { metrics: { validationMse } } },
      elapsedMs: 1,
      tensors: 0,
    });
  }
}

vi.mock('../worker/client', () => ({ TrainingClient: FakeClient }));

const { useStore } = await import('./store');
const { startGrid, cancelRepeats, setWorkerLimit, useRepeatStore, poolSize, runProgress } = await import('./repeats');

const busy = () => FakeClient.all.filter((c) => !c.disposed);

beforeEach(() => {
  cancelRepeats();
  FakeClient.all = [];
  useStore.setState({ experimentId: 'curves', values: { epochs: 5 }, seed: 3 });
});

describe('poolSize', () => {
  it('spare cores only, capped, never more workers than runs', () => {
    expect(poolSize(8, 100)).toBe(4);
    expect(poolSize(8, 100, 8)).toBe(7);
    expect(poolSize(2, 100)).toBe(1);
    expect(poolSize(undefined, 100)).toBe(1);
    expect(poolSize(16, 2)).toBe(2);
  });
});

describe('the pool trains a grid', () => {
  it('every run seed-exact with its grid values; workers published; resizable while it trains', () => {
    setWorkerLimit(2);
    startGrid({ axes: [{ param: 'units', values: [1, 5] }], repeats: 2, score: 'validationMse' });
    expect(busy()).toHaveLength(2);
    expect(useRepeatStore.getState().workerRuns).toEqual([0, 1]);
    const [a, b] = busy();
    expect(a?.started[0]).toMatchObject({ experimentId: 'curves', seed: 3, values: { units: 1, epochs: 5 } });
    expect(b?.started[0]).toMatchObject({ seed: 3, values: { units: 5, epochs: 5 } });

    // A third worker joins at once and takes the next queued run.
    setWorkerLimit(3);
    expect(busy()).toHaveLength(3);
    expect(busy()[2]?.started[0]).toMatchObject({ seed: 4, values: { units: 1 } });
    expect(useRepeatStore.getState().workerRuns).toEqual([0, 1, 2]);

    // Back to one: the surplus workers stop after their current run.
    setWorkerLimit(1);
    a?.finish(0.2);
    expect(a?.disposed).toBe(true);
    expect(useRepeatStore.getState().workerRuns).toEqual([null, 1, 2]);
    b?.finish(0.1);
    expect(b?.disposed).toBe(true);
    const c = FakeClient.all[2];
    c?.finish(0.3);
    // The last worker takes the last run: units 5, seed 4.
    expect(c?.started[1]).toMatchObject({ seed: 4, values: { units: 5 } });
    // Not started yet: the plan's 5 epochs × 5 pairs.
    expect(runProgress(useRepeatStore.getState().runs[3] ?? ({} as never))).toEqual({ done: 0, total: 25 });
    c?.finish(0.05);
    const state = useRepeatStore.getState();
    expect(state.status).toBe('done');
    expect(state.runs.map((r) => [r.point, r.seed, r.status])).toEqual([
      [0, 3, 'done'],
      [1, 3, 'done'],
      [0, 4, 'done'],
      [1, 4, 'done'],
    ]);
    expect(state.workers).toBe(0);
  });

  it('cancelling keeps the finished runs and stops the rest', () => {
    setWorkerLimit(1);
    startGrid({ axes: [{ param: 'units', values: [1, 5] }], repeats: 1, score: 'validationMse' });
    busy()[0]?.finish(0.2);
    cancelRepeats();
    expect(useRepeatStore.getState().runs.map((r) => r.status)).toEqual(['done', 'cancelled']);
    expect(useRepeatStore.getState().status).toBe('cancelled');
    expect(busy()).toHaveLength(0);
  });
});
