/**
 * Registers the service worker once the page has loaded and nothing has trained for a few seconds
 * (see whenQuiet.ts for why). A person who presses Train as soon as the page is usable gets the
 * run first; the page is kept for offline use afterwards.
 */
import { afterLoad } from '../state/afterLoad';
import { useRepeatStore } from '../state/batch';
import { isActive, useStore } from '../state/store';
import { whenQuiet, type QuietSource } from './whenQuiet';

/** How long the page must have been without a run before the service worker installs. */
export const QUIET_MS = 3000;

const SOURCES: readonly QuietSource[] = [
  { busy: () => isActive(useStore.getState().status), subscribe: (listener) => useStore.subscribe(listener) },
  { busy: () => useRepeatStore.getState().status === 'running', subscribe: (listener) => useRepeatStore.subscribe(listener) },
];

export function registerServiceWorkerWhenQuiet(): void {
  if (!('serviceWorker' in navigator)) return;
  afterLoad(() =>
    whenQuiet(SOURCES, QUIET_MS, () => {
      void import('./registerServiceWorker').then((m) => m.registerServiceWorker());
    }),
  );
}
