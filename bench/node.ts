/**
 * Node half of `npm run bench`: samples per second of each engine on each
 * experiment's default model, for a fixed amount of work, in this process.
 * Prints ratios measured in one run; nothing here is a test.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { createTrainable, type EngineKind } from '../src/engine/engines';
import { fusedUnsupportedReason } from '../src/engine/fused/support';
import { runExperiment } from '../src/engine/train';
import { EXPERIMENTS } from '../src/experiments/registry';
import { benchValues } from './work';

export interface NodeBenchRow {
  experiment: string;
  batchSize: number;
  engine: string;
  /** Samples trained on. */
  samples: number;
  /** Per second of this process's CPU time (user + system): fairer than wall time on a machine shared with other work. */
  samplesPerSec: number;
  /** Per second of wall time. */
  samplesPerWallSec: number;
}

/** This process's CPU time, ms. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function measure(experimentId: string, engine: EngineKind, backend: string): Promise<{ cpu: number; wall: number; samples: number }> {
  const experiment = EXPERIMENTS.find((e) => e.id === experimentId);
  if (!experiment) throw new Error(experimentId);
  await tf.setBackend(backend);
  // The fused rows train longer (the PyTorch reference gets the same: bench/pytorch.ts).
  const values = await benchValues(experimentId, engine === 'fused' ? 'fused' : 'node');
  let firstStepAt = 0;
  let firstCpu = 0;
  let lastCpu = 0;
  let firstSamples = 0;
  let last = 0;
  let lastSamples = 0;
  const { model } = await runExperiment({
    experiment,
    values,
    seed: 1,
    createModel: (spec, optimizer, rng) => createTrainable(engine, spec, optimizer, rng),
    hooks: {
      onStep: (point) => {
        const now = performance.now();
        // The first step pays for compilation and warm-up: time from its end.
        if (firstStepAt === 0) {
          firstStepAt = now;
          firstCpu = cpuMs();
          firstSamples = point.samplesSeen;
        }
        last = now;
        lastCpu = cpuMs();
        lastSamples = point.samplesSeen;
      },
    },
  });
  model.dispose();
  const done = lastSamples - firstSamples;
  // One step gives no rate (it is all warm-up): the work must be at least two batches.
  if (done <= 0) return { cpu: Number.NaN, wall: Number.NaN, samples: lastSamples };
  return { cpu: (done / (lastCpu - firstCpu)) * 1000, wall: (done / (last - firstStepAt)) * 1000, samples: lastSamples };
}

export async function benchNode(log: (line: string) => void, experiments: readonly string[]): Promise<NodeBenchRow[]> {
  const rows: NodeBenchRow[] = [];
  for (const experiment of EXPERIMENTS.filter((e) => experiments.includes(e.id))) {
    const values = await benchValues(experiment.id, 'node');
    const batchSize = experiment.plan(values).batchSize;
    // BENCH_NODE_TFJS=wasm leaves out TF.js' slow CPU backend.
    const tfjsBackends = (process.env.BENCH_NODE_TFJS ?? 'cpu,wasm').split(',');
    const engines: [string, EngineKind, string][] = tfjsBackends.map((backend) => [`TF.js ${backend}`, 'tfjs', backend]);
    if (!fusedUnsupportedReason(experiment.model(values))) engines.push(['fused CPU', 'fused', 'cpu']);
    for (const [label, engine, backend] of engines) {
      const rate = await measure(experiment.id, engine, backend);
      log(`node  ${experiment.id.padEnd(11)} bs ${String(batchSize).padEnd(3)} ${label.padEnd(11)} ${rate.cpu.toFixed(0)} samples per CPU second (${rate.wall.toFixed(0)} per wall second)`);
      rows.push({ experiment: experiment.id, batchSize, engine: label, samples: rate.samples, samplesPerSec: rate.cpu, samplesPerWallSec: rate.wall });
    }
  }
  return rows;
}
