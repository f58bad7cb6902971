/**
 * Playwright fixtures for the playground.
 *
 * - Every test fails if the page logs a console error, throws an uncaught error, or opens a
 *   dialog (alert/confirm/prompt) — in any page of its browser context. Console warnings are
 *   fine: TF.js warns about the orthogonal initializer.
 * - `playground` is a page object with one helper per page area (form, transport bar, status
 *   line, charts, panels). Helpers find things the way a person does (roles and labels); the
 *   `window.__playground` test hook is only used for what the page shows as pictures.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

/** Parameter count of the echo model: LSTM(units) → Dense(features, softmax). */
export function echoParams(units: number, features = 10): number {
  return 4 * units * (features + units + 1) + (units + 1) * features;
}

/** A count as the page prints it: 1,234. */
export function formatCount(n: number): string {
  return n.toLocaleString('en');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The read-only test hook of src/state/testHook.ts, as seen from a test. */
interface TestHook {
  status(): string;
  losses(): number[];
  samplesSeen(): number;
}
type HookWindow = Window & { __playground?: TestHook };

/** A field's label, with or without its unit: "Sequence length" matches "Sequence length (steps)". */
function labelPattern(label: string): RegExp {
  return new RegExp(`^${escapeRegExp(label)}( \\(.*\\))?$`);
}

/** Something to watch: an element by CSS selector, and an attribute of it (else its text). */
export interface Probe {
  selector: string;
  attribute?: string;
}
type RecordingWindow = Window & { __recording?: { values: Record<string, string[]>; observer: MutationObserver } };

/** The successive values a probe showed (consecutive repeats collapsed). */
export class Recording {
  constructor(private readonly page: Page) {}

  values(key: string): Promise<string[]> {
    return this.page.evaluate((k) => [...((window as RecordingWindow).__recording?.values[k] ?? [])], key);
  }

  async stop(): Promise<void> {
    await this.page.evaluate(() => (window as RecordingWindow).__recording?.observer.disconnect());
  }
}

type LabelWindow = Window & { __trainLabels?: { labels: string[]; observer: MutationObserver } };

export type RunStatus = 'idle' | 'starting' | 'running' | 'paused' | 'stopping' | 'done' | 'error';

/** The hyperparameter form on the left. */
export class SettingsForm {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('form', { name: 'Hyperparameters' });
  }

  /** The input of a knob, by its visible label (without the unit). */
  field(label: string): Locator {
    return this.root.getByLabel(labelPattern(label));
  }

  /** Selects the field's text and types a new value, key by key. */
  async type(label: string, text: string): Promise<void> {
    const field = this.field(label);
    await field.click();
    await field.press('ControlOrMeta+A');
    if (text === '') await field.press('Backspace');
    else await field.pressSequentially(text);
  }

  /** Types a value and leaves the field (Tab), as a person finishing an edit. */
  async enter(label: string, text: string): Promise<void> {
    await this.type(label, text);
    await this.field(label).press('Tab');
  }

  /** The field's own "reset" link, shown when the value differs from the default. */
  resetButton(label: string): Locator {
    return this.root.getByRole('button', { name: new RegExp(`^reset ${escapeRegExp(label)} to `) });
  }

  /** The inline error under a field. */
  error(label: string): Locator {
    // `has` is relative to each .param, so the inner locator is not scoped to the form.
    return this.root.locator('.param').filter({ has: this.page.getByLabel(labelPattern(label)) }).getByRole('alert');
  }

  /** All inline errors in the form. */
  errors(): Locator {
    return this.root.getByRole('alert');
  }

  resetAllButton(): Locator {
    return this.root.getByRole('button', { name: /^Reset all to defaults/ });
  }
}

