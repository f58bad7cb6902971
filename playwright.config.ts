import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Browsers cannot be downloaded here: use Debian's Chromium (scripts/test.mjs finds or
// installs one and passes it in PLAYGROUND_CHROMIUM); fall back to Playwright's own build.
const executablePath =
  process.env.PLAYGROUND_CHROMIUM ||
  (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const PORT = Number(process.env.PLAYGROUND_E2E_PORT ?? 4174);
const baseURL = `http://127.0.0.1:${PORT}`;
const isCI = !!process.env.CI;

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  fullyParallel: false,
  workers: 1, // 2 cores: the app's training worker needs the other one
  retries: isCI ? 1 : 0,
  forbidOnly: isCI,
  reporter: 'list',
  webServer: {
    command: `npm run build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `${baseURL}/`,
    reuseExistingServer: !isCI,
    timeout: 180_000,
  },
  use: {
    baseURL,
    // The built page registers a service worker that serves its files from a cache and would
    // hide them from page.route(); only the specs about offline use allow it (test.use).
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
