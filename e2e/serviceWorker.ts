/** Helpers for the specs about the service worker (offline use); the config blocks it elsewhere. */
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
