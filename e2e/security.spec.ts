/** The built page runs under a Content-Security-Policy that blocks injected inline scripts. */
import { expect, test } from './fixtures';
import { goOfflineAndReload, waitUntilOfflineReady } from './serviceWorker';

test('the page declares a Content-Security-Policy, trains under it, and an injected inline script does not run', async ({ playground, page, problems }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as Window & { __violations?: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await playground.open('?exp=echo&samples=200');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("worker-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).toContain("object-src 'none'");
  // The preview server (`npm start`, these tests) sends it as a header as well, which also covers
  // the workers and forbids framing.
  const header = (await page.request.get('/')).headers()['content-security-policy'];
  expect(header).toBe(`${policy}; frame-ancestors 'none'`);

  // Everything the page does — the worker, TF.js, canvases, charts — needs nothing the policy forbids.
  await playground.trainToEnd();
  const violations = () => page.evaluate(() => (window as Window & { __violations?: string[] }).__violations ?? []);
  expect(await violations()).toEqual([]);

  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    return (window as Window & { __injected?: boolean }).__injected ?? false;
  });
  expect(ran).toBe(false);
  // One report per policy that blocked it: the meta tag's and the header's.
  expect(await violations()).toEqual(['script-src-elem inline', 'script-src-elem inline']);

  // The training worker runs under the header's policy: a request to another origin is refused there.
  const worker = page.workers().find((w) => w.url().includes('training.worker'));
  expect(worker, 'the training worker').toBeDefined();
  const refused = await worker?.evaluate(async () => {
    const seen = new Promise<string>((resolve) => self.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective)));
    await fetch('http://127.0.0.1:9/').catch(() => undefined);
    return Promise.race([seen, new Promise<string>((resolve) => setTimeout(() => resolve('not refused'), 2000))]);
  });
  expect(refused).toBe('connect-src');

  // The browser reports the blocked script as a console error, once per policy: expected here, and only here.
  const blocked = problems.filter((problem) => problem.includes('violates the following Content Security Policy directive'));
  expect(blocked).toHaveLength(2);
  problems.splice(0, problems.length, ...problems.filter((problem) => !blocked.includes(problem)));
});

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('no Content-Security-Policy violation: a run on WebAssembly, the service worker, the offline reload and a run offline', async ({ playground, page, context }) => {
    // Violations reported by every page the tab loads (the listener survives reloads).
    const violations: string[] = [];
    await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        void (window as Window & { __cspViolation?: (text: string) => void }).__cspViolation?.(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    // …and the ones the browser logs, from the page or its workers.
    const logged: string[] = [];
    context.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) logged.push(message.text());
    });

    await playground.open('?exp=echo&samples=200&bs=4&backend=wasm');
    await playground.trainToEnd();
    await expect(playground.transport.engine).toHaveText('Engine: TF.js on WebAssembly');
    await waitUntilOfflineReady(page);
    await goOfflineAndReload(playground, context);
    await playground.trainToEnd();
    await expect(playground.transport.engine).toHaveText('Engine: TF.js on WebAssembly');

    expect(violations).toEqual([]);
    expect(logged).toEqual([]);
  });
});

const PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

test('script payloads in link values and CSV headers are shown as text, never run', async ({ playground, page }) => {
  // A link with payloads as an experiment name, a knob name and a text knob's value.
  await playground.open(`?exp=${encodeURIComponent(PAYLOAD)}&${encodeURIComponent(PAYLOAD)}=1`);
  await expect(playground.warnings).toContainText('<img src=x onerror=');
  await playground.open(`?exp=regression&test=${encodeURIComponent(PAYLOAD)}`);
  await expect(playground.warnings).toContainText('Test input');

  // A CSV whose header and dates are payloads.
  await playground.open('?exp=timeseries');
  await playground.form.field('Series').selectOption('custom');
  const source = page.getByRole('region', { name: 'Data source' });
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  const rows = Array.from({ length: 30 }, (_, i) => `${quote(`${PAYLOAD} ${i}`)},${100 + i}`);
  const csv = `date,${quote(PAYLOAD)}\n${rows.join('\n')}\n`;
  await source.getByLabel('Upload a CSV file').setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(source.getByTestId('framing')).toContainText('<img src=x onerror=');
  await playground.form.enter('Epochs', '2');
  await playground.trainToEnd();
  await expect(playground.liveView.getByRole('img', { name: /<img src=x/ }).first()).toBeVisible();

  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as Window & { __xss?: number }).__xss)).toBeUndefined();
});
