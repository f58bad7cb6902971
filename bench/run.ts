/**
 * `npm run bench`: measures the engines in Node and in headless Chromium,
 * prints markdown tables and writes bench/results.md. Ratios are within one
 * run on one machine; no test asserts on time.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { gzipSync } from 'node:zlib';
import { EXPERIMENTS } from '../src/experiments/registry';
import type { BaselineRow } from './baseline';
import { benchBrowser, type BrowserBenchRow } from './browser';
import { benchCnnLstm, type CnnLstmRow } from './cnnLstm';
import { benchNode, type NodeBenchRow } from './node';

const log = (line: string) => console.error(line);
const args = process.argv.slice(2);
/** `--node`: only the Node section again, replaced in the existing bench/results.md. */
const nodeOnly = args.includes('--node');
const only = args.filter((a) => !a.startsWith('--'));
const experiments = EXPERIMENTS.map((e) => e.id).filter((id) => only.length === 0 || only.includes(id));

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

const fmt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '–');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}×` : '–');

function nodeSection(rows: NodeBenchRow[]): string {
  const out: string[][] = [];
  for (const id of experiments) {
    const mine = rows.filter((r) => r.experiment === id);
    const fused = mine.find((r) => r.engine === 'fused CPU')?.samplesPerSec ?? Number.NaN;
    const bestTf = Math.max(...mine.filter((r) => r.engine.startsWith('TF.js')).map((r) => r.samplesPerSec));
    for (const r of mine) out.push([id, String(r.batchSize), r.engine, fmt(r.samplesPerSec), fmt(r.samplesPerWallSec), r.engine === 'fused CPU' ? ratio(fused, bestTf) : '']);
  }
  return table(['experiment', 'batch', 'engine', 'samples per CPU second', 'samples per wall second', 'fused ÷ best TF.js (CPU)'], out);
}

function browserSection(rows: BrowserBenchRow[], baselines: BaselineRow[]): string {
  const out: string[][] = [];
  let autoRight = 0;
  let autoCount = 0;
  for (const id of experiments) {
    const mine = rows.filter((r) => r.experiment === id);
    if (mine.length === 0) continue;
    const base = baselines.find((b) => b.experiment === id)?.samplesPerSec ?? Number.NaN;
    const fastest = mine.reduce((best, r) => (r.samplesPerSec > best.samplesPerSec ? r : best), mine[0] as BrowserBenchRow);
    const auto = mine.find((r) => r.requested === 'auto');
    for (const r of mine) {
      out.push([
        id,
        r.requested,
        r.engine,
        fmt(r.samplesPerSec),
        ratio(r.samplesPerSec, base),
        `${fmt(r.longestTaskMs)} (${r.longTasks})`,
        fmt(r.p95FrameGapMs),
        `${fmt(r.tensorsDuring)} → ${fmt(r.tensorsAfter)}`,
        fmt(r.formReadyMs),
      ]);
    }
    if (auto && fastest) {
      // Within 10% of the fastest counts as the fastest: runs of the same engine differ by that much here.
      const right = auto.engine === fastest.engine || auto.samplesPerSec >= 0.9 * fastest.samplesPerSec;
      autoCount++;
      if (right) autoRight++;
      out.push([id, '**auto chose**', auto.engine, '', '', '', '', '', right ? 'the fastest' : `fastest was ${fastest.engine}`]);
    }
  }
  return [
    table(['experiment', 'requested', 'ran on', 'samples/s', '÷ baseline', 'longest main-thread task, ms (count > 50 ms)', 'p95 frame gap, ms', 'tensors (first progress → done)', 'form usable after, ms'], out),
    '',
    `Auto chose the fastest engine (or one within 10% of it) for ${autoRight} of ${autoCount} experiments.`,
  ].join('\n');
}

function baselineSection(rows: BaselineRow[]): string {
  return table(
    ['experiment', 'backend TF.js picked', 'samples', 'samples/s', 'longest main-thread task, ms'],
    rows.map((r) => [r.experiment, r.backend, String(r.samples), r.error ? `– (${r.error})` : r.samplesPerSec.toFixed(1), fmt(r.longestTaskMs)]),
  );
}

function cnnLstmSection(rows: CnnLstmRow[]): string {
  return table(
    ['backend', 'what trains', 'ms per batch of 32'],
    rows.map((r) => [r.backend, r.variant, fmt(r.msPerBatch)]),
  );
}

/** Where the bench builds the app (BENCH_OUT_DIR keeps it apart from a shared dist/). */
const outDir = process.env.BENCH_OUT_DIR ?? 'dist';

function bundleSection(): string {
  const dir = `${outDir}/assets`;
  const rows = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const data = readFileSync(`${dir}/${f}`);
      return [f, fmt(data.length / 1024), fmt(gzipSync(data).length / 1024)];
    });
  return table(['chunk', 'KiB', 'KiB gzip'], rows);
}

if (nodeOnly) {
  const section = nodeSection(await benchNode(log, experiments));
  const previous = readFileSync('bench/results.md', 'utf8');
  const updated = previous.replace(/(## Node \(the CLI and tests\)\n\n)[\s\S]*?\n\n(?=## )/, (_, head: string) => `${head}${section}\n\n`);
  writeFileSync('bench/results.md', updated);
  console.log(section);
  process.exit(0);
}

log('building the app…');
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], { stdio: 'inherit' });
const nodeRows = await benchNode(log, experiments);
const cnnLstmRows = experiments.includes('movingline') ? await benchCnnLstm(log) : [];
const { rows: browserRows, baselines } = await benchBrowser(log, experiments);
const report = [
  '# Benchmark results',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.`,
  'Each row trains the experiment\'s default model on a fixed amount of fresh data; samples/s leaves out model building and the first step.',
  '',
  '## Node (the CLI and tests)',
  '',
  nodeSection(nodeRows),
  '',
  '## The CNN-LSTM in Node: folding time into the batch',
  '',
  'One training step of the moving-line model (50 frames of 50 × 50): TF.js\' own TimeDistributed runs the convolution once per frame; the folded one runs it once over all frames. The last row is the recurrent part alone, on the features the convolution hands it.',
  '',
  cnnLstmRows.length ? cnnLstmSection(cnnLstmRows) : '(not measured in this run)',
  '',
  '## The baseline: `model.fit` on the main thread',
  '',
  'The same model and data trained the naive way: TF.js `model.fit` with its default options (one epoch at the experiment\'s batch size) on the main thread of a blank page, on the backend TF.js picks by itself. It does a fifth of the work of the rows below.',
  '',
  baselineSection(baselines),
  '',
  '## Headless Chromium (the page, training in its worker)',
  '',
  'Samples/s from the first progress message to the last; "÷ baseline" is the ratio to the row above; long tasks and frame gaps are the main thread\'s from the click on Train to the end; the form is usable when the Train button is enabled (from navigation).',
  '',
  browserSection(browserRows, baselines),
  '',
  '## JavaScript per chunk',
  '',
  bundleSection(),
  '',
].join('\n');
writeFileSync('bench/results.md', report);
console.log(report);
