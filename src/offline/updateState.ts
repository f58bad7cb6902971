/**
 * What the service worker has told the page: whether the page now works offline, and whether a
 * new version is waiting (with the function that switches to it). Kept apart from the main
 * store so the page can read it without loading the registration code.
 */
import { create } from 'zustand';

export interface OfflineState {
  /** The first visit's precache finished: the page, its chunks and data now work offline. */
  offlineReady: boolean;
  /** A new version is installed and waits for the person to reload. */
  updateWaiting: boolean;
  /** Activates the waiting version and reloads the page; null until one waits. */
  applyUpdate: (() => Promise<void>) | null;
}

export const useOfflineStore = create<OfflineState>(() => ({
  offlineReady: false,
  updateWaiting: false,
  applyUpdate: null,
}));
