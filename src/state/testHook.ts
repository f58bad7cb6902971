/**
 * A small read-only hook for end-to-end tests and the benchmark: the loss
 * sequence of the current run, its status and pace, which the page shows only
 * as pictures.
 */
import { useStore } from './store';

export interface PlaygroundTestHook {
  status(): string;
  /** Every training loss of the current run, in order. */
  losses(): number[];
  samplesSeen(): number;
  /** The engine of the current run ('fused' or 'tfjs') and its TF.js backend. */
  engine(): { engine: string | null; backend: string | null };
  /** The final evaluation's metrics of the current run, once it has ended. */
  evaluation(): Record<string, number> | null;
  /** [time in ms, samples seen] each time the page took in progress: the benchmark's clock. */
  progressTimes(): [number, number][];
  /** TF.js tensors alive in the worker, as its last message counted them (null before any). */
  tensors(): number | null;
}

declare global {
  interface Window {
    __playground?: PlaygroundTestHook;
  }
}

export function installTestHook(): void {
  let times: [number, number][] = [];
  useStore.subscribe((state, previous) => {
    if (state.run?.id !== previous.run?.id) times = [];
    if (state.samplesSeen !== previous.samplesSeen && state.samplesSeen > 0) times.push([performance.now(), state.samplesSeen]);
  });
  window.__playground = {
    status: () => useStore.getState().status,
    losses: () => [...(useStore.getState().run?.series?.values[0] ?? [])],
    samplesSeen: () => useStore.getState().run?.series?.samples.at(-1) ?? 0,
    engine: () => ({ engine: useStore.getState().run?.engine ?? null, backend: useStore.getState().run?.backend ?? null }),
    evaluation: () => {
      const metrics = useStore.getState().run?.outcome?.evaluation?.metrics;
      return metrics ? { ...metrics } : null;
    },
    progressTimes: () => [...times],
    tensors: () => useStore.getState().tensors ?? null,
  };
}
