/**
 * A focused micro-benchmark of the fused engine, for development: CPU
 * milliseconds per training step of each experiment's default model on its own
 * batches, from random weights (no TF.js). CPU time, not wall time, so that
 * other processes on a shared machine disturb it less.
 * `npx tsx bench/fusedMicro.ts [ids…]`, BUDGET_MS sets the CPU time per model,
 * FUSED_KERNELS=js runs the pure-JS path instead of the WebAssembly SIMD kernels.
 */
import { useWasmKernels, wasmKernelsActive } from '../src/engine/fused/arena';
import { FusedModel } from '../src/engine/fused/fusedModel';
import { fusedUnsupportedReason } from '../src/engine/fused/support';
import type { ModelSpec } from '../src/engine/modelSpec';
import { createRng, createStreams } from '../src/engine/random';
import { defaultValues } from '../src/experiments/params';
import { EXPERIMENTS } from '../src/experiments/registry';
import type { Batch } from '../src/experiments/types';

const ids = process.argv.slice(2).length ? process.argv.slice(2) : ['echo', 'sine', 'addition', 'cumsum', 'rectangles', 'echopartial'];
const budget = Number(process.env.BUDGET_MS ?? 2000);
useWasmKernels(process.env.FUSED_KERNELS !== 'js');
console.log(`kernels: ${wasmKernelsActive() ? 'WebAssembly SIMD' : 'JS'}`);

/** Random weights in TF.js' getWeights() order for the layers the fused engine runs. */
function randomWeights(spec: ModelSpec): Float32Array[] {
  const rng = createRng('micro');
  const make = (n: number) => Float32Array.from({ length: n }, () => rng.uniform(-0.2, 0.2));
  const out: Float32Array[] = [];
  let shape = [...spec.inputShape];
  for (const layer of spec.layers) {
    const last = shape[shape.length - 1] ?? 1;
    if (layer.type === 'lstm' || layer.type === 'bidirectional') {
      const lstm = layer.type === 'lstm' ? layer : layer.layer;
      const u = lstm.units;
      for (let d = 0; d < (layer.type === 'bidirectional' ? 2 : 1); d++) out.push(make(last * 4 * u), make(u * 4 * u), make(4 * u));
      const width = layer.type === 'bidirectional' && layer.mergeMode === 'concat' ? 2 * u : u;
      shape = lstm.returnSequences ? [shape[0] ?? 1, width] : [width];
    } else if (layer.type === 'dense' || layer.type === 'timeDistributedDense') {
      out.push(make(last * layer.units), make(layer.units));
      shape = [...shape.slice(0, -1), layer.units];
    } else if (layer.type === 'repeatVector') shape = [layer.n, last];
  }
  return out;
}

const cpuMs = () => process.cpuUsage().user / 1000;

for (const id of ids) {
  const experiment = EXPERIMENTS.find((e) => e.id === id);
  if (!experiment) continue;
  const values = defaultValues(experiment.params);
  const spec = experiment.model(values);
  if (fusedUnsupportedReason(spec)) continue;
  const model = new FusedModel(spec, experiment.plan(values).optimizer, randomWeights(spec));
  const batches: Batch[] = [];
  for (const batch of experiment.batches(values, createStreams(1))) {
    batches.push(batch);
    if (batches.length >= 20) break;
  }
  for (let i = 0; i < 3; i++) await model.trainBatch(batches[i % batches.length] as Batch);
  let steps = 0;
  const start = cpuMs();
  while (cpuMs() - start < budget) {
    await model.trainBatch(batches[steps % batches.length] as Batch);
    steps++;
  }
  const ms = (cpuMs() - start) / steps;
  const rows = batches[0]?.xShape[0] ?? 0;
  console.log(`${id.padEnd(12)} batch ${String(rows).padEnd(3)} fused ${ms.toFixed(3)} ms/step (${((rows / ms) * 1000).toFixed(0)} rows/s, CPU time)`);
}
