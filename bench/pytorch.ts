/**
 * The PyTorch reference of `npm run bench` (issue 11): the same models trained on the same batches
 * by bench/pytorch_reference.py on one thread, when a python with torch is found. Hands the
 * script each experiment's ModelSpec, optimizer and batches, reads back its JSON lines, and writes
 * the rows and the "fused ÷ PyTorch" table. Nothing here is a test, and nothing asserts on time.
 */
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ModelSpec, OptimizerSpec } from '../src/engine/modelSpec';
import { createStreams } from '../src/engine/random';
import { summarize } from '../src/engine/summary';
import { TfjsModel } from '../src/engine/tfjs/tfjsModel';
import { isStateful } from '../src/engine/train';
import { defaultValues } from '../src/experiments/params';
import { EXPERIMENTS } from '../src/experiments/registry';
import type { Batch } from '../src/experiments/types';
import { noResult, parseScriptOutput, referenceUnsupportedReason, THREADS, torchPythonCandidates, type FirstStep, type TorchResult, type TorchRow } from './pytorchReport';
import type { AnyParamValues } from '../src/experiments/types';
import { benchValues } from './work';

const SCRIPT = fileURLToPath(new URL('./pytorch_reference.py', import.meta.url));

interface JobBatch {
  x: number[];
  xShape: number[];
  y: number[];
  yShape: number[];
  samples: number;
  resetStatesAfter: boolean;
  /** The Node run scores its validation set after this batch. */
  validate: boolean;
}

interface Job {
  experiment: string;
  batchSize: number;
  spec: ModelSpec;
  optimizer: OptimizerSpec;
  batches: JobBatch[];
  validation: { x: number[]; xShape: number[]; y: number[]; yShape: number[] }[];
  /** The initial weights of the Node rows' model (TF.js getWeights() order): PyTorch starts from them. */
  weights: number[][];
}

function findTorchPython(candidates: string[]): string | null {
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore', timeout: 120_000 });
    if (probe.status === 0) return python;
  }
  return null;
}

const flat = (a: Float32Array) => Array.from(a);

/**
 * The batches the Node rows train on (the experiment's data stream for `samples` samples, seed 1)
 * and, where the Node run scores a fresh validation set (see validationOf in src/engine/train.ts),
 * that set and the batches after which it is scored.
 */
async function jobOf(experimentId: string, values: AnyParamValues): Promise<{ job: Job; first: FirstStep }> {
  const experiment = EXPERIMENTS.find((e) => e.id === experimentId);
  if (!experiment) throw new Error(experimentId);
  const plan = experiment.plan(values);
  const spec = experiment.model(values);
  const streams = createStreams(1);
  const fixed = experiment.validation?.(values);
  const validationSet: Batch[] = fixed ? [fixed] : [...(experiment.validationSequences?.(values, streams.validation) ?? [])];
  const stateful = isStateful(spec);
  let due: (batch: Batch, samplesSeen: number) => boolean = () => false;
  if (validationSet.length > 0) {
    due = (batch) => batch.epochEnd === true && (!stateful || batch.resetStatesAfter === true);
  } else if (plan.freshValidation && plan.freshValidation.rows > 0 && !stateful && !experiment.epochs) {
    validationSet.push(experiment.sampleBatch(values, streams.validation, plan.freshValidation.rows));
    const every = plan.totalSamples / Math.max(1, plan.freshValidation.checks);
    let next = every;
    due = (_batch, samplesSeen) => {
      if (samplesSeen < next - 1e-9 && samplesSeen < plan.totalSamples) return false;
      while (next <= samplesSeen + 1e-9) next += every;
      return true;
    };
  }
  const batches: JobBatch[] = [];
  let samplesSeen = 0;
  for (const batch of experiment.batches(values, streams)) {
    const counted = batch.samples ?? batch.xShape[0] ?? 0;
    samplesSeen += counted;
    batches.push({ x: flat(batch.x), xShape: batch.xShape, y: flat(batch.y), yShape: batch.yShape, samples: counted, resetStatesAfter: batch.resetStatesAfter === true, validate: due(batch, samplesSeen) });
  }
  const validation = validationSet.map((b) => ({ x: flat(b.x), xShape: b.xShape, y: flat(b.y), yShape: b.yShape }));
  // The model the Node rows start from (runExperiment builds it from createStreams(seed 1).init).
  const reference = new TfjsModel(spec, plan.optimizer, createStreams(1).init);
  try {
    const weights = reference.model.getWeights().map((w) => Array.from(w.dataSync()));
    const first = firstStep(reference, spec, batches[0]);
    return { job: { experiment: experimentId, batchSize: plan.batchSize, spec, optimizer: plan.optimizer, batches, validation, weights }, first };
  } finally {
    reference.dispose();
  }
}

