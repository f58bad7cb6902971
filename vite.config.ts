import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy of the built page: its own scripts only (no inline script, no
 * eval; WebAssembly compilation allowed for TF.js' WASM backend), its own styles, data and
 * blob images (canvas snapshots, downloads), nothing framed, no plugins. Added to the built
 * index.html only: the dev server injects inline scripts for hot reload.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/**
 * The service worker of the built page (src/offline/): everything the build emits and public/
 * holds — the page, every lazily loaded chunk, the training worker, TF.js' WASM binaries, the
 * bundled CSVs — is precached on the first visit, so the page works offline afterwards. A new
 * version waits until the person presses "Reload to update". Not used by the dev server.
 */
function offline(): Plugin[] {
  return VitePWA({
    strategies: 'generateSW',
    registerType: 'prompt',
    injectRegister: false,
    manifest: false,
    workbox: {
      globPatterns: ['**/*.{html,js,css,wasm,csv,svg}'],
      // Workbox leaves out files over 2 MiB with only a build warning; the training worker's chunk
      // (TF.js) is 1.5 MB and growing, and without it nothing trains offline.
      maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
      // Links carry their settings in the query string: every navigation gets the precached page.
      navigateFallback: 'index.html',
      // The first visit's page is served from the precache as soon as it is complete, so chunks it
      // has not loaded yet (other experiments' views, panels) load offline too without a reload.
      clientsClaim: true,
      cleanupOutdatedCaches: true,
    },
  });
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offline()],
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
  },
  server: { port: 5173 },
  // `vite preview` (and so `npm start` and the e2e specs) also sends the policy as a header,
  // which reaches what the meta tag cannot: the training worker and the service worker run under
  // it too, and the page cannot be framed by another site (frame-ancestors works in headers only).
  preview: { port: 4173, headers: { 'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'` } },
  test: {
    // bench/*.test.ts: the pure parts of the benchmark (never its timings).
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
