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
