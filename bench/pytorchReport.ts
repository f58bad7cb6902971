/**
 * The pure half of the PyTorch reference (bench/pytorch.ts runs it): which models
 * bench/pytorch_reference.py builds, how its JSON lines are read, and issue 11's targets.
 */
import type { ModelSpec } from '../src/engine/modelSpec';

/** The reference is PyTorch on one thread (intra- and inter-op). */
export const THREADS = 1;

/** Our model's loss and gradient norms (per weight array, TF.js order) on the first batch at the initial weights. */
export interface FirstStep {
  loss: number;
  gradNorms: number[];
}

export interface TorchRow {
  experiment: string;
  batchSize: number;
  samples: number;
  samplesPerCpuSec: number;
  samplesPerWallSec: number;
  /** Parameters of the Keras/TF.js model (the fused engine's). */
  ourParams: number;
  torchParams: number;
  /** torch.nn.LSTM's second bias vector: 4 · units per LSTM direction. */
  extraBiasParams: number;
  lossFirstTenth: number;
  lossLastTenth: number;
  /** The first step from the same weights on the same batch: the loss of ours and PyTorch's, and the largest relative difference of a gradient array's norm. */
  firstLoss?: { ours: number; torch: number };
  gradNormDifference?: number;
  error?: string;
}

export interface TorchResult {
  /** The python that ran, and torch's version and threads; null when none was found. */
  python: string | null;
  torch?: string;
  threads?: number;
  rows: TorchRow[];
  /** Why there are no rows, when there are none. */
  problem?: string;
  /** The pythons tried. */
  tried: string[];
}

/** The pythons to try: PLAYGROUND_TORCH_PYTHON alone when set, else python3 and Debian's own /usr/bin/python3. */
export function torchPythonCandidates(env: Record<string, string | undefined>): string[] {
  const chosen = env.PLAYGROUND_TORCH_PYTHON?.trim();
  return chosen ? [chosen] : ['python3', '/usr/bin/python3'];
}

const BUILT = new Set(['lstm', 'bidirectional', 'dense', 'timeDistributedDense', 'repeatVector']);

/** Why bench/pytorch_reference.py would not build this model (it builds sequence models of the layers above), or null. */
export function referenceUnsupportedReason(spec: ModelSpec): string | null {
  if (spec.inputShape.length !== 2) return `inputs of shape [${spec.inputShape.join(', ')}]`;
  const other = spec.layers.find((layer) => !BUILT.has(layer.type));
  return other ? `layer ${other.type}` : null;
}

export function noResult(experiment: string, batchSize: number): TorchRow {
  const nan = Number.NaN;
  return { experiment, batchSize, samples: nan, samplesPerCpuSec: nan, samplesPerWallSec: nan, ourParams: nan, torchParams: nan, extraBiasParams: nan, lossFirstTenth: nan, lossLastTenth: nan };
}

interface ScriptLine {
  info?: { torch: string; threads: number; interopThreads: number };
  experiment?: string;
  batchSize?: number;
  samples?: number;
  samplesPerCpuSec?: number | null;
  samplesPerWallSec?: number | null;
  torchParams?: number;
  extraBiasParams?: number;
  lossFirstTenth?: number;
  lossLastTenth?: number;
  firstStepLoss?: number;
  firstStepGradNorms?: number[];
  error?: string;
}

/** max |a − b| / max(|a|, tiny) over two lists of norms; NaN when their lengths differ (the weights did not line up). */
export function largestRelativeDifference(ours: readonly number[], theirs: readonly number[]): number {
  if (ours.length !== theirs.length || ours.length === 0) return Number.NaN;
  let largest = 0;
  ours.forEach((a, i) => {
    const b = theirs[i] ?? Number.NaN;
    largest = Math.max(largest, Math.abs(a - b) / Math.max(Math.abs(a), 1e-12));
  });
  return largest;
}

/** The script's JSON lines: its torch version and threads, then one result per experiment. Lines that are not JSON objects are left out. */
export function parseScriptOutput(stdout: string, ourParams: Record<string, number>, firstSteps: Record<string, FirstStep> = {}): Pick<TorchResult, 'torch' | 'threads' | 'rows'> {
  const out: Pick<TorchResult, 'torch' | 'threads' | 'rows'> = { rows: [] };
  for (const text of stdout.split('\n')) {
    let line: ScriptLine;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null) continue;
      line = parsed as ScriptLine;
    } catch {
      continue;
    }
    if (line.info) {
      out.torch = line.info.torch;
      out.threads = line.info.threads;
      continue;
    }
    if (typeof line.experiment !== 'string') continue;
    const num = (n: number | null | undefined) => (typeof n === 'number' ? n : Number.NaN);
    const row: TorchRow = {
      experiment: line.experiment,
      batchSize: num(line.batchSize),
      samples: num(line.samples),
      samplesPerCpuSec: num(line.samplesPerCpuSec),
      samplesPerWallSec: num(line.samplesPerWallSec),
      ourParams: ourParams[line.experiment] ?? Number.NaN,
      torchParams: num(line.torchParams),
      extraBiasParams: num(line.extraBiasParams),
      lossFirstTenth: num(line.lossFirstTenth),
      lossLastTenth: num(line.lossLastTenth),
    };
    const ours = firstSteps[line.experiment];
    if (ours && typeof line.firstStepLoss === 'number') row.firstLoss = { ours: ours.loss, torch: line.firstStepLoss };
    if (ours && Array.isArray(line.firstStepGradNorms)) row.gradNormDifference = largestRelativeDifference(ours.gradNorms, line.firstStepGradNorms);
    if (line.error) row.error = line.error;
    out.rows.push(row);
  }
  return out;
}

/** The engine label of the PyTorch rows in the Node table. */
export function torchEngineLabel(result: Pick<TorchResult, 'torch' | 'threads'>): string {
  return `PyTorch ${result.torch ?? ''} (${result.threads ?? THREADS} thread${result.threads === 1 ? '' : 's'})`.replace('  ', ' ');
}

/** Issue 11's target for fused ÷ PyTorch (one thread) at a batch size; none is stated for other sizes. */
export function torchTarget(batchSize: number): number | null {
  if (batchSize === 1) return 5;
  if (batchSize === 32) return 1;
  return null;
}
