/**
 * Saved models in IndexedDB (through idb): a list of summaries (name, experiment, date, metrics,
 * settings) and, in a second object store, each model's files (model.json text and weights), so
 * listing reads no weights. No React and no store: it runs in Node against fake-indexeddb.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { AnyParamValues } from '../../experiments/params';

export const MODELS_DB_NAME = 'lstm-playground-models';
const DB_VERSION = 1;
/** Opening can hang where storage is blocked; after this the list counts as unavailable. */
const OPEN_TIMEOUT_MS = 5000;

export interface SavedModelSummary {
  id: number;
  name: string;
  experimentId: string;
  /** ms since the epoch. */
  savedAt: number;
  metrics: Record<string, number>;
  values: AnyParamValues;
  seed: number;
  samplesSeen: number;
}

export interface SavedModelFiles {
  id: number;
  modelJson: string;
  weights: ArrayBuffer;
}

interface ModelsSchema extends DBSchema {
  models: { key: number; value: SavedModelSummary };
  files: { key: number; value: SavedModelFiles };
}

export interface ModelLibrary {
  add(summary: Omit<SavedModelSummary, 'id'>, files: Omit<SavedModelFiles, 'id'>): Promise<number>;
  /** Newest first. */
  list(): Promise<SavedModelSummary[]>;
  files(id: number): Promise<SavedModelFiles | null>;
  delete(id: number): Promise<void>;
  close(): void;
}

function isSummary(value: unknown): value is SavedModelSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'number' && typeof v.name === 'string' && typeof v.experimentId === 'string' && typeof v.savedAt === 'number' && typeof v.metrics === 'object' && v.metrics !== null && typeof v.values === 'object' && v.values !== null && typeof v.seed === 'number';
}

export async function openModelLibrary(): Promise<ModelLibrary> {
  const opening = openDB<ModelsSchema>(MODELS_DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('models', { keyPath: 'id' });
      db.createObjectStore('files', { keyPath: 'id' });
    },
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The browser did not open its model storage.')), OPEN_TIMEOUT_MS);
  });
  let db: IDBPDatabase<ModelsSchema>;
  try {
    db = await Promise.race([opening, timeout]);
  } finally {
    clearTimeout(timer);
  }
  return {
    async add(summary, files) {
      const tx = db.transaction(['models', 'files'], 'readwrite');
      const models = tx.objectStore('models');
      const last = await models.openCursor(null, 'prev');
      const id = (last?.value.id ?? 0) + 1;
      await models.put({ ...summary, id });
      await tx.objectStore('files').put({ ...files, id });
      await tx.done;
      return id;
    },
    async list() {
      const all: unknown[] = await db.getAll('models');
      return all.filter(isSummary).sort((a, b) => b.savedAt - a.savedAt || b.id - a.id);
    },
    async files(id) {
      const files = await db.get('files', id);
      return files && typeof files.modelJson === 'string' && files.weights instanceof ArrayBuffer ? files : null;
    },
    async delete(id) {
      const tx = db.transaction(['models', 'files'], 'readwrite');
      await Promise.all([tx.objectStore('models').delete(id), tx.objectStore('files').delete(id), tx.done]);
    },
    close() {
      db.close();
    },
  };
}
