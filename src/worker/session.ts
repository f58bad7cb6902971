/**
 * The worker's side of a run: receives commands, trains through the engine,
 * and posts throttled progress and previews. Independent of the Worker global,
 * so it runs in Node tests with a fake `post`.
 */
import type { BackendChoice } from '../engine/backend';
import { createRng, createStreams } from '../engine/random';
import { runExperiment, type StepPoint } from '../engine/train';
import { packPoints } from '../engine/pointBatch';
import type { TrainableModel } from '../engine/trainable';
import { calibrateAuto } from '../engine/calibrate';
import { chooseEngine, createTrainable, type EngineChoice, type EngineKind } from '../engine/engines';
import { inspectModel, type InsideSettings } from '../engine/inspect/inside';
import type { ModelSpec } from '../engine/modelSpec';
import { findExperiment } from '../experiments/registry';
import type { AnyExperiment, AnyParamValues, Evaluation } from '../experiments/types';
import { resolveValues } from '../experiments/values';
import { ModelLifecycle } from './modelLifecycle';
import { BACKEND_LABELS, type BackendPreference, type FromWorker, type TfjsBackendPreference, type ToWorker } from './protocol';

export interface SessionEnv {
  post(message: FromWorker): void;
  /** Activates a backend for the preference (cached by the caller as it likes). */
  selectBackend(preference: TfjsBackendPreference): Promise<BackendChoice>;
  /** Lets queued messages (stop, pause) in; called between batches. */
  yieldToQueue(): Promise<void>;
  now(): number;
  tensorCount(): number;
}

/** Streams of the throwaway data auto times the engines on (never the run's own). */
const CALIBRATION_SEED = 2_000_000_011;

/** Progress at most 20 times a second; previews at most 4 times. */
export const PROGRESS_INTERVAL_MS = 50;
export const PREVIEW_INTERVAL_MS = 250;
/**
 * The training loop lets queued messages (stop, pause, a model command) in at least this often.
 * Yielding after every step would cost more than a small model's step on the fused engine.
 */
export const YIELD_INTERVAL_MS = 8;

interface ActiveRun {
  runId: number;
  stopRequested: boolean;
  paused: boolean;
  resume: (() => void) | null;
}

/** What a model was trained for: enough to look inside it again after the run, save, predict and update it. */
export interface ModelContext {
  runId: number;
  experiment: AnyExperiment;
  values: AnyParamValues;
  spec: ModelSpec;
  samplesSeen: number;
  seed: number;
  engine: EngineKind;
  /** Its latest evaluation (saved with it). */
  evaluation?: Evaluation;
}

/** The TF.js backend an engine setting needs: the fused engine's weights are created on auto's. */
function tfjsPreference(backend: BackendPreference): TfjsBackendPreference {
  return backend === 'fused' ? 'auto' : backend;
}

export class TrainingSession {
  private active: ActiveRun | null = null;
  private model: TrainableModel | null = null;
  private context: ModelContext | null = null;
  /** What to look inside, or null. */
  private inspect: InsideSettings | null = null;
  /** Resolves when the current run has fully ended (model kept or freed). */
  private finished: Promise<void> = Promise.resolve();
  /** Counts start and reset commands: a start superseded before it began is skipped. */
  private commands = 0;

  /** Save, load, predict and update on the current model. */
  private readonly lifecycle: ModelLifecycle;

  constructor(private readonly env: SessionEnv) {
    this.lifecycle = new ModelLifecycle(env, {
      current: () => (this.model && this.context ? { model: this.model, context: this.context } : null),
      replace: (next) => {
        if (this.model !== next.model) this.model?.dispose();
        this.model = next.model;
        this.context = next.context;
      },
    });
  }

