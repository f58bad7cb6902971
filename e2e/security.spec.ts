/** The built page runs under a Content-Security-Policy that blocks injected inline scripts. */
import { expect, test } from './fixtures';

test('the page declares a Content-Security-Policy, trains under it, and an injected inline script does not run', async ({ playground, page, problems }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as Window & { __violations?: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await playground.open('?exp=echo&samples=200');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).toContain("object-src 'none'");

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
  expect(await violations()).toEqual(['script-src-elem inline']);
  // The browser reports the blocked script as a console error: expected here, and only here.
  const blocked = problems.filter((problem) => problem.includes('violates the following Content Security Policy directive'));
  expect(blocked).toHaveLength(1);
  problems.splice(0, problems.length, ...problems.filter((problem) => !blocked.includes(problem)));
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
