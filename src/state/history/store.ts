/**
 * The run history as the page sees it: every kept run (newest first), the runs picked for
 * overlaying their curves and comparing them, and whether storage works. Finished runs are added
 * here at once and written to IndexedDB in the background; when storage is unavailable they are
 * still listed for the visit. The earlier runs drawn under the current one are picks too: each
 * run of this visit is picked as it ends (the last few), so there is one mechanism, not two.
 * The IndexedDB code is loaded on first use, outside the page's first chunk.
 */
import { create } from 'zustand';
import { findExperiment } from '../../experiments/registry';
import type { PlainCurves } from '../series';
import type { RunRecord } from '../store';
import { compactSeries } from './compact';
import type { HistoryDb, NewRun } from './db';
import { RECORD_SCHEMA, type HistoryRun, type HistoryStatus } from './record';

export type StorageStatus = 'loading' | 'ready' | 'unavailable';

/** Runs of this visit picked by themselves as they end: the current one and the four before it. */
export const MAX_AUTO_PICKS = 5;

export interface HistoryState {
  storage: StorageStatus;
  /** What went wrong with storage, in words (null while it works). */
  storageProblem: string | null;
  /** Kept runs, newest first. */
  runs: HistoryRun[];
  /** Stored records that were damaged and left out. */
  skipped: number;
  /** Runs picked for the charts and the comparison, in the order they were picked. */
  picked: number[];
  /** The picks the page made by itself (runs of this visit as they ended), oldest last. */
  autoPicked: number[];
  /** Curves at hand, by run id: this visit's runs, and stored runs once picked. */
  curves: Record<number, PlainCurves>;
  /** Runs of this visit: the page's own run id of each, so the current run is not drawn twice. */
  pageRunIds: Record<number, number>;
  /** Something to tell once, e.g. that old runs were dropped to make room. */
  notice: string | null;
  /** List every experiment's runs, not only the current one's. */
  showAll: boolean;
}

const initialState: HistoryState = {
  storage: 'loading',
  storageProblem: null,
  runs: [],
  skipped: 0,
  picked: [],
  autoPicked: [],
  curves: {},
  pageRunIds: {},
  notice: null,
  showAll: false,
};

export const useHistoryStore = create<HistoryState>()(() => ({ ...initialState }));

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

let database: HistoryDb | null = null;
let loading: Promise<void> | null = null;

/** Opens storage and lists what it keeps, once; later calls wait for the same. Never rejects. */
export function ensureHistoryLoaded(): Promise<void> {
  loading ??= (async () => {
    try {
      const { openHistoryDb } = await import('./db');
      database = await openHistoryDb();
      const { runs, skipped } = await database.list();
      useHistoryStore.setState((state) => {
        // Runs of this visit added while storage opened are merged in.
        const stored = new Set(runs.map((run) => run.id));
        return { storage: 'ready', runs: [...state.runs.filter((run) => !stored.has(run.id)), ...runs], skipped };
      });
    } catch (error) {
      database = null;
      useHistoryStore.setState({
        storage: 'unavailable',
        storageProblem: `This browser does not let the page keep runs (${reason(error)}; private browsing or blocked storage can do that). Runs of this visit are listed, but are lost when the page closes.`,
      });
    }
  })();
  return loading;
}

/** What the history keeps of a run; `elapsedMs` for a run that ended without an outcome. */
export function historyRunOf(run: RunRecord, status: HistoryStatus, id: number, elapsedMs: number, date: number): NewRun {
  const experiment = findExperiment(run.experimentId);
  const outcome = run.outcome;
  const evaluation = outcome?.evaluation?.metrics;
  const metrics = evaluation
    ? (experiment?.evaluationMetrics ?? [])
        .filter((info) => info.relevant?.(run.values) ?? true)
        .flatMap((info) => {
          const value = evaluation[info.key];
          return value === undefined ? [] : [{ key: info.key, label: info.label, format: info.format, value }];
        })
    : [];
  const names = run.series?.metricNames ?? [];
  const last = outcome?.lastValues ?? names.map((_, m) => run.series?.values[m]?.at(-1) ?? Number.NaN);
  return {
    id,
    experimentId: run.experimentId,
    experimentTitle: experiment?.title ?? run.experimentId,
    values: { ...run.values },
    seed: run.seed,
    backendPreference: run.backendPreference,
    engine: run.engine,
    backend: run.backend,
    date,
    elapsedMs: outcome ? run.elapsedMs : elapsedMs,
    samplesSeen: outcome?.samplesSeen ?? run.series?.samples.at(-1) ?? 0,
    totalSamples: run.totalSamples,
    paramCount: run.paramCount,
    status,
    finalValues: names.slice(0, last.length).map((name, m) => ({ name, value: last[m] ?? Number.NaN })),
    metrics,
    message: outcome?.message ?? null,
  };
}

function withoutIds(state: HistoryState, ids: ReadonlySet<number>): Partial<HistoryState> {
  const curves = { ...state.curves };
  const pageRunIds = { ...state.pageRunIds };
  for (const id of ids) {
    delete curves[id];
    delete pageRunIds[id];
  }
  return {
    runs: state.runs.filter((run) => !ids.has(run.id)),
    picked: state.picked.filter((id) => !ids.has(id)),
    autoPicked: state.autoPicked.filter((id) => !ids.has(id)),
    curves,
    pageRunIds,
  };
}