/** The loss (as compile() computes it, tf.metrics' per-sample losses averaged) and each weight array's gradient norm on the batch, without an update. */
function firstStep(reference: TfjsModel, spec: ModelSpec, batch: JobBatch | undefined): FirstStep {
  if (!batch) return { loss: Number.NaN, gradNorms: [] };
  const lossFunction = tf.metrics[spec.loss];
  const variables = reference.model.trainableWeights.map((w) => w.read() as tf.Variable);
  const result = tf.tidy(() => {
    const x = tf.tensor(batch.x, batch.xShape);
    const y = tf.tensor(batch.y, batch.yShape);
    const { value, grads } = tf.variableGrads(() => tf.mean(lossFunction(y, reference.model.apply(x, { training: true }) as tf.Tensor)) as tf.Scalar, variables);
    return { loss: value.dataSync()[0] ?? Number.NaN, gradNorms: variables.map((v) => (grads[v.name] ? (tf.norm(grads[v.name] as tf.Tensor).dataSync()[0] ?? Number.NaN) : Number.NaN)) };
  });
  reference.resetStates();
  return result;
}

/**
 * Trains each experiment's default model in PyTorch on one thread, on the batches the fused rows
 * train on (bench/work.ts). Carries on (with the reason in `problem`) when no python with torch is found or the script fails.
 */
export async function benchPytorch(log: (line: string) => void, experiments: readonly string[]): Promise<TorchResult> {
  const tried = torchPythonCandidates(process.env);
  const python = findTorchPython(tried);
  if (!python) return { python: null, rows: [], tried, problem: 'no python with torch found' };
  const skipped: TorchRow[] = [];
  const built = experiments.filter((id) => {
    const experiment = EXPERIMENTS.find((e) => e.id === id);
    if (!experiment) return false;
    const values = defaultValues(experiment.params);
    const reason = referenceUnsupportedReason(experiment.model(values));
    if (reason) skipped.push({ ...noResult(id, experiment.plan(values).batchSize), error: `not built in PyTorch here: ${reason}` });
    return reason === null;
  });
  // TF.js' CPU backend computes our first step: the reference numbers do not depend on the backend the Node rows ended on.
  await tf.setBackend('cpu');
  const prepared = [];
  for (const id of built) prepared.push(await jobOf(id, await benchValues(id, 'fused')));
  const jobs = prepared.map((p) => p.job);
  const ourParams = Object.fromEntries(jobs.map((job) => [job.experiment, summarize(job.spec).totalParams]));
  const firstSteps = Object.fromEntries(prepared.map((p) => [p.job.experiment, p.first]));
  log(`pytorch: ${python}, ${jobs.length} experiments on ${THREADS} thread`);
  const run = spawnSync(python, [SCRIPT], {
    input: JSON.stringify({ threads: THREADS, jobs }),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const parsed = parseScriptOutput(run.stdout ?? '', ourParams, firstSteps);
  for (const r of parsed.rows) {
    log(
      r.error
        ? `torch ${r.experiment.padEnd(11)} ${r.error}`
        : `torch ${r.experiment.padEnd(11)} bs ${String(r.batchSize).padEnd(3)} PyTorch     ${r.samplesPerCpuSec.toFixed(0)} samples per CPU second (${r.samplesPerWallSec.toFixed(0)} per wall second)`,
    );
  }
  const result: TorchResult = { python, ...parsed, tried };
  result.rows.push(...skipped);
  if (run.status !== 0) result.problem = `the script exited with ${run.error?.message ?? `status ${String(run.status)}`}`;
  return result;
}