  handle(message: ToWorker): void {
    switch (message.type) {
      case 'start':
        this.finished = this.restart(message, ++this.commands);
        return;
      case 'pause':
      case 'resume':
        this.setPaused(message.runId, message.type === 'pause');
        return;
      case 'stop':
        if (this.active?.runId === message.runId) {
          this.active.stopRequested = true;
          this.active.resume?.();
        }
        return;
      case 'inspect':
        this.inspect = message.settings;
        // A finished run's model is still here: answer at once. A running one answers at its next preview.
        if (!this.active && this.model && this.context?.runId === message.runId) this.postInside(this.model, this.context);
        return;
      case 'saveModel':
      case 'loadModel':
      case 'predict':
      case 'updateModel':
        if (this.active) {
          this.lifecycle.refuse(message, 'A run is training: wait until it has finished, or stop it.');
          return;
        }
        this.finished = this.finished.then(() => this.lifecycle.handle(message));
        return;
      case 'stopUpdate':
        this.lifecycle.stop();
        return;
      case 'revertUpdate':
        if (this.active) return;
        this.finished = this.finished.then(() => this.lifecycle.handle(message));
        return;
      case 'prepare':
        // Only with no model: a run in progress, or a finished one kept for saving and predicting,
        // keeps the backend its tensors live on.
        if (!this.active && !this.model) this.env.selectBackend(tfjsPreference(message.backend)).catch(() => undefined);
        return;
      case 'reset':
        this.lifecycle.stop();
        this.commands++;
        if (this.active) this.active.stopRequested = true;
        this.active?.resume?.();
        this.finished = this.finished.then(() => this.freeModel());
        return;
    }
  }

  /** Waits for the current run to end; for tests and orderly shutdown. */
  idle(): Promise<void> {
    return this.finished;
  }

  private setPaused(runId: number, paused: boolean): void {
    const run = this.active;
    if (!run || run.runId !== runId || run.paused === paused) return;
    run.paused = paused;
    if (!paused) run.resume?.();
    this.env.post({ type: 'paused', runId, paused });
  }

  private freeModel(): void {
    this.model?.dispose();
    this.model = null;
    this.context = null;
  }

  private postInside(model: TrainableModel, context: ModelContext): void {
    if (!this.inspect) return;
    const payload = inspectModel({
      experiment: context.experiment,
      values: context.values,
      spec: context.spec,
      weights: model.getWeights(),
      gradientNorms: model.lastGradientNorms(),
      settings: this.inspect,
    });
    this.env.post({ type: 'inside', runId: context.runId, samplesSeen: context.samplesSeen, payload });
  }

  private async restart(message: Extract<ToWorker, { type: 'start' }>, command: number): Promise<void> {
    this.lifecycle.stop();
    if (this.active) {
      this.active.stopRequested = true;
      this.active.resume?.();
    }
    await this.finished;
    this.freeModel();
    // A newer start or a reset arrived while the previous run was ending: the page no longer waits for this one.
    if (command !== this.commands) return;
    await this.train(message);
  }

  /**
   * "auto" for a model the fused engine runs: the faster of it and TF.js on the chosen backend,
   * timed on throwaway copies of the model (own data and weights: the run is unchanged).
   */
  private async pickEngine(preference: string, spec: ModelSpec, experiment: AnyExperiment, values: AnyParamValues, backend: string): Promise<EngineChoice> {
    const choice = chooseEngine(preference, spec);
    if (preference !== 'auto' || choice.engine !== 'fused') return choice;
    const plan = experiment.plan(values);
    // The experiment's own first training batch, from throwaway streams: the right shape for every
    // model, including a stateful one's fixed batch (sampleBatch may return a whole data set).
    const first = experiment.batches(values, createStreams(CALIBRATION_SEED))[Symbol.iterator]().next();
    const batch = first.done ? experiment.sampleBatch(values, createRng('calibration/data'), plan.batchSize) : first.value;
    const decision = await calibrateAuto({
      spec,
      backend,
      batch,
      create: (engine) => createTrainable(engine, spec, plan.optimizer, createRng('calibration/init')),
      now: () => this.env.now(),
      yieldToQueue: () => this.env.yieldToQueue(),
    });
    return { engine: decision.engine, note: decision.note };
  }

