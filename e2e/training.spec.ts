/** Training from the transport bar: live curves and previews, pause/resume/stop/reset, memory, restarts. */
import { SOFTWARE_RENDERER } from '../src/engine/backend';
import { expect, test } from './fixtures';

test('Train draws the loss curve, the live preview, progress, the engine, and the final evaluation', async ({ playground }) => {
  const { transport, charts } = playground;
  // Four times the default run (10,000 samples at batch size 1): the fused engine trains the
  // default in under a second, too short for the charts' few redraws a second to be seen here.
  await playground.open('?exp=echo&samples=40000');
  await expect(transport.progressText).toHaveText('Not started');
  await expect(transport.engine).toHaveText('Engine: not started');
  await expect(charts.placeholder).toBeVisible();

  // Record what the page shows on the way.
  const recording = await playground.record({
    points: { selector: '[data-testid=chart-loss]', attribute: 'data-points' },
    chart: { selector: '[data-testid=chart-loss] [role=img]', attribute: 'aria-label' },
    preview: { selector: '[data-testid=live-view]' },
    progress: { selector: '[data-testid=progress-text]' },
    button: { selector: '[data-testid=train-button]' },
  });
  await transport.train();
  await playground.waitForStatus('done');
  await recording.stop();

  // The loss chart gained points while training: its curve reached further each redraw.
  // (It draws at most 200 points, downsampled, so its text alternative tells how far it reaches.)
  const points = (await recording.values('points')).map(Number);
  expect(Math.max(...points)).toBeGreaterThan(0);
  const reach = (await recording.values('chart'))
    .map((label) => /after ([\d.]+)(k?) samples\.$/.exec(label))
    .filter((match) => match !== null)
    .map((match) => Number(match[1]) * (match[2] === 'k' ? 1000 : 1));
  expect(reach.length, `the loss curve reached ${reach.join(', ')} samples`).toBeGreaterThanOrEqual(3);
  for (let i = 1; i < reach.length; i++) expect(reach[i]).toBeGreaterThan(reach[i - 1] ?? Infinity);
  expect(await charts.points()).toBe(points.at(-1));
  // …the live preview appeared and changed (the network's answer on a fresh example each time)…
  const previews = (await recording.values('preview')).filter((text) => text.includes('Expected'));
  expect(previews.length, previews.join('\n')).toBeGreaterThanOrEqual(2);
  await expect(playground.verdict).toHaveText(/^Expected \d, predicted \d \(\d+\.\d% confident\) [✓✗]$/);
  // …the progress text advanced…
  const progress = (await recording.values('progress'))
    .map((text) => /^([\d,]+) \/ 40,000 samples/.exec(text)?.[1])
    .filter((n): n is string => n !== undefined)
    .map((n) => Number(n.replace(/,/g, '')));
  expect(progress.length, `progress over time: ${progress.join(', ')}`).toBeGreaterThanOrEqual(3);
  for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThan(progress[i - 1] ?? Infinity);
  await expect(transport.progressText).toHaveText('40,000 / 40,000 samples');
  // …and the button went Train → Starting… → Pause → Train again.
  expect(await recording.values('button')).toEqual(['Train', 'Starting…', 'Pause', 'Train again']);

  // The engine in use, and the TF.js backends "auto" skipped, with the reason for each.
  await expect(transport.engine).toHaveText('Engine: Fused CPU engine');
  const skipped = await transport.skippedBackends();
  for (const line of skipped) expect(line).toMatch(/^(WebGPU|WebGL): \S.{4,}/);
  expect(skipped.join('\n')).toContain('WebGPU: ');
  expect(skipped.join('\n')).toContain('WebGL: ');

  // The evaluation on fresh data.
  await expect(playground.accuracy).toHaveText(/^\d+(\.\d)?%$/);
  await expect(playground.evaluation).toContainText('Trained on 40,000 samples');
  await expect(playground.evaluation).toContainText('with Fused CPU engine');
  expect(await playground.losses()).toHaveLength(40_000);
});

