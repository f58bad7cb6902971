import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DB_NAME, DB_VERSION, openHistoryDb, type HistoryDb } from './db';
import { sampleCurves, sampleRun } from './testRuns';

let db: HistoryDb | null = null;

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  db?.close();
  db = null;
  vi.restoreAllMocks();
});

async function open(cap?: number): Promise<HistoryDb> {
  db = await openHistoryDb(cap === undefined ? {} : { cap });
  return db;
}

/** Writes a raw record past the module, as another version or a damaged profile might. */
async function putRaw(store: 'runs' | 'curves', value: unknown): Promise<void> {
  const request = indexedDB.open(DB_NAME, DB_VERSION);
  const raw = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  const tx = raw.transaction(store, 'readwrite');
  tx.objectStore(store).put(value);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('put failed'));
  });
  raw.close();
}

describe('run history database', () => {
  it('adds runs with their curves, lists them newest first, gets, deletes and clears', async () => {
    const history = await open();
    expect(await history.list()).toEqual({ runs: [], skipped: 0 });
    const first = await history.add(sampleRun({ id: 1, date: 1000, seed: 1 }), sampleCurves(3));
    const second = await history.add(sampleRun({ id: 2, date: 2000, seed: 2, experimentId: 'sine', experimentTitle: 'Damped sine' }), sampleCurves(4));
    expect(first).toEqual({ id: 1, dropped: [], storageFull: false });
    expect(second).toEqual({ id: 2, dropped: [], storageFull: false });

    const listed = await history.list();
    expect(listed.skipped).toBe(0);
    expect(listed.runs.map((run) => [run.id, run.seed, run.experimentId])).toEqual([
      [2, 2, 'sine'],
      [1, 1, 'echo'],
    ]);
    expect(listed.runs[1]).toEqual({ ...sampleRun({ id: 1, date: 1000, seed: 1 }), schema: 1 });

    const entry = await history.get(2);
    expect(entry?.run.seed).toBe(2);
    expect(entry?.curves).toEqual(sampleCurves(4));
    expect(await history.get(99)).toBeNull();

    await history.delete(1);
    expect((await history.list()).runs.map((run) => run.id)).toEqual([2]);
    expect(await history.get(1)).toBeNull();

    await history.clear();
    expect(await history.list()).toEqual({ runs: [], skipped: 0 });
  });

  it('keeps what it stored across connections (a reload)', async () => {
    const history = await open();
    await history.add(sampleRun({ id: 1 }), sampleCurves(2));
    history.close();
    const again = await open();
    expect((await again.list()).runs).toHaveLength(1);
    expect((await again.get(1))?.curves.samples).toEqual([32, 64]);
  });

  it('never reuses a lower id: a wished id at or below the highest stored one becomes the next free one', async () => {
    const history = await open();
    await history.add(sampleRun({ id: 5 }), sampleCurves());
    // Another tab wrote run 5 first: this one becomes 6 instead of overwriting it.
    expect((await history.add(sampleRun({ id: 5, seed: 9 }), sampleCurves())).id).toBe(6);
    expect((await history.add(sampleRun({ id: 1 }), sampleCurves())).id).toBe(7);
    expect((await history.get(5))?.run.seed).toBe(1);
    expect((await history.get(6))?.run.seed).toBe(9);
  });

  it('keeps at most the cap, dropping the oldest runs and saying which', async () => {
    const history = await open(3);
    for (let id = 1; id <= 3; id++) expect((await history.add(sampleRun({ id, date: id }), sampleCurves())).dropped).toEqual([]);
    expect(await history.add(sampleRun({ id: 4, date: 4 }), sampleCurves())).toEqual({ id: 4, dropped: [1], storageFull: false });
    expect((await history.list()).runs.map((run) => run.id)).toEqual([4, 3, 2]);
    expect(await history.get(1)).toBeNull();
  });

  it('when storage is full, drops the oldest tenth of the runs and tries again', async () => {
    const history = await open();
    for (let id = 1; id <= 12; id++) await history.add(sampleRun({ id, date: id }), sampleCurves());
    // The next two writes of a run hit the quota.
    const put = IDBObjectStore.prototype.put;
    let failures = 2;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'runs' && failures > 0) {
        failures--;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    });
    const result = await history.add(sampleRun({ id: 13, date: 13 }), sampleCurves());
    // 12 runs: ceil(12 / 10) = 2 dropped; then 10 runs: 1 more.
    expect(result).toEqual({ id: 13, dropped: [1, 2, 3], storageFull: true });
    expect((await history.list()).runs.map((run) => run.id)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4]);
  });

  it('gives up with the quota error when nothing can make room', async () => {
    const history = await open();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(history.add(sampleRun(), sampleCurves())).rejects.toMatchObject({ name: 'QuotaExceededError' });
  });

  it('passes on other errors without dropping anything', async () => {
    const history = await open();
    await history.add(sampleRun({ id: 1 }), sampleCurves());
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Something else.', 'UnknownError');
    });
    await expect(history.add(sampleRun({ id: 2 }), sampleCurves())).rejects.toMatchObject({ name: 'UnknownError' });
    vi.restoreAllMocks();
    expect((await history.list()).runs.map((run) => run.id)).toEqual([1]);
  });

  it('skips damaged records with a warning instead of failing', async () => {
    const history = await open();
    await history.add(sampleRun({ id: 1 }), sampleCurves());
    await history.add(sampleRun({ id: 2 }), sampleCurves());
    await putRaw('runs', { id: 3, schema: 1, experimentId: 'echo' });
    await putRaw('runs', { ...sampleRun({ id: 4 }), schema: 1, seed: 'one' });
    await putRaw('runs', { ...sampleRun({ id: 5 }), schema: 99 });
    await putRaw('curves', { id: 2, curves: { metricNames: ['loss'], samples: [1, 2], values: [[0.5]] } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const listed = await history.list();
    expect(listed.runs.map((run) => run.id)).toEqual([2, 1]);
    expect(listed.skipped).toBe(3);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls.map((call) => String(call[0]))).toContain('Run history: skipped a damaged run (written by a newer version (schema 99)).');

    // A run whose curves are damaged cannot be drawn: get skips it.
    expect(await history.get(2)).toBeNull();
    expect(await history.get(1)).not.toBeNull();
    // Clearing removes the damaged records too.
    await history.clear();
    expect(await history.list()).toEqual({ runs: [], skipped: 0 });
  });

  it('rejects when the browser has no IndexedDB', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error -- a browser without IndexedDB (some private modes) has no such global.
    delete globalThis.indexedDB;
    try {
      await expect(openHistoryDb()).rejects.toThrow('no IndexedDB');
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('rejects when opening fails', async () => {
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    });
    await expect(openHistoryDb()).rejects.toMatchObject({ name: 'SecurityError' });
  });
});
