/**
 * A small read-only hook for end-to-end tests: the loss sequence of the
 * current run and the run status, which the page shows only as pictures.
 */
import { useStore } from './store';

export interface PlaygroundTestHook {
  status(): string;
  /** Every training loss of the current run, in order. */
  losses(): number[];
  samplesSeen(): number;
}

declare global {
  interface Window {
    __playground?: PlaygroundTestHook;
  }
}

export function installTestHook(): void {
  window.__playground = {
    status: () => useStore.getState().status,
    losses: () => [...(useStore.getState().run?.series?.values[0] ?? [])],
    samplesSeen: () => useStore.getState().run?.series?.samples.at(-1) ?? 0,
  };
}