test('Pause holds training, Resume continues it, Stop ends it with an evaluation, Reset clears the curves', async ({ playground }) => {
  const { transport, charts } = playground;
  await playground.open('?exp=echo&samples=1000000&vals=0');
  await transport.train();
  await expect.poll(() => transport.samplesShown(), { timeout: 60_000 }).toBeGreaterThan(20);

  await transport.button('Pause').click();
  await expect(transport.button('Resume')).toBeVisible();
  await expect(transport.progressText).toContainText('· paused');
  await playground.page.waitForTimeout(500); // a batch in flight may still report
  const paused = await transport.samplesShown();
  await playground.page.waitForTimeout(1000);
  expect(await transport.samplesShown()).toBe(paused);
  await playground.page.waitForTimeout(1000);
  expect(await transport.samplesShown()).toBe(paused);
  expect(await playground.status()).toBe('paused');

  await transport.button('Resume').click();
  await expect(transport.button('Pause')).toBeVisible();
  await expect.poll(() => transport.samplesShown(), { timeout: 30_000 }).toBeGreaterThan(paused);

  await transport.button('Stop').click();
  await playground.waitForStatus('done', 20_000);
  await expect(playground.evaluation).toContainText(/Stopped after [\d,]+ samples/);
  await expect(playground.accuracy).toHaveText(/^\d+(\.\d)?%$/);
  const stoppedAt = await transport.samplesShown();
  expect(stoppedAt).toBeGreaterThan(paused);
  expect(stoppedAt).toBeLessThan(1_000_000);
  expect(await charts.points()).toBeGreaterThan(0);

  await transport.button('Reset').click();
  await expect(charts.placeholder).toBeVisible();
  await expect(charts.chart('loss')).toHaveAttribute('data-points', '0');
  await expect(transport.progressText).toHaveText('Not started');
  await expect(playground.accuracy).toHaveCount(0);
  await expect(playground.evaluation).toContainText('Appears when training ends');
  await expect(playground.verdict).toHaveCount(0);
  await expect(transport.button('Reset')).toBeDisabled();
  expect(await playground.losses()).toEqual([]);
});

for (const [engine, label] of [
  ['Auto (fastest that works)', 'Fused CPU engine'],
  ['WebAssembly', 'TF.js on WebAssembly'],
] as const) {
  test(`${label}: the engine is named, and the live tensor count returns to the same value after every identical run`, async ({ playground }) => {
    const { transport } = playground;
    await playground.open('?exp=echo&samples=64&bs=8');
    await playground.enginePicker.selectOption({ label: engine });
    await expect(transport.tensorCount).toHaveText('tensors –');

    await playground.trainToEnd();
    await expect(transport.engine).toHaveText(`Engine: ${label}`);
    await expect(playground.evaluation).toContainText(`with ${label}`);
    await expect(playground.accuracy).toHaveText(/^\d+(\.\d)?%$/);
    const first = await transport.tensors();
    expect(first).not.toBeNull();

    // Reset frees the model; an identical run ends with the same count.
    await transport.button('Reset').click();
    await expect(transport.tensorCount).toHaveText('tensors –');
    await playground.trainToEnd();
    await expect(transport.progressText).toHaveText('64 / 64 samples');
    expect(await transport.tensors()).toBe(first);

    // So does training again without a reset (the previous model is freed first; its curve stays).
    await playground.trainToEnd();
    // Two runs, each with its training curve and its dashed validation curve.
    await expect(playground.charts.legend()).toHaveCount(4);
    await expect(playground.charts.legend().filter({ hasText: /, validation$/ })).toHaveCount(2);
    expect(await transport.tensors()).toBe(first);
  });
}

