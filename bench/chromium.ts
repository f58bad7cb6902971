/**
 * The built app served by `vite preview` and headless Chromium with the e2e set-up (Debian's
 * Chromium when present, else Playwright's own), for the scripts that measure the page.
 */
import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { preview } from 'vite';

const ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Runs `work` with a browser and the base URL of the served app; closes both afterwards. */
export async function withServedApp<T>(port: number, work: (browser: Browser, baseUrl: string) => Promise<T>): Promise<T> {
  const server = await preview({ preview: { port, host: '127.0.0.1', strictPort: true }, build: { outDir: process.env.BENCH_OUT_DIR ?? 'dist' }, logLevel: 'warn' });
  const executablePath = process.env.PLAYGROUND_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  try {
    const browser = await chromium.launch({ args: ARGS, ...(executablePath ? { executablePath } : {}) });
    try {
      return await work(browser, `http://127.0.0.1:${port}`);
    } finally {
      await browser.close();
    }
  } finally {
    server.httpServer.close();
  }
}