/** The transport bar: Train/Pause/Resume, Stop, Reset, seed, progress and the status line. */
export class Transport {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Training controls' });
  }

  button(name: 'Train' | 'Train again' | 'Pause' | 'Resume' | 'Stop' | 'Reset' | 'New seed'): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  /** The primary button whatever its label (Train, Pause, Resume, Train again…). */
  get primary(): Locator {
    return this.root.getByTestId('train-button');
  }

  /**
   * Presses Train (or Train again) and waits until the button has shown "Starting…". A short run
   * can be over before a test looks, so the button's labels are recorded as the page shows them.
   */
  async train(): Promise<void> {
    await this.primary.evaluate((button) => {
      const w = window as LabelWindow;
      w.__trainLabels?.observer.disconnect();
      const labels: string[] = [];
      const observer = new MutationObserver(() => labels.push(button.textContent ?? ''));
      observer.observe(button, { childList: true, characterData: true, subtree: true });
      w.__trainLabels = { labels, observer };
    });
    await this.root.getByRole('button', { name: /^Train( again)?$/ }).click();
    await expect
      .poll(() => this.page.evaluate(() => (window as LabelWindow).__trainLabels?.labels ?? []), { message: 'the run starts' })
      .toContain('Starting…');
  }

  get seed(): Locator {
    return this.root.getByLabel('Seed', { exact: true });
  }

  async setSeed(seed: string): Promise<void> {
    await this.seed.click();
    await this.seed.press('ControlOrMeta+A');
    await this.seed.pressSequentially(seed);
    await this.seed.press('Tab');
  }

  get progressText(): Locator {
    return this.root.getByTestId('progress-text');
  }

  /** Samples done as the progress text shows them ("1,234 / 2,000 samples"). */
  async samplesShown(): Promise<number> {
    const text = (await this.progressText.textContent()) ?? '';
    const match = /^([\d,]+) \/ [\d,]+ samples/.exec(text);
    if (!match?.[1]) throw new Error(`Unexpected progress text "${text}"`);
    return Number(match[1].replace(/,/g, ''));
  }

  get restartHint(): Locator {
    return this.root.getByRole('status').filter({ hasText: 'Settings changed' });
  }

  get statusLine(): Locator {
    return this.root.getByTestId('status-line');
  }

  get engine(): Locator {
    return this.root.getByTestId('backend-status');
  }

  /** Expands "N skipped" and returns the list items ("WebGL: software renderer …"). */
  async skippedBackends(): Promise<string[]> {
    const details = this.statusLine.locator('details');
    await details.getByText(/\d+ skipped/).click();
    const items = details.getByRole('listitem');
    await expect(items.first()).toBeVisible();
    return items.allTextContents();
  }

  get tensorCount(): Locator {
    return this.root.getByTestId('tensor-count');
  }

  /** The live tensor count from the status line ("tensors 17"); null while it shows "–". */
  async tensors(): Promise<number | null> {
    const text = (await this.tensorCount.textContent()) ?? '';
    const match = /tensors (\d+)/.exec(text);
    return match?.[1] ? Number(match[1]) : null;
  }
}

/** The loss and accuracy charts. */
export class ChartsArea {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Training curves' });
  }

  chart(metric = 'loss'): Locator {
    return this.root.getByTestId(`chart-${metric}`);
  }

  /** Points drawn for the current run (downsampled to at most 200). */
  async points(metric = 'loss'): Promise<number> {
    if ((await this.chart(metric).count()) === 0) return 0;
    return Number(await this.chart(metric).getAttribute('data-points'));
  }

  /** The legend entries of a chart (shown when more than one run is drawn). */
  legend(metric = 'loss'): Locator {
    return this.chart(metric).locator('.chart-legend li');
  }

  /** The drawn curves of a chart, one path per run. */
  curves(metric = 'loss'): Locator {
    return this.chart(metric).locator('.live-lines > path');
  }

  /** The values under the pointer, shown while it hovers over a chart. */
  readout(metric = 'loss'): Locator {
    return this.chart(metric).locator('.chart-readout-text');
  }

  get placeholder(): Locator {
    return this.root.getByText('Press Train to draw the loss');
  }
}

/** The whole page, by area. */
export class Playground {
  readonly form: SettingsForm;
  readonly transport: Transport;
  readonly charts: ChartsArea;

  constructor(readonly page: Page) {
    this.form = new SettingsForm(page);
    this.transport = new Transport(page);
    this.charts = new ChartsArea(page);
  }

