/**
 * `npm run reference -- [experiment …] [--seeds 1,2,3] [--engine fused|cpu|wasm] [--no-timing] [--no-browser]`
 *
 * Checks the default configurations against the reference results of the specification:
 * each experiment's defaults trained once per seed through the CLI code path (`runCli`), then
 * timed once (seed 1) on TF.js' CPU backend in Node and once in headless Chromium on the engine
 * the page picks by itself. Results are merged by experiment into bench/reference.json and the
 * table in bench/reference.md is rewritten from it, so experiments can be run one at a time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { runCli, type CliResult } from '../src/cli/run';
import { EXPERIMENTS, findExperiment } from '../src/experiments/registry';
import type {} from '../src/state/testHook';
import { withServedApp } from './chromium';

interface Spread {
  mean: number;
  min: number;
  max: number;
}

interface BrowserRun {
  engine: string;
  wallSeconds: number;
  evaluation: Record<string, number> | null;
}

interface ReferenceEntry {
  experiment: string;
  measuredOn: string;
  seeds: number[];
  /** The engine the seed runs trained on. */
  engine: string;
  metrics: Record<string, Spread>;
  perSeed: Record<string, number>[];
  /** Wall time of the seed runs, one per seed. */
  seedSeconds: number[];
  nodeCpuSeconds: number | null;
  browser: BrowserRun | null;
}

/** What the specification's reference run reported for each default (experiments.md §1–§6). */
const REFERENCE: Record<string, string> = {
  echo: 'accuracy 100% (reproduced 0.98–1.00)',
  sine: 'MAE ≈ 0.022 (reproduced 0.015–0.028)',
  rectangles: 'error 0.003–0.015 (reproduced)',
  movingline: 'accuracy 100%',
  addition: 'per character high 90s, loss ≈ 0.13 (reproduced 0.96–1.00, whole answers 0.92–1.00)',
  cumsum: 'per step high 90s (reproduced 0.979–0.996, whole sequences 0.81–0.96)',
};

const JSON_PATH = 'bench/reference.json';
const MD_PATH = 'bench/reference.md';
const BROWSER_TIMEOUT_MS = 3 * 60 * 60 * 1000;

const log = (line: string) => console.error(line);

function parse(argv: readonly string[]) {
  const ids: string[] = [];
  let seeds = [1, 2, 3];
  let engine = 'fused';
  let timing = true;
  let browser = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--seeds') seeds = (argv[++i] ?? '').split(',').map(Number);
    else if (arg === '--engine') engine = argv[++i] ?? '';
    else if (arg === '--no-timing') timing = false;
    else if (arg === '--no-browser') browser = false;
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}.`);
    else ids.push(arg);
  }
  if (!seeds.length || seeds.some((s) => !Number.isInteger(s) || s < 0)) throw new Error('--seeds takes whole numbers, e.g. 1,2,3.');
  if (!['fused', 'cpu', 'wasm'].includes(engine)) throw new Error('--engine must be fused, cpu or wasm.');
  for (const id of ids) if (!findExperiment(id)) throw new Error(`Unknown experiment "${id}".`);
  return { ids: ids.length ? ids : EXPERIMENTS.map((e) => e.id), seeds, engine, timing, browser };
}

function spread(values: number[]): Spread {
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, min: Math.min(...values), max: Math.max(...values) };
}

function engineName(result: CliResult): string {
  return result.engine === 'fused' ? 'fused CPU' : `TF.js ${result.backend}`;
}

async function trainInBrowser(id: string): Promise<BrowserRun> {
  return withServedApp(4176, async (browser, baseUrl) => {
    const page = await browser.newPage();
    page.on('pageerror', (error) => log(`  page error: ${error.message}`));
    await page.goto(`${baseUrl}/?exp=${id}&seed=1`);
    const started = Date.now();
    await page.getByTestId('train-button').click();
    await page.waitForFunction(() => ['done', 'error'].includes(window.__playground?.status() ?? ''), null, {
      timeout: BROWSER_TIMEOUT_MS,
      polling: 500,
    });
    const wallSeconds = (Date.now() - started) / 1000;
    const { engine, backend, evaluation } = await page.evaluate(() => ({
      ...(window.__playground?.engine() ?? { engine: null, backend: null }),
      evaluation: window.__playground?.evaluation() ?? null,
    }));
    return { engine: engine === 'fused' ? 'fused CPU' : `TF.js ${backend ?? '?'}`, wallSeconds, evaluation };
  });
}

const decimals = (key: string) => (key === 'accuracy' || key === 'answers' || key === 'sequences' ? 3 : 4);
const fmt = (key: string, value: number) => value.toFixed(decimals(key));
const seconds = (s: number | null) => (s === null ? '–' : s < 100 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`);

