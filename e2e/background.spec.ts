/** A background tab keeps training; its charts catch up when it is visible again. */
import { expect, test } from './fixtures';
import { emulateBackgroundTab, setHidden } from './backgroundTab';

const SAMPLES = 1600;
const BATCH = 8;

test('a hidden tab trains on to the end; shown again, its charts and progress show the whole run', async ({ playground, page }) => {
  await emulateBackgroundTab(page);
  // TF.js on WebAssembly: slow enough that most of the run happens while the tab is hidden.
  await playground.open(`?exp=echo&samples=${SAMPLES}&bs=${BATCH}&backend=wasm`);
  const samplesSeen = () => page.evaluate(() => window.__playground?.samplesSeen() ?? 0);
  await playground.transport.train();
  await playground.waitForStatus('running');
  await expect.poll(samplesSeen, { message: 'the first progress arrives' }).toBeGreaterThan(0);

  expect(await setHidden(page, true)).toBe('hidden');
  const atHide = await samplesSeen();
  expect(atHide, 'most of the run is still to come when the tab is hidden').toBeLessThan((2 * SAMPLES) / 3);
  const lossChart = playground.charts.chart('loss').getByRole('img');
  const chartAtHide = await lossChart.getAttribute('aria-label');

  // Hidden: the worker trains on and the page takes in every step, to the end of the run.
  await playground.waitForStatus('done');
  expect(await samplesSeen()).toBe(SAMPLES);
  expect(await playground.losses()).toHaveLength(SAMPLES / BATCH);
  expect(await page.evaluate(() => document.visibilityState), 'the whole run after the first steps was trained hidden').toBe('hidden');

  // Visible again: the charts, the progress and the evaluation show the finished run.
  expect(await setHidden(page, false)).toBe('visible');
  await expect(lossChart).toHaveAttribute('aria-label', new RegExp(`latest .* after ${SAMPLES} samples`));
  expect(await lossChart.getAttribute('aria-label')).not.toBe(chartAtHide);
  await expect(playground.transport.progressText).toContainText(`${SAMPLES.toLocaleString('en')} / ${SAMPLES.toLocaleString('en')} samples`);
  await expect(playground.evaluation).toContainText(`Trained on ${SAMPLES.toLocaleString('en')} samples`);
  await expect(playground.charts.chart('acc').getByRole('img')).toHaveAttribute('aria-label', new RegExp(`after ${SAMPLES} samples`));
});