  /** Opens the page with a query string, e.g. "?exp=echo&samples=300". */
  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.form.root).toBeVisible();
  }

  get warnings(): Locator {
    return this.page.getByTestId('warnings');
  }

  get copyLinkButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: 'Copy link' });
  }

  get experimentPicker(): Locator {
    return this.page.getByRole('banner').getByLabel('Experiment');
  }

  /** The header's engine setting (Auto, Fused CPU engine, WebGPU, WebGL, WebAssembly, CPU). */
  get enginePicker(): Locator {
    return this.page.getByRole('banner').getByLabel('Engine');
  }

  /**
   * Starts recording what the page shows, at every DOM change, so that a run that is over
   * in a second can still be checked for what it showed on the way.
   */
  async record(probes: Record<string, Probe>): Promise<Recording> {
    await this.page.evaluate((entries) => {
      const w = window as RecordingWindow;
      w.__recording?.observer.disconnect();
      const values: Record<string, string[]> = {};
      for (const [key] of entries) values[key] = [];
      const sample = () => {
        for (const [key, probe] of entries) {
          const element = document.querySelector(probe.selector);
          const value = element ? (probe.attribute ? element.getAttribute(probe.attribute) : element.textContent) : null;
          const list = values[key];
          if (list && value !== null && list[list.length - 1] !== value) list.push(value);
        }
      };
      const observer = new MutationObserver(sample);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      sample();
      w.__recording = { values, observer };
    }, Object.entries(probes));
    return new Recording(this.page);
  }

  get liveView(): Locator {
    return this.page.getByTestId('live-view');
  }

  get verdict(): Locator {
    return this.liveView.getByTestId('echo-verdict');
  }

  get evaluation(): Locator {
    return this.page.getByRole('region', { name: 'Evaluation' });
  }

  get accuracy(): Locator {
    return this.evaluation.getByTestId('evaluation-accuracy');
  }

  get modelSummary(): Locator {
    return this.page.getByRole('region', { name: 'Model' });
  }

  get totalParams(): Locator {
    return this.modelSummary.getByTestId('total-params');
  }

  // The test hook: only for what the page shows as pictures.

  status(): Promise<RunStatus> {
    return this.page.evaluate(() => (window as HookWindow).__playground?.status() ?? 'missing') as Promise<RunStatus>;
  }

  losses(): Promise<number[]> {
    return this.page.evaluate(() => (window as HookWindow).__playground?.losses() ?? []);
  }

  /**
   * Waits for a run status; training runs take a few seconds, more on a busy machine.
   * Fails at once, with the page's message, if the run ends in an error instead.
   */
  async waitForStatus(status: RunStatus, timeout = 90_000): Promise<void> {
    const deadline = Date.now() + timeout;
    let now = await this.status();
    while (now !== status) {
      if (now === 'error') {
        const message = await this.transport.root.getByTestId('run-error').textContent().catch(() => null);
        throw new Error(`The run failed instead of reaching "${status}": ${message ?? 'no message'}`);
      }
      if (Date.now() > deadline) throw new Error(`The run is "${now}", not "${status}", after ${timeout} ms`);
      await this.page.waitForTimeout(100);
      now = await this.status();
    }
  }

  /** Presses Train and waits for the run to finish. */
  async trainToEnd(): Promise<void> {
    await this.transport.train();
    await this.waitForStatus('done');
    await expect(this.evaluation).toContainText(/(Trained on|Stopped after) [\d,]+ samples/);
  }
}

interface Fixtures {
  /** Console errors, uncaught page errors and dialogs seen so far; the test fails if any remain. */
  problems: string[];
  playground: Playground;
}

export const test = base.extend<Fixtures>({
  problems: [
    async ({ context }, use) => {
      const problems: string[] = [];
      context.on('console', (message) => {
        if (message.type() !== 'error') return;
        const where = message.worker() ? ' (in a worker)' : '';
        problems.push(`console.error${where}: ${message.text()} at ${message.location().url}`);
      });
      context.on('weberror', (error) => problems.push(`uncaught error: ${error.error().message}`));
      context.on('dialog', (dialog) => {
        problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
        void dialog.dismiss().catch(() => undefined);
      });
      await use(problems);
      expect(problems, 'console errors, page errors or dialogs').toEqual([]);
    },
    { auto: true },
  ],

  playground: async ({ page }, use) => {
    await use(new Playground(page));
  },
});
