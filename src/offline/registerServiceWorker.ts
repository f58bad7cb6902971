/**
 * Registers the service worker that vite-plugin-pwa generates at build time (see vite.config.ts).
 * Loaded only by production builds: the dev server has no service worker.
 */
/// <reference types="vite-plugin-pwa/client" />
import { registerSW } from 'virtual:pwa-register';
import { useOfflineStore } from './updateState';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const updateServiceWorker = registerSW({
    onNeedRefresh: () =>
      useOfflineStore.setState({
        updateWaiting: true,
        // Tells the waiting worker to take over; the page reloads once it controls the page.
        applyUpdate: () => updateServiceWorker(true),
      }),
    onRegisterError: (error: unknown) => {
      // Offline use is a bonus: the page works without it, so this is a warning, not an error.
      console.warn('The page could not register its service worker; it will not work offline.', error);
    },
  });
}
