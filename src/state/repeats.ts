/**
 * Batches of runs on the worker pool (pool.ts): repeats (the current configuration with
 * consecutive seeds: how much of a result is luck), comparisons (every option of one knob, same
 * seed) and grid searches (one or two knobs over lists of values, repeats per point).
 */
import { findExperiment } from '../experiments/registry';
import { MAX_REPEATS } from './batch';
import { expandGrid, type GridDef } from './grid/definition';
import { clearRepeats, startBatch } from './pool';
import { useStore } from './store';

export { MAX_REPEATS, MAX_WORKERS, poolSize, runProgress, useRepeatStore } from './batch';
export type { BatchKind, RepeatRun, RepeatRunStatus, RepeatState, RepeatStatus } from './batch';
export { cancelRepeats, clearRepeats, setWorkerLimit } from './pool';

/** Trains the page's current configuration `count` times, with seeds seed, seed + 1, … */
export function startRepeats(count: number): void {
  const { values, seed } = useStore.getState();
  const n = Math.max(1, Math.min(MAX_REPEATS, Math.round(count)));
  startBatch('repeat', null, Array.from({ length: n }, (_, i) => ({ label: `seed ${seed + i}`, values, seed: seed + i })));
}

/** Trains the current configuration once per option of a choice knob, all with the current seed. */
export function startComparison(param: string): void {
  const { experimentId, values, seed } = useStore.getState();
  const def = findExperiment(experimentId)?.params[param];
  if (def?.kind !== 'choice') return;
  startBatch(
    'compare',
    param,
    def.options.map((option: { value: string; label: string }) => ({ label: option.label, values: { ...values, [param]: option.value }, seed })),
  );
}

/** Trains every point of the grid `grid.repeats` times (seeds seed, seed + 1, …), on top of the current settings. */
export function startGrid(grid: GridDef): void {
  const { experimentId, values, seed } = useStore.getState();
  const experiment = findExperiment(experimentId);
  if (!experiment) return;
  startBatch('grid', null, expandGrid(experiment, grid, values, seed), grid);
}

// Batches belong to one experiment: picking another clears them.
useStore.subscribe((state, previous) => {
  if (state.experimentId !== previous.experimentId) clearRepeats();
});
