import * as tf from '@tensorflow/tfjs';
import { chooseEngine, createTrainable, type EngineKind } from '../engine/engines';
import { runExperiment, type RunOutcome } from '../engine/train';
import { MAX_SEED } from '../engine/random';
import { EXPERIMENTS, findExperiment } from '../experiments/registry';
import type { AnyParamValues } from '../experiments/types';
import { inUrl, type ParamDefs } from '../experiments/params';
import { resolveRawValues, resolveValues } from '../experiments/values';
import { loadExternalText } from './externalText';
import { parseArgs } from './args';

export interface CliResult {
  experiment: string;
  seed: number;
  /** The engine that trained: the fused CPU engine, or TF.js on `backend`. */
  engine: EngineKind;
  backend: string;
  params: AnyParamValues;
  paramCount: number;
  status: RunOutcome['status'];
  samplesSeen: number;
  finalLoss: number | null;
  /** The last validation loss, for experiments scored on held-out data after every epoch. */
  finalValLoss: number | null;
  evaluation: Record<string, number> | null;
  wallTimeSeconds: number;
}

const RESERVED = new Set(['seed', 'backend', 'quiet', 'data']);

export function usage(): string {
  const lines = [
    'usage: npm run experiment -- <experiment> [--seed N] [--backend cpu|wasm|fused] [--quiet] [--data file.csv] [--<param> value …]',
    '       npm run experiment -- <experiment> --grid "knob=v1,v2[;knob2=v1,v2]" [--repeats 5] [--score key] [--seed N] [--backend fused] [--<param> value …] [--param "name=value;…"]',
    '',
  ];
  for (const experiment of EXPERIMENTS) {
    lines.push(`${experiment.id}: ${experiment.title}`);
    for (const [key, def] of Object.entries(experiment.params as Record<string, { label: string; default: unknown }>)) {
      if (!(def as { hidden?: boolean }).hidden) lines.push(`  --${key.padEnd(10)} ${def.label} (default ${String(def.default)})`);
    }
  }
  return lines.join('\n');
}

/**
 * Runs one experiment on TF.js in this process and returns its result. Progress
 * lines go to `log`; throws an Error with a readable message on bad arguments.
 */
export async function runCli(argv: readonly string[], log: (line: string) => void = () => {}): Promise<CliResult> {
  const args = parseArgs(argv);
  if (args.errors.length) throw new Error(args.errors.join(' '));
  if (!args.experimentId) throw new Error(`Name an experiment.\n${usage()}`);
  const experiment = findExperiment(args.experimentId);
  if (!experiment) throw new Error(`Unknown experiment "${args.experimentId}". Known: ${EXPERIMENTS.map((e) => e.id).join(', ')}.`);
  const seedText = args.options.get('seed') ?? '1';
  // Number('') is 0: an empty --seed must not silently become seed 0.
  const seed = seedText.trim() === '' ? Number.NaN : Number(seedText);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new Error(`--seed must be an integer in [0, ${MAX_SEED}].`);
  const requested = args.options.get('backend') ?? 'cpu';
  if (requested !== 'cpu' && requested !== 'wasm' && requested !== 'fused') throw new Error('--backend must be cpu, wasm or fused.');
  // The fused engine takes its initial weights from TF.js on the CPU backend.
  const backend = requested === 'fused' ? 'cpu' : requested;
  if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  if (!(await tf.setBackend(backend))) throw new Error(`The ${backend} backend failed to start.`);
  await tf.ready();

  const raw = new Map([...args.options].filter(([key]) => !RESERVED.has(key)));
  const first = resolveRawValues(experiment, raw);
  // Data files (a bundled series, or --data) fill their knob; the constraints are checked again with it.
  const external = await loadExternalText(experiment, first.values, args.options.get('data'));
  const { values, warnings } = external ? resolveValues(experiment, { ...first.values, ...external }) : first;
  for (const warning of external ? [...first.warnings, ...warnings] : warnings) log(`warning: ${warning}`);
  const { engine, note } = chooseEngine(requested === 'fused' ? 'fused' : backend, experiment.model(values));
  if (note) log(`note: ${note}`);

  const started = performance.now();
  let lastReport = started;
  let total = 0;
  let valIndex = -1;
  let finalValLoss: number | null = null;
  const { outcome, model } = await runExperiment({
    experiment,
    values,
    seed,
    createModel: (spec, optimizer, rng) => createTrainable(engine, spec, optimizer, rng),
    hooks: {
      onStart: ({ totalSamples, paramCount, metricNames }) => {
        total = totalSamples;
        valIndex = metricNames.indexOf('val_loss');
        log(`${experiment.id}: ${paramCount.toLocaleString('en')} parameters, ${totalSamples.toLocaleString('en')} samples, seed ${seed}, ${engine === 'fused' ? 'fused CPU engine' : `TF.js ${tf.getBackend()}`}`);
      },
      onStep: (point) => {
        const val = point.values[valIndex];
        if (val !== undefined && Number.isFinite(val)) finalValLoss = val;
        const now = performance.now();
        if (now - lastReport < 2000 && point.samplesSeen < total) return;
        lastReport = now;
        const rate = point.samplesSeen / ((now - started) / 1000);
        log(`  ${point.samplesSeen}/${total} samples  loss ${point.values[0]?.toFixed(4)}  ${rate.toFixed(0)} samples/s`);
      },
    },
  });
  model.dispose();
  if (outcome.message) log(outcome.message);
  return {
    experiment: experiment.id,
    seed,
    engine,
    backend: tf.getBackend(),
    // A data file's text is not a setting to print.
    params: Object.fromEntries(Object.entries(values).filter(([key]) => { const def = (experiment.params as ParamDefs)[key]; return !def || inUrl(def); })),
    paramCount: model.paramCount,
    status: outcome.status,
    samplesSeen: outcome.samplesSeen,
    finalLoss: outcome.lastValues[0] ?? null,
    finalValLoss,
    evaluation: outcome.evaluation?.metrics ?? null,
    wallTimeSeconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