/** Renames a run (another tab had stored one under the same id). */
function renamed(state: HistoryState, from: number, to: number): Partial<HistoryState> {
  const swap = (id: number) => (id === from ? to : id);
  const rekey = <T>(record: Record<number, T>) => Object.fromEntries(Object.entries(record).map(([key, value]) => [swap(Number(key)), value])) as Record<number, T>;
  return {
    runs: state.runs.map((run) => (run.id === from ? { ...run, id: to } : run)),
    picked: state.picked.map(swap),
    autoPicked: state.autoPicked.map(swap),
    curves: rekey(state.curves),
    pageRunIds: rekey(state.pageRunIds),
  };
}

/**
 * Keeps a run that has ended (finished, stopped, diverged, or replaced mid-way by a new run) and
 * picks it for the charts. Runs without a single point are not kept. Never rejects.
 */
export async function keepRun(run: RunRecord, status: HistoryStatus, elapsedMs = run.elapsedMs): Promise<void> {
  if (!run.series || run.series.samples.length === 0) return;
  const curves = compactSeries(run.series);
  await ensureHistoryLoaded();
  const state = useHistoryStore.getState();
  const id = Math.max(0, ...state.runs.map((r) => r.id)) + 1;
  const record = historyRunOf(run, status, id, elapsedMs, Date.now());
  const autoPicked = [id, ...state.autoPicked];
  const unpicked = new Set(autoPicked.slice(MAX_AUTO_PICKS));
  useHistoryStore.setState({
    runs: [{ ...record, schema: RECORD_SCHEMA }, ...state.runs],
    curves: { ...state.curves, [id]: curves },
    pageRunIds: { ...state.pageRunIds, [id]: run.id },
    picked: [id, ...state.picked.filter((p) => !unpicked.has(p))],
    autoPicked: autoPicked.slice(0, MAX_AUTO_PICKS),
  });
  if (!database) return;
  try {
    const result = await database.add(record, curves);
    useHistoryStore.setState((current) => {
      let next: Partial<HistoryState> = {};
      if (result.id !== id) next = renamed(current, id, result.id);
      if (result.dropped.length > 0) {
        const merged = { ...current, ...next };
        next = { ...next, ...withoutIds(merged, new Set(result.dropped)) };
        const count = result.dropped.length;
        next.notice = result.storageFull
          ? `Storage was full: the ${count} oldest run${count === 1 ? ' was' : 's were'} dropped to keep the newest.`
          : `The history keeps the newest runs only: the ${count} oldest run${count === 1 ? ' was' : 's were'} dropped.`;
      }
      return next;
    });
  } catch (error) {
    useHistoryStore.setState({ storageProblem: `Run ${id} could not be saved (${reason(error)}): it is listed for this visit only.` });
  }
}

/** Picks or unpicks a run; a stored run's curves are read when it is first picked. */
export async function setPicked(id: number, picked: boolean): Promise<void> {
  const state = useHistoryStore.getState();
  if (!picked) {
    useHistoryStore.setState({ picked: state.picked.filter((p) => p !== id), autoPicked: state.autoPicked.filter((p) => p !== id) });
    return;
  }
  if (state.picked.includes(id)) return;
  useHistoryStore.setState({ picked: [...state.picked, id] });
  if (state.curves[id] || !database) return;
  try {
    const entry = await database.get(id);
    if (entry) useHistoryStore.setState((current) => ({ curves: { ...current.curves, [id]: entry.curves } }));
    else useHistoryStore.setState({ notice: `The curves of run ${id} could not be read: the record is missing or damaged.` });
  } catch (error) {
    useHistoryStore.setState({ notice: `The curves of run ${id} could not be read (${reason(error)}).` });
  }
}

/** Unpicks every run (the page's Reset clears the charts). */
export function clearPicks(): void {
  useHistoryStore.setState({ picked: [], autoPicked: [] });
}

export async function deleteRun(id: number): Promise<void> {
  useHistoryStore.setState((state) => withoutIds(state, new Set([id])));
  if (!database) return;
  try {
    await database.delete(id);
  } catch (error) {
    useHistoryStore.setState({ storageProblem: `Run ${id} could not be deleted from storage (${reason(error)}).` });
  }
}

export async function clearHistory(): Promise<void> {
  useHistoryStore.setState({ runs: [], picked: [], autoPicked: [], curves: {}, pageRunIds: {}, skipped: 0, notice: null });
  if (!database) return;
  try {
    await database.clear();
  } catch (error) {
    useHistoryStore.setState({ storageProblem: `The history could not be cleared from storage (${reason(error)}).` });
  }
}

export function setShowAll(showAll: boolean): void {
  useHistoryStore.setState({ showAll });
}

export function dismissNotice(): void {
  useHistoryStore.setState({ notice: null });
}

/** Forgets the opened database and everything listed (for tests that simulate a reload). */
export function resetHistoryForTests(): void {
  database?.close();
  database = null;
  loading = null;
  useHistoryStore.setState({ ...initialState });
}
