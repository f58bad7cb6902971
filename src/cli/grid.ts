/**
 * `npm run experiment -- curves --grid units=1,5,10 --repeats 5 --epochs 500`: every point of a
 * grid trained `repeats` times with consecutive seeds (one run after another, in this process), and
 * the summary table of the score per point.
 */
import { formatValue, type ParamDefs } from '../experiments/params';
import { EXPERIMENTS, findExperiment } from '../experiments/registry';
import { parseGrid } from '../state/grid/codec';
import { expandGrid, valueLabel, type GridDef } from '../state/grid/definition';
import { gridResults, type ScoredRun } from '../state/grid/results';
import { parseArgs } from './args';
import { runCli, type CliResult } from './run';

/** Options of a grid run that are not knobs of the experiment. */
const GRID_OPTIONS = new Set(['grid', 'repeats', 'score', 'seed', 'backend', 'quiet']);

export interface GridCliResult {
  experiment: string;
  grid: GridDef;
  seed: number;
  /** One row per grid point: its knob values and the summary of its scores. */
  rows: { values: Record<string, number | string>; count: number; mean: number | null; std: number | null; min: number | null; q1: number | null; median: number | null; q3: number | null; max: number | null; best: boolean }[];
  table: string;
}

/** The run's score as the page computes it (an evaluation metric, else the final training or validation loss). */
function scored(result: CliResult, point: number): ScoredRun {
  const series = { metricNames: ['val_loss'], samples: [0], values: [[result.finalValLoss ?? Number.NaN]] };
  return {
    status: result.status === 'diverged' ? 'error' : 'done',
    point,
    outcome: { status: result.status, steps: 0, samplesSeen: result.samplesSeen, lastValues: [result.finalLoss ?? Number.NaN], ...(result.evaluation ? { evaluation: { metrics: result.evaluation } } : {}) },
    series,
  };
}

const STATS = ['count', 'mean', 'std', 'min', 'q1', 'median', 'q3', 'max'] as const;
const HEADERS: Record<(typeof STATS)[number], string> = { count: 'n', mean: 'mean', std: 'sd', min: 'min', q1: 'Q1', median: 'median', q3: 'Q3', max: 'max' };

/** Plain-text columns, right-aligned numbers. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => cell.padStart(widths[c] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export async function runGridCli(argv: readonly string[], log: (line: string) => void = () => {}): Promise<GridCliResult> {
  const args = parseArgs(argv);
  if (args.errors.length) throw new Error(args.errors.join(' '));
  const experiment = args.experimentId ? findExperiment(args.experimentId) : undefined;
  if (!experiment) throw new Error(`Name a known experiment: ${EXPERIMENTS.map((e) => e.id).join(', ')}.`);
  const repeatsText = args.options.get('repeats');
  const scoreText = args.options.get('score');
  const parsed = parseGrid(experiment, (key) => (key === 'grid' ? args.options.get('grid') : key === 'gridreps' ? repeatsText : key === 'gridscore' ? scoreText : undefined));
  // A command says exactly what to run: what a link would drop with a warning is an error here.
  if (parsed.warnings.length > 0 || !parsed.grid) throw new Error(['--grid knob=v1,v2[;knob2=v1,v2] --repeats N --score KEY:', ...parsed.warnings].join('\n  '));
  const grid = parsed.grid;
  const seedText = args.options.get('seed') ?? '1';
  const seed = Number(seedText);
  if (seedText.trim() === '' || !Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a whole number ≥ 0.');
  const backend = args.options.get('backend') ?? 'fused';

  const base = new Map([...args.options].filter(([key]) => !GRID_OPTIONS.has(key) && key !== 'param'));
  // --param "epochs=500;lr=0.01": knobs written as name=value, like the grid's.
  for (const pair of (args.options.get('param') ?? '').split(';').filter((p) => p.trim() !== '')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new Error(`--param takes name=value pairs separated by ";", not "${pair}".`);
    base.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  const variants = expandGrid(experiment, grid, {}, seed);
  const runs: ScoredRun[] = [];
  for (const [i, variant] of variants.entries()) {
    const options = new Map(base);
    for (const axis of grid.axes) options.set(axis.param, formatValue(variant.values[axis.param] ?? ''));
    const runArgv = [experiment.id, '--seed', String(variant.seed), '--backend', backend, ...[...options].flatMap(([k, v]) => [`--${k}`, v])];
    // Warnings about the shared knobs once, from the first run.
    const result = await runCli(runArgv, i === 0 ? (line) => line.startsWith('warning') && log(line) : undefined);
    const run = scored(result, variant.point);
    runs.push(run);
    const score = gridResults(experiment, grid, [run]).points[variant.point]?.scores[0];
    log(`[${i + 1}/${variants.length}] ${variant.label}: ${grid.score} ${score?.toPrecision(4) ?? 'none'} (${result.wallTimeSeconds} s, ${result.engine})`);
  }

  const defs = experiment.params as ParamDefs;
  const results = gridResults(experiment, grid, runs);
  const header = [...grid.axes.map((a) => a.param), ...STATS.map((s) => HEADERS[s]), 'best'];
  const rows = results.points.map((p) => [
    ...p.point.coords.map((v, a) => valueLabel(defs[grid.axes[a]?.param ?? ''], v)),
    ...STATS.map((s) => (s === 'count' ? String(p.summary?.count ?? 0) : p.summary ? p.summary[s].toFixed(4) : '–')),
    p.best ? '*' : '',
  ]);
  const table = `${results.score.label} (${grid.score}) over ${grid.repeats} seeds from ${seed}:\n${formatTable(header, rows)}`;
  return {
    experiment: experiment.id,
    grid,
    seed,
    rows: results.points.map((p) => ({
      values: Object.fromEntries(p.point.coords.map((v, a) => [grid.axes[a]?.param ?? '', v])),
      count: p.summary?.count ?? 0,
      ...Object.fromEntries(STATS.filter((s) => s !== 'count').map((s) => [s, p.summary ? p.summary[s] : null])),
      best: p.best,
    }) as GridCliResult['rows'][number]),
    table,
  };
}
