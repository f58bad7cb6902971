/** Helpers for the specs about the service worker (offline use); the config blocks it elsewhere. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, type Playground } from './fixtures';

/**
 * Waits until the service worker has precached the page's files (its install step) and controls
 * the page: from then on the page works offline.
 */
export async function waitUntilOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { message: 'the service worker controls the page', timeout: 60_000 }).toBe(true);
}

/** Takes the browser context offline and reloads: the page comes from the service worker. */
export async function goOfflineAndReload(playground: Playground, context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await playground.page.reload();
  await expect(playground.form.root).toBeVisible();
  expect(await playground.page.evaluate(() => navigator.serviceWorker.controller !== null), 'the reloaded page is served by the service worker').toBe(true);
}

export interface VersionedProxy {
  /** The proxy's origin, e.g. http://127.0.0.1:39201 (an origin of its own: a fresh service worker). */
  url: string;
  /** From now on the service worker script differs by a comment: the browser sees a new version. */
  deployNextVersion(): void;
  close(): Promise<void>;
}

/** A loopback proxy to the preview server that can change the service worker script, as a new deployment would. */
export async function startVersionedProxy(target: string): Promise<VersionedProxy> {
  let version = 1;
  const server = createServer((request, response) => {
    void (async () => {
      try {
        const upstream = await fetch(new URL(request.url ?? '/', target));
        const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
        let body = Buffer.from(await upstream.arrayBuffer());
        if (new URL(request.url ?? '/', target).pathname.endsWith('/sw.js')) {
          if (version > 1) body = Buffer.concat([body, Buffer.from(`\n// version ${version}\n`)]);
        }
        response.writeHead(upstream.status, { 'content-type': type, 'cache-control': 'no-cache' });
        response.end(body);
      } catch (error) {
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(String(error));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    deployNextVersion: () => {
      version += 1;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
