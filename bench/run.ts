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
import { benchBrowser, type BrowserBenchRow } from './browser';
import { benchCnnLstm, type CnnLstmRow } from './cnnLstm';
import { benchNode, type NodeBenchRow } from './node';

const log = (line: string) => console.error(line);
const only = process.argv.slice(2);
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
    for (const r of mine) out.push([id, String(r.batchSize), r.engine, fmt(r.samplesPerSec), r.engine === 'fused CPU' ? ratio(fused, bestTf) : '']);
  }
  return table(['experiment', 'batch', 'engine', 'samples/s', 'fused ÷ best TF.js'], out);
}

function browserSection(rows: BrowserBenchRow[]): string {
  const out: string[][] = [];
  for (const id of experiments) {
    const mine = rows.filter((r) => r.experiment === id);
    const fastest = mine.reduce((best, r) => (r.samplesPerSec > best.samplesPerSec ? r : best), mine[0] as BrowserBenchRow);
    const auto = mine.find((r) => r.requested === 'auto');
    for (const r of mine) {
      out.push([id, r.requested, r.engine, fmt(r.samplesPerSec), `${fmt(r.longestTaskMs)} (${r.longTasks})`, fmt(r.p95FrameGapMs)]);
    }
    if (auto && fastest) out.push([id, '**auto chose**', auto.engine, '', '', auto.engine === fastest.engine ? 'the fastest' : `fastest was ${fastest.engine}`]);
  }
  return table(['experiment', 'requested', 'ran on', 'samples/s', 'longest main-thread task, ms (count > 50 ms)', 'p95 frame gap, ms'], out);
}

function cnnLstmSection(rows: CnnLstmRow[]): string {
  return table(
    ['backend', 'what trains', 'ms per batch of 32'],
    rows.map((r) => [r.backend, r.variant, fmt(r.msPerBatch)]),
  );
}

function bundleSection(): string {
  const dir = 'dist/assets';
  const rows = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const data = readFileSync(`${dir}/${f}`);
      return [f, fmt(data.length / 1024), fmt(gzipSync(data).length / 1024)];
    });
  return table(['chunk', 'KiB', 'KiB gzip'], rows);
}

log('building the app…');
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const nodeRows = await benchNode(log, experiments);
const cnnLstmRows = experiments.includes('movingline') ? await benchCnnLstm(log) : [];
const browserRows = await benchBrowser(log, experiments);
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
  '## Headless Chromium (the page, training in its worker)',
  '',
  browserSection(browserRows),
  '',
  '## JavaScript per chunk',
  '',
  bundleSection(),
  '',
].join('\n');
writeFileSync('bench/results.md', report);
console.log(report);