test('changing a knob during a run offers a restart that keeps the earlier curve for comparison', async ({ playground }) => {
  const { form, transport, charts } = playground;
  await playground.open('?exp=echo&samples=1000000&vals=0');
  await transport.train();
  await expect.poll(() => charts.points(), { timeout: 60_000 }).toBeGreaterThan(1);
  await expect(transport.restartHint).toHaveCount(0);
  await expect(charts.legend()).toHaveCount(0);

  await form.enter('LSTM units', '10');
  await expect(transport.restartHint).toContainText('Settings changed: this run keeps its own.');
  // The run goes on with its own settings.
  expect(await playground.status()).toBe('running');

  await transport.restartHint.getByRole('button', { name: 'Restart with the new settings' }).click();
  await expect(transport.restartHint).toHaveCount(0);
  await expect(charts.legend()).toHaveCount(2);
  await expect(charts.legend().filter({ hasText: /^this run \(seed 1\)$/ })).toHaveCount(1);
  await expect(charts.legend().filter({ hasText: /^run \d+ \(seed 1\)$/ })).toHaveCount(1);
  await expect(charts.legend('acc')).toHaveCount(2);

  // The new run trains with 10 units and gets its own curve.
  await expect.poll(() => charts.points(), { timeout: 60_000 }).toBeGreaterThan(1);
  await transport.button('Stop').click();
  await playground.waitForStatus('done', 20_000);
  await expect(charts.legend()).toHaveCount(2);
  // Both curves are drawn, and hovering reads both runs' values at the same point.
  await expect(charts.curves()).toHaveCount(2);
  for (const d of await charts.curves().evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''))) {
    expect(d).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+$/);
  }
  await expect(charts.readout()).toHaveCount(0);
  const box = await charts.chart('loss').locator('svg').first().boundingBox();
  if (!box) throw new Error('the loss chart has no box');
  await playground.page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(charts.readout()).toContainText(/samples.*this run \(seed 1\): [\d.]+.*run \d+ \(seed 1\): [\d.]+/);
  await playground.page.mouse.move(0, 0);
  await expect(charts.readout()).toHaveCount(0);
});

test('the training worker is loaded and its backend readied while the page is idle, before Train is pressed', async ({ playground, page }) => {
  const loaded: string[] = [];
  page.on('request', (request) => {
    if (/training\.worker-[^/]*\.js|tfjs-backend-wasm[^/]*\.wasm/.test(request.url())) loaded.push(new URL(request.url()).pathname.split('/').pop() ?? '');
  });
  await playground.open('?exp=echo&samples=300&backend=wasm');
  // The worker's chunk, then the WebAssembly backend's binary that the engine setting asks for.
  await expect.poll(() => loaded.some((name) => name.endsWith('.wasm')), { message: 'the WebAssembly backend is readied', timeout: 30_000 }).toBe(true);
  expect(loaded.some((name) => name.startsWith('training.worker'))).toBe(true);
  expect(await playground.status()).toBe('idle');
  await expect(playground.transport.engine).toHaveText('Engine: not started');

  // The run uses that backend.
  await playground.trainToEnd();
  await expect(playground.transport.engine).toHaveText('Engine: TF.js on WebAssembly');
});

test('WebGL chosen by hand where it is a software renderer: TF.js trains on it, and the status line says why auto would not', async ({ playground, page }) => {
  // What the browser's own WebGL reports: the worker's OffscreenCanvas gets the same renderer.
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl ? String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : null;
  });
  await playground.open('?exp=echo&samples=8&backend=webgl');
  await playground.trainToEnd();
  const note = page.locator('.status-line .engine-note');
  if (renderer === null) {
    // No WebGL2 at all: the run falls back, and the skipped list says why.
    await expect(playground.transport.engine).not.toHaveText('Engine: TF.js on WebGL');
  } else if (SOFTWARE_RENDERER.test(renderer)) {
    await expect(playground.transport.engine).toHaveText('Engine: TF.js on WebGL');
    await expect(note).toContainText('WebGL as chosen, though auto avoids it here: software renderer');
    await expect(note).toContainText('take the CPU cores the page needs');
  } else {
    await expect(playground.transport.engine).toHaveText('Engine: TF.js on WebGL');
    await expect(note).toHaveCount(0);
  }
});
