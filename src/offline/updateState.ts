/**
 * What the service worker has told the page: whether a new version is waiting, and the function
 * that switches to it. Kept apart from the main store so the page can read it without loading
 * the registration code.
 */
import { create } from 'zustand';

export interface OfflineState {
  /** A new version is installed and waits for the person to reload. */
  updateWaiting: boolean;
  /** Activates the waiting version and reloads the page; null until one waits. */
  applyUpdate: (() => Promise<void>) | null;
}

export const useOfflineStore = create<OfflineState>(() => ({
  updateWaiting: false,
  applyUpdate: null,
}));