  private async train(message: Extract<ToWorker, { type: 'start' }>): Promise<void> {
    const { env } = this;
    const { runId } = message;
    const run: ActiveRun = { runId, stopRequested: false, paused: false, resume: null };
    this.active = run;
    if (message.inspect !== undefined) this.inspect = message.inspect;
    try {
      const experiment = findExperiment(message.experimentId);
      if (!experiment) throw new Error(`Unknown experiment "${message.experimentId}".`);
      const { values } = resolveValues(experiment, message.params);
      const choice = await env.selectBackend(tfjsPreference(message.backend));
      const spec = experiment.model(values);
      const { engine, note } = await this.pickEngine(message.backend, spec, experiment, values, choice.backend);
      const context: ModelContext = { runId, experiment, values, spec, samplesSeen: 0, seed: message.seed, engine };
      let live: TrainableModel | null = null;
      const { caution, ...chosen } = choice;
      // A backend forced against auto's advice: the status line says what auto saw (TF.js runs on it).
      const engineNote = note ?? (engine === 'tfjs' && caution ? `${BACKEND_LABELS[chosen.backend]} as chosen, though auto avoids it here: ${caution}` : undefined);
      env.post({ type: 'backend', runId, engine, ...chosen, ...(engineNote ? { engineNote } : {}) });

      let pending: StepPoint[] = [];
      let activeMs = 0;
      let segmentStart = env.now();
      let lastFlush = segmentStart;
      let lastPreview = -Infinity;
      let lastYield = segmentStart;
      let rateSamples = 0;
      let samplesPerSec = 0;
      const elapsed = () => activeMs + (env.now() - segmentStart);
      const flush = () => {
        const now = env.now();
        const seconds = (now - lastFlush) / 1000;
        const latest = pending.at(-1)?.samplesSeen ?? rateSamples;
        const rate = (latest - rateSamples) / seconds;
        // A smoothed rate: single flushes are short and noisy.
        if (seconds > 0) samplesPerSec = samplesPerSec === 0 ? rate : 0.8 * samplesPerSec + 0.2 * rate;
        rateSamples = latest;
        lastFlush = now;
        env.post({ type: 'progress', runId, points: packPoints(pending), samplesPerSec, elapsedMs: elapsed(), tensors: env.tensorCount() });
        pending = [];
      };

      const { outcome, model } = await runExperiment({
        experiment,
        values,
        seed: message.seed,
        createModel: (modelSpec, optimizer, rng) => (live = createTrainable(engine, modelSpec, optimizer, rng)),
        hooks: {
          onStart: (start) => env.post({ type: 'started', runId, ...start }),
          onStep: (point) => {
            context.samplesSeen = point.samplesSeen;
            pending.push(point);
            if (env.now() - lastFlush >= PROGRESS_INTERVAL_MS) flush();
          },
          wantsPreview: () => {
            const now = env.now();
            if (now - lastPreview < PREVIEW_INTERVAL_MS) return false;
            lastPreview = now;
            return true;
          },
          onPreview: (payload) => {
            env.post({ type: 'preview', runId, payload });
            if (live) this.postInside(live, context);
          },
          onSnapshot: (samplesSeen, payload) => env.post({ type: 'snapshot', runId, samplesSeen, payload }),
        },
        checkpoint: async () => {
          if (env.now() - lastYield < YIELD_INTERVAL_MS) return true;
          await env.yieldToQueue();
          lastYield = env.now();
          if (run.paused && !run.stopRequested) {
            if (pending.length) flush();
            activeMs += env.now() - segmentStart;
            await new Promise<void>((resolve) => (run.resume = resolve));
            run.resume = null;
            segmentStart = env.now();
            lastFlush = segmentStart;
          }
          return !run.stopRequested;
        },
      });
      if (pending.length) flush();
      this.model = model;
      if (outcome.evaluation) context.evaluation = outcome.evaluation;
      this.context = context;
      env.post({ type: 'done', runId, outcome, elapsedMs: elapsed(), tensors: env.tensorCount() });
    } catch (error) {
      env.post({
        type: 'error',
        runId,
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof Error && error.stack ? { detail: error.stack } : {}),
      });
    } finally {
      if (this.active === run) this.active = null;
    }
  }
}
