/**
 * The run history in IndexedDB (through idb): a plain async API — add, list, get, delete, clear —
 * with no React and no store, so it runs in Node against fake-indexeddb. Run summaries and curves
 * live in two object stores keyed by the run's id, so listing reads no curves. Everything read
 * back is checked (record.ts); a damaged record is skipped with a console warning.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PlainCurves } from '../series';
import { checkCurves, checkRun, RECORD_SCHEMA, type HistoryEntry, type HistoryRun } from './record';

export const DB_NAME = 'lstm-playground-history';
/** The IndexedDB version: bump with a new upgrade step when stores or indexes change. */
export const DB_VERSION = 1;
/** Runs kept at most; adding one more drops the oldest. */
export const HISTORY_CAP = 200;
/** Opening can hang where storage is blocked; after this the history counts as unavailable. */
const OPEN_TIMEOUT_MS = 5000;
/** Rounds of dropping the oldest tenth of the runs when storage is full, before giving up. */
const MAX_EVICTION_ROUNDS = 6;

interface HistorySchema extends DBSchema {
  runs: { key: number; value: HistoryRun };
  curves: { key: number; value: { id: number; curves: PlainCurves } };
}

/** A run to add: the id is a wish (the next free one is taken if it is not above every stored id). */
export type NewRun = Omit<HistoryRun, 'schema'>;

export interface AddResult {
  id: number;
  /** Ids of the oldest runs dropped to make room (storage full, or more than the cap). */
  dropped: number[];
  /** Whether storage was full (some were dropped for that, not only for the cap). */
  storageFull: boolean;
}

export interface ListResult {
  /** Newest first. */
  runs: HistoryRun[];
  /** Records that failed their check and were left out. */
  skipped: number;
}

export interface HistoryDb {
  add(run: NewRun, curves: PlainCurves): Promise<AddResult>;
  list(): Promise<ListResult>;
  get(id: number): Promise<HistoryEntry | null>;
  delete(id: number): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

/** Whether an error means the storage quota is used up (names differ across browsers and layers). */
export function isQuotaError(error: unknown): boolean {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

function warnSkipped(what: string, problem: string): void {
  console.warn(`Run history: skipped a damaged ${what} (${problem}).`);
}

const newestFirst = (a: HistoryRun, b: HistoryRun) => b.date - a.date || b.id - a.id;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Opens (creating or upgrading) the history database. Rejects when IndexedDB is missing or
 * refuses (private mode, storage turned off, a hung open).
 */
export async function openHistoryDb(options: { name?: string; cap?: number } = {}): Promise<HistoryDb> {
  const name = options.name ?? DB_NAME;
  const cap = options.cap ?? HISTORY_CAP;
  if (typeof indexedDB === 'undefined') throw new Error('this browser offers no IndexedDB');
  let db: IDBPDatabase<HistorySchema> | null = null;
  const opening = openDB<HistorySchema>(name, DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore('runs', { keyPath: 'id' });
        database.createObjectStore('curves', { keyPath: 'id' });
      }
    },
    // Another tab opens a newer version: let it, this connection is done.
    blocking() {
      db?.close();
    },
  });
  db = await withTimeout(opening, OPEN_TIMEOUT_MS, 'opening the database took too long');
  const database = db;

  async function write(run: NewRun, curves: PlainCurves): Promise<number> {
    const tx = database.transaction(['runs', 'curves'], 'readwrite');
    const runs = tx.objectStore('runs');
    const last = await runs.openKeyCursor(null, 'prev');
    const id = Math.max(run.id, (last ? Number(last.key) : 0) + 1);
    try {
      await Promise.all([runs.put({ ...run, id, schema: RECORD_SCHEMA }), tx.objectStore('curves').put({ id, curves }), tx.done]);
    } catch (error) {
      // A full disk aborts the transaction: its requests may fail first, with a plainer error.
      throw isQuotaError(tx.error) ? tx.error : error;
    }
    return id;
  }

  /** Deletes the `count` oldest runs (lowest ids) with their curves; resolves to their ids. */
  async function dropOldest(count: number, keep: number): Promise<number[]> {
    const tx = database.transaction(['runs', 'curves'], 'readwrite');
    const dropped: number[] = [];
    let cursor = await tx.objectStore('runs').openKeyCursor();
    while (cursor && dropped.length < count) {
      const key = cursor.key;
      if (key !== keep) {
        dropped.push(Number(key));
        await Promise.all([tx.objectStore('runs').delete(key), tx.objectStore('curves').delete(key)]);
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return dropped;
  }

  return {
    async add(run, curves) {
      const dropped: number[] = [];
      let storageFull = false;
      let id: number | null = null;
      for (let round = 0; id === null; round++) {
        try {
          id = await write(run, curves);
        } catch (error) {
          if (!isQuotaError(error) || round >= MAX_EVICTION_ROUNDS) throw error;
          storageFull = true;
          const stored = await database.count('runs');
          const removed = await dropOldest(Math.max(1, Math.ceil(stored / 10)), -1);
          if (removed.length === 0) throw error;
          dropped.push(...removed);
        }
      }
      const stored = await database.count('runs');
      if (stored > cap) dropped.push(...(await dropOldest(stored - cap, id)));
      return { id, dropped, storageFull };
    },

    async list() {
      const raw: unknown[] = await database.getAll('runs');
      const runs: HistoryRun[] = [];
      let skipped = 0;
      for (const record of raw) {
        const checked = checkRun(record);
        if (checked.ok) runs.push(checked.value);
        else {
          skipped++;
          warnSkipped('run', checked.problem);
        }
      }
      return { runs: runs.sort(newestFirst), skipped };
    },

    async get(id) {
      const tx = database.transaction(['runs', 'curves'], 'readonly');
      const [rawRun, rawCurves] = (await Promise.all([tx.objectStore('runs').get(id), tx.objectStore('curves').get(id)])) as [unknown, unknown];
      if (rawRun === undefined) return null;
      const run = checkRun(rawRun);
      if (!run.ok) {
        warnSkipped('run', run.problem);
        return null;
      }
      const curves = checkCurves(typeof rawCurves === 'object' && rawCurves !== null ? (rawCurves as { curves?: unknown }).curves : undefined);
      if (!curves.ok) {
        warnSkipped('run', curves.problem);
        return null;
      }
      return { run: run.value, curves: curves.value };
    },

    async delete(id) {
      const tx = database.transaction(['runs', 'curves'], 'readwrite');
      await Promise.all([tx.objectStore('runs').delete(id), tx.objectStore('curves').delete(id), tx.done]);
    },

    async clear() {
      const tx = database.transaction(['runs', 'curves'], 'readwrite');
      await Promise.all([tx.objectStore('runs').clear(), tx.objectStore('curves').clear(), tx.done]);
    },

    close() {
      database.close();
    },
  };
}