function markdown(entries: ReferenceEntry[]): string {
  const rows = entries.map((entry) => {
    const experiment = findExperiment(entry.experiment);
    const labels = new Map((experiment?.evaluationMetrics ?? []).map((m) => [m.key, m.label]));
    const metrics = Object.entries(entry.metrics)
      .map(([key, s]) => `${labels.get(key) ?? key} ${fmt(key, s.mean)} (${fmt(key, s.min)}–${fmt(key, s.max)})`)
      .join('; ');
    const browser = entry.browser
      ? `${seconds(entry.browser.wallSeconds)} on ${entry.browser.engine}${
          entry.browser.evaluation
            ? ` (${Object.entries(entry.browser.evaluation)
                .map(([key, v]) => `${labels.get(key) ?? key} ${fmt(key, v)}`)
                .join('; ')})`
            : ''
        }`
      : '–';
    const seedTimes = entry.seedSeconds.map((s) => seconds(s)).join(', ');
    const reference = REFERENCE[entry.experiment] ?? '–';
    return `| ${experiment?.title ?? entry.experiment} | ${entry.seeds.join(', ')} on ${entry.engine} (${seedTimes}) | ${metrics} | ${reference} | ${seconds(entry.nodeCpuSeconds)} | ${browser} |`;
  });
  return [
    '# Reference runs',
    '',
    'Written by `npm run reference`: every default configuration trained once per seed through the CLI code path,',
    'then timed (seed 1) on TF.js\' CPU backend in Node and in headless Chromium on the engine the page picked.',
    'Metrics are the mean and range over the seeds, on fresh evaluation data.',
    '',
    '| experiment | seeds, engine (wall time each) | evaluation: mean (range) | reference | Node, TF.js CPU | browser, engine the page picked |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; dates per experiment in reference.json.`,
    '',
  ].join('\n');
}

const options = parse(process.argv.slice(2));
const entries: ReferenceEntry[] = existsSync(JSON_PATH) ? (JSON.parse(readFileSync(JSON_PATH, 'utf8')) as ReferenceEntry[]) : [];

if (options.browser) {
  log('building the app…');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

for (const id of options.ids) {
  const results: CliResult[] = [];
  for (const seed of options.seeds) {
    const result = await runCli([id, '--seed', String(seed), '--backend', options.engine, '--quiet']);
    log(`${id} seed ${seed} on ${engineName(result)}: ${JSON.stringify(result.evaluation)} in ${result.wallTimeSeconds} s`);
    results.push(result);
  }
  const first = results[0];
  if (!first) continue;
  let nodeCpuSeconds: number | null = first.engine === 'tfjs' && first.backend === 'cpu' && first.seed === 1 ? first.wallTimeSeconds : null;
  if (options.timing && nodeCpuSeconds === null) {
    const timed = await runCli([id, '--seed', '1', '--backend', 'cpu', '--quiet']);
    log(`${id} seed 1 on TF.js cpu: ${JSON.stringify(timed.evaluation)} in ${timed.wallTimeSeconds} s`);
    nodeCpuSeconds = timed.wallTimeSeconds;
  }
  let browser: BrowserRun | null = null;
  if (options.browser) {
    browser = await trainInBrowser(id);
    log(`${id} seed 1 in Chromium on ${browser.engine}: ${JSON.stringify(browser.evaluation)} in ${browser.wallSeconds.toFixed(1)} s`);
  }
  const keys = Object.keys(first.evaluation ?? {});
  const entry: ReferenceEntry = {
    experiment: id,
    measuredOn: new Date().toISOString().slice(0, 10),
    seeds: options.seeds,
    engine: engineName(first),
    metrics: Object.fromEntries(keys.map((key) => [key, spread(results.map((r) => r.evaluation?.[key] ?? Number.NaN))])),
    perSeed: results.map((r) => r.evaluation ?? {}),
    seedSeconds: results.map((r) => r.wallTimeSeconds),
    nodeCpuSeconds,
    browser,
  };
  const at = entries.findIndex((e) => e.experiment === id);
  if (at >= 0) entries[at] = entry;
  else entries.push(entry);
  const order = EXPERIMENTS.map((e) => e.id);
  entries.sort((a, b) => order.indexOf(a.experiment) - order.indexOf(b.experiment));
  writeFileSync(JSON_PATH, `${JSON.stringify(entries, null, 2)}\n`);
  writeFileSync(MD_PATH, markdown(entries));
}
console.log(readFileSync(MD_PATH, 'utf8'));
