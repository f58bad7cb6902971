/**
 * "Auto" between the fused CPU engine and TF.js: a few timed training steps of
 * each on the real model (throwaway copies, data from a stream of their own, so
 * the run itself is unchanged), the faster kept per model shape and backend.
 */
import type { Batch } from '../experiments/types';
import type { EngineKind } from './engines';
import type { ModelSpec } from './modelSpec';
import type { TrainableModel } from './trainable';

export interface AutoDecision {
  engine: EngineKind;
  /** Why, in words for the status line. */
  note: string;
  /** Measured milliseconds per training step (NaN where not measured). */
  fusedMs: number;
  tfjsMs: number;
}

export interface CalibrationInput {
  spec: ModelSpec;
  /** The TF.js backend that would train (e.g. "wasm"). */
  backend: string;
  /** A training batch of the run's size. */
  batch: Batch;
  /** A fresh throwaway model on an engine (disposed here). */
  create(engine: EngineKind): Promise<TrainableModel> | TrainableModel;
  now(): number;
  /** Lets queued messages in between steps (a worker stays responsive). */
  yieldToQueue?(): Promise<void>;
}

/**
 * Below this many ms per step the fused engine wins without asking TF.js:
 * TF.js' own training step (fit with Dense, loss and Adam) costs about 1 ms or
 * more on every backend, whatever the model.
 */
export const TFJS_STEP_FLOOR_MS = 2;

/**
 * Timing: steps in chunks of a growing number of steps (each at least CHUNK_MS long, so a clock
 * coarsened to 0.1 ms still resolves them), at least `minChunks` chunks and `minMs`, at most
 * `budgetMs`. The estimate is the fastest chunk's time per step: the first steps of a JavaScript
 * engine run before the JIT compiler has optimised them and are many times slower, and other work
 * on the machine only ever adds time.
 */
const CHUNK_MS = 5;
const FUSED_TIMING = { warmSteps: 20, warmMs: 400, minChunks: 3, minMs: 150, budgetMs: 800 };
const TFJS_TIMING = { warmSteps: 1, warmMs: 0, minChunks: 2, minMs: 100, budgetMs: 1500 };

const decisions = new Map<string, AutoDecision>();

/** What the choice depends on: the layers, shapes, loss, the batch and the backend. */
export function calibrationKey(spec: ModelSpec, batch: Batch, backend: string): string {
  return JSON.stringify([spec, batch.xShape, batch.yShape, backend]);
}

/** Forgets the decisions (tests). */
export function clearCalibrations(): void {
  decisions.clear();
}

async function msPerStep(model: TrainableModel, batch: Batch, input: CalibrationInput, timing: typeof FUSED_TIMING): Promise<number> {
  // Warm-up, not timed: the first step pays for compilation and allocation, and the fused
  // engine's first steps run before the JIT compiler has optimised its loops.
  const warmStart = input.now();
  for (let i = 0; i < timing.warmSteps && (i === 0 || input.now() - warmStart < timing.warmMs); i++) {
    await model.trainBatch(batch);
    model.resetStates();
  }
  const start = input.now();
  let best = Number.POSITIVE_INFINITY;
  let chunk = 1;
  let chunks = 0;
  // Still getting faster (the last chunk beat the best before it by 10%): not yet the steady state.
  let improving = true;
  while (input.now() - start < timing.budgetMs && (chunks < timing.minChunks || input.now() - start < timing.minMs || improving)) {
    const chunkStart = input.now();
    for (let i = 0; i < chunk; i++) {
      await model.trainBatch(batch);
      model.resetStates();
    }
    const ms = input.now() - chunkStart;
    improving = ms / chunk < 0.9 * best;
    best = Math.min(best, ms / chunk);
    chunks++;
    if (ms < CHUNK_MS) chunk *= 2;
    await input.yieldToQueue?.();
  }
  return best;
}

const fmt = (ms: number) => (ms >= 10 ? ms.toFixed(0) : ms.toPrecision(2));

/** Times the fused engine (and TF.js when it could be faster) on the model; the faster engine, cached per key. */
export async function calibrateAuto(input: CalibrationInput): Promise<AutoDecision> {
  const key = calibrationKey(input.spec, input.batch, input.backend);
  const known = decisions.get(key);
  if (known) return { ...known, note: `${known.note}; measured earlier on this model` };
  const fusedModel = await input.create('fused');
  let fusedMs: number;
  try {
    fusedMs = await msPerStep(fusedModel, input.batch, input, FUSED_TIMING);
  } finally {
    fusedModel.dispose();
  }
  let decision: AutoDecision;
  if (fusedMs < TFJS_STEP_FLOOR_MS) {
    decision = {
      engine: 'fused',
      note: `auto: the fused engine takes ${fmt(fusedMs)} ms per batch, under TF.js' floor of about ${TFJS_STEP_FLOOR_MS} ms`,
      fusedMs,
      tfjsMs: Number.NaN,
    };
  } else {
    const tfjsModel = await input.create('tfjs');
    let tfjsMs: number;
    try {
      tfjsMs = await msPerStep(tfjsModel, input.batch, input, TFJS_TIMING);
    } finally {
      tfjsModel.dispose();
    }
    const engine: EngineKind = tfjsMs < fusedMs ? 'tfjs' : 'fused';
    const measured = `fused CPU ${fmt(fusedMs)} ms per batch, TF.js ${input.backend} ${fmt(tfjsMs)} ms, timed on this model`;
    decision = { engine, note: `auto: ${engine === 'fused' ? 'the fused engine' : `TF.js ${input.backend}`} is faster here (${measured})`, fusedMs, tfjsMs };
  }
  decisions.set(key, decision);
  return decision;
}
