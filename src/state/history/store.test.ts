import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunRecord } from '../store';
import { emptySeries, seriesOf } from '../series';
import { openHistoryDb } from './db';
import {
  clearHistory,
  clearPicks,
  deleteRun,
  ensureHistoryLoaded,
  keepRun,
  MAX_AUTO_PICKS,
  resetHistoryForTests,
  setPicked,
  useHistoryStore,
} from './store';

/** A finished echo run of the page, as the store holds it. */
function pageRun(id: number, overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id,
    experimentId: 'echo',
    seed: id,
    values: { length: 5, distinct: 10, outIndex: 2, units: 25 },
    backendPreference: 'auto',
    engine: 'fused',
    engineNote: null,
    backend: 'cpu',
    skipped: [],
    series: seriesOf({ metricNames: ['loss', 'acc'], samples: [32, 64, 96], values: [[2, 1, 0.5], [0.1, 0.5, 0.9]] }),
    totalSamples: 96,
    paramCount: 3860,
    outcome: { status: 'completed', steps: 3, samplesSeen: 96, lastValues: [0.5, 0.9], evaluation: { metrics: { accuracy: 0.93 } } },
    elapsedMs: 1200,
    ...overrides,
  };
}

/** Simulates a reload: the page forgets everything but what storage keeps. */
function reload(): void {
  resetHistoryForTests();
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetHistoryForTests();
});

afterEach(() => {
  resetHistoryForTests();
  vi.restoreAllMocks();
});

describe('run history store', () => {
  it('keeps a finished run with its results, picks it, and lists it again after a reload', async () => {
    await keepRun(pageRun(1), 'completed');
    let state = useHistoryStore.getState();
    expect(state.storage).toBe('ready');
    expect(state.runs).toHaveLength(1);
    const [run] = state.runs;
    expect(run).toMatchObject({
      id: 1,
      experimentId: 'echo',
      experimentTitle: 'Echo sequence',
      seed: 1,
      engine: 'fused',
      backend: 'cpu',
      samplesSeen: 96,
      paramCount: 3860,
      status: 'completed',
      elapsedMs: 1200,
      finalValues: [
        { name: 'loss', value: 0.5 },
        { name: 'acc', value: 0.9 },
      ],
      metrics: [{ key: 'accuracy', label: 'Accuracy', format: 'percent', value: 0.93 }],
    });
    expect(state.picked).toEqual([1]);
    expect(state.pageRunIds).toEqual({ 1: 1 });

    reload();
    await ensureHistoryLoaded();
    state = useHistoryStore.getState();
    expect(state.runs.map((r) => r.id)).toEqual([1]);
    expect(state.picked).toEqual([]);
    expect(state.curves).toEqual({});
    // Picking a stored run reads its curves.
    await setPicked(1, true);
    expect(useHistoryStore.getState().curves[1]?.values[0]).toEqual([2, 1, 0.5]);
  });

  it('keeps a run replaced mid-way with its last values and the time it had trained', async () => {
    await keepRun(pageRun(2, { outcome: null, elapsedMs: 0 }), 'interrupted', 800);
    const [run] = useHistoryStore.getState().runs;
    expect(run).toMatchObject({ status: 'interrupted', elapsedMs: 800, samplesSeen: 96, metrics: [], message: null });
    expect(run?.finalValues).toEqual([
      { name: 'loss', value: 0.5 },
      { name: 'acc', value: 0.1 + 0.8 },
    ]);
  });

  it('keeps nothing of a run without a single point', async () => {
    await keepRun(pageRun(3, { series: emptySeries(['loss']) }), 'stopped');
    expect(useHistoryStore.getState().runs).toEqual([]);
  });

  it(`picks the last ${MAX_AUTO_PICKS} runs of the visit by itself, and leaves the user's picks alone`, async () => {
    for (let id = 1; id <= 3; id++) await keepRun(pageRun(id), 'completed');
    await setPicked(1, false);
    await setPicked(1, true); // now the user's pick
    for (let id = 4; id <= 8; id++) await keepRun(pageRun(id), 'completed');
    const { picked, autoPicked } = useHistoryStore.getState();
    expect(autoPicked).toEqual([8, 7, 6, 5, 4]);
    expect([...picked].sort((a, b) => a - b)).toEqual([1, 4, 5, 6, 7, 8]);
    clearPicks();
    expect(useHistoryStore.getState().picked).toEqual([]);
  });

  it('deletes one run and clears all, in storage too', async () => {
    for (let id = 1; id <= 3; id++) await keepRun(pageRun(id), 'completed');
    await deleteRun(2);
    expect(useHistoryStore.getState().runs.map((r) => r.id)).toEqual([3, 1]);
    expect(useHistoryStore.getState().picked).not.toContain(2);
    reload();
    await ensureHistoryLoaded();
    expect(useHistoryStore.getState().runs.map((r) => r.id)).toEqual([3, 1]);
    await clearHistory();
    reload();
    await ensureHistoryLoaded();
    expect(useHistoryStore.getState().runs).toEqual([]);
  });

  it('numbers runs after the highest kept one, and takes the number storage gives when another tab took it', async () => {
    await keepRun(pageRun(1), 'completed');
    // Another tab stores run 2 behind this page's back.
    const other = await openHistoryDb();
    const { runs } = useHistoryStore.getState();
    const { schema: _schema, ...first } = runs[0] as NonNullable<(typeof runs)[0]>;
    await other.add({ ...first, id: 2, seed: 77 }, { metricNames: ['loss'], samples: [1], values: [[1]] });
    other.close();
    await keepRun(pageRun(5), 'completed');
    const state = useHistoryStore.getState();
    expect(state.runs.map((r) => [r.id, r.seed])).toEqual([
      [3, 5],
      [1, 1],
    ]);
    expect(state.picked).toContain(3);
    expect(state.curves[3]).toBeDefined();
    expect(state.pageRunIds[3]).toBe(5);
  });

  it('without storage, lists the runs of the visit and says they will be lost', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error -- a browser without IndexedDB has no such global.
    delete globalThis.indexedDB;
    try {
      await keepRun(pageRun(1), 'completed');
      const state = useHistoryStore.getState();
      expect(state.storage).toBe('unavailable');
      expect(state.storageProblem).toMatch(/lost when the page closes/);
      expect(state.runs.map((r) => r.id)).toEqual([1]);
      expect(state.picked).toEqual([1]);
      await deleteRun(1);
      expect(useHistoryStore.getState().runs).toEqual([]);
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('says which old runs were dropped when storage is full', async () => {
    for (let id = 1; id <= 3; id++) await keepRun(pageRun(id), 'completed');
    const put = IDBObjectStore.prototype.put;
    let failures = 1;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'runs' && failures-- > 0) throw new DOMException('Full.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await keepRun(pageRun(4), 'completed');
    const state = useHistoryStore.getState();
    expect(state.runs.map((r) => r.id)).toEqual([4, 3, 2]);
    expect(state.notice).toBe('Storage was full: the 1 oldest run was dropped to keep the newest.');
  });

  it('keeps the run for the visit when saving fails, and says so', async () => {
    await ensureHistoryLoaded();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Disk error.', 'UnknownError');
    });
    await keepRun(pageRun(1), 'completed');
    const state = useHistoryStore.getState();
    expect(state.runs.map((r) => r.id)).toEqual([1]);
    expect(state.storageProblem).toBe('Run 1 could not be saved (Disk error.): it is listed for this visit only.');
  });
});
