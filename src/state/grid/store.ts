/** The grid form's draft, per experiment; the URL mirrors its valid grid (urlSync.ts). */
import { create } from 'zustand';
import { findExperiment } from '../../experiments/registry';
import { useStore } from '../store';
import { checkDraft, draftOf, emptyDraft, type GridDraft } from './draft';
import { gridQuery, parseGrid } from './codec';
import type { GridDef } from './definition';

export interface GridFormState {
  experimentId: string;
  draft: GridDraft | null;
}

export const useGridStore = create<GridFormState>()(() => ({ experimentId: '', draft: null }));

export function setGridDraft(experimentId: string, draft: GridDraft): void {
  useGridStore.setState({ experimentId, draft });
}

/** Fills the form from a link's grid (or empties it). */
export function loadGrid(experimentId: string, grid: GridDef | null): void {
  const experiment = findExperiment(experimentId);
  useGridStore.setState({ experimentId, draft: grid ? draftOf(grid) : experiment ? emptyDraft(experiment) : null });
}

/** "&grid=…" for the current experiment's valid grid, or "". */
export function gridQuerySuffix(): string {
  const { experimentId, draft } = useGridStore.getState();
  const experiment = findExperiment(experimentId);
  if (!experiment || !draft || experimentId !== useStore.getState().experimentId) return '';
  const { grid } = checkDraft(experiment, draft);
  return grid ? `&${gridQuery(grid)}` : '';
}

/** The grid of a query string for an experiment (the first value of each key), with warnings. */
export function gridFromSearch(search: string, experimentId: string): { grid: GridDef | null; warnings: string[] } {
  const experiment = findExperiment(experimentId);
  if (!experiment) return { grid: null, warnings: [] };
  const query = new URLSearchParams(search);
  return parseGrid(experiment, (key) => query.get(key) ?? undefined);
}
