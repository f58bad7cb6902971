import type { AnyExperiment, AnyParamValues, Batch, Evaluation, TrainingPlan } from '../experiments/types';
import type { ModelSpec, OptimizerSpec } from './modelSpec';
import { createStreams, type Rng } from './random';
import type { TrainableModel } from './trainable';

/** The loss and metrics after one weight update. */
export interface StepPoint {
  step: number;
  samplesSeen: number;
  /** Values in the order of the model's metricNames (loss first). */
  values: number[];
}

export interface RunStart {
  metricNames: readonly string[];
  paramCount: number;
  totalSamples: number;
}

export interface RunHooks {
  onStart?(start: RunStart): void;
  onStep?(point: StepPoint): void;
  /** Asked after each step; a preview is computed only when it says so. */
  wantsPreview?(): boolean;
  onPreview?(preview: unknown): void;
  /** A preview kept for good, after the experiment's snapshot points (snapshotsAt). */
  onSnapshot?(samplesSeen: number, preview: unknown): void;
}

/**
 * Called between batches: resolves to false to stop. This is where a worker
 * yields to its message queue and waits while paused.
 */
export type Checkpoint = () => Promise<boolean>;

export type RunStatus = 'completed' | 'stopped' | 'diverged';

export interface RunOutcome {
  status: RunStatus;
  steps: number;
  samplesSeen: number;
  /** Loss and metrics of the last step. */
  lastValues: number[];
  evaluation?: Evaluation;
  /** Why the run ended early, in words for the page. */
  message?: string;
}

export type ModelFactory = (spec: ModelSpec, optimizer: OptimizerSpec, initRng: Rng) => Promise<TrainableModel> | TrainableModel;

export interface RunOptions {
  experiment: AnyExperiment;
  /** Already validated and constrained values (see resolveValues). */
  values: AnyParamValues;
  seed: number;
  createModel: ModelFactory;
  checkpoint?: Checkpoint;
  hooks?: RunHooks;
}

/** Whether any layer keeps its state from one batch to the next. */
export function isStateful(spec: ModelSpec): boolean {
  return spec.layers.some((layer) => (layer.type === 'lstm' && layer.stateful === true) || (layer.type === 'bidirectional' && layer.layer.stateful === true));
}

/** The data a run is validated on, and when. */
interface RunValidation {
  batches: readonly Batch[];
  /** A fresh set drawn from the generator (scored at evenly spaced points), not the experiment's fixed one (scored after every epoch). */
  fresh: boolean;
  due(batch: Batch, samplesSeen: number): boolean;
}

/**
 * The experiment's own held-out data, scored after every epoch; or, for an experiment that generates
 * its data, a fresh set from the validation stream scored `checks` times over the run. A stateful
 * model gets no fresh set: scoring it would move the state its training carries; its own held-out
 * sequences are scored only where its training state was just zeroed.
 */
function validationOf(experiment: AnyExperiment, values: AnyParamValues, plan: TrainingPlan, stateful: boolean, rng: Rng): RunValidation | null {
  const fixed = experiment.validation?.(values);
  const batches = fixed ? [fixed] : (experiment.validationSequences?.(values, rng) ?? []);
  if (batches.length > 0) return { batches, fresh: false, due: (batch) => batch.epochEnd === true && (!stateful || batch.resetStatesAfter === true) };
  const fresh = plan.freshValidation;
  if (!fresh || fresh.rows <= 0 || stateful || experiment.epochs) return null;
  const every = plan.totalSamples / Math.max(1, fresh.checks);
  let next = every;
  return {
    batches: [experiment.sampleBatch(values, rng, fresh.rows)],
    fresh: true,
    due: (_batch, samplesSeen) => {
      if (samplesSeen < next - 1e-9 && samplesSeen < plan.totalSamples) return false;
      while (next <= samplesSeen + 1e-9) next += every;
      return true;
    },
  };
}

/**
 * The loss and metrics over validation batches, weighted by their rows. A stateful model is scored
 * from zero state and left at zero, so its next training batch starts where training left it (the
 * state is zero at every check: see validationOf); for a stateless model the resets do nothing.
 */
async function scoreValidation(model: TrainableModel, batches: readonly Batch[]): Promise<number[]> {
  model.resetStates();
  try {
    if (batches.length === 1 && batches[0]) return await model.evaluateBatch(batches[0]);
    const totals: number[] = [];
    let rows = 0;
    for (const batch of batches) {
      const weight = batch.xShape[0] ?? 1;
      const scores = await model.evaluateBatch(batch);
      scores.forEach((score, i) => (totals[i] = (totals[i] ?? 0) + score * weight));
      rows += weight;
      if (batch.resetStatesAfter) model.resetStates();
    }
    return totals.map((total) => total / Math.max(1, rows));
  } finally {
    model.resetStates();
  }
}

/** Keras' EarlyStopping on val_loss (min_delta 0, best weights not restored). */
export class EarlyStopping {
  private best = Number.POSITIVE_INFINITY;
  private bestAt = 0;
  private waited = 0;

  constructor(private readonly patience: number) {}

  /** Records a validation loss; true when training should stop. */
  stopAfter(loss: number, samplesSeen: number): boolean {
    if (loss < this.best) {
      this.best = loss;
      this.bestAt = samplesSeen;
      this.waited = 0;
      return false;
    }
    this.waited += 1;
    return this.waited >= this.patience;
  }

  explain(fresh: boolean): string {
    const checks = fresh ? 'validation checks' : 'epochs';
    const best = Number.isFinite(this.best) ? `its lowest, ${this.best.toPrecision(4)}, came after ${this.bestAt.toLocaleString('en')} samples` : 'it never had a finite value';
    return `Early stopping: the validation loss has not reached a new low for ${this.patience} ${checks}; ${best}. The model keeps its last weights, as Keras does by default.`;
  }
}

/**
 * Trains an experiment's model on its batches, then evaluates it. The caller
 * owns the returned model (for predictions) and must dispose it.
 */
export async function runExperiment(options: RunOptions): Promise<{ outcome: RunOutcome; model: TrainableModel }> {
  const { experiment, values, seed, hooks = {} } = options;
  const streams = createStreams(seed);
  const plan = experiment.plan(values);
  const spec = experiment.model(values);
  const model = await options.createModel(spec, plan.optimizer, streams.init);
  const stateful = isStateful(spec);
  const resetStates = () => model.resetStates();
  const validation = validationOf(experiment, values, plan, stateful, streams.validation);
  const metricNames = validation ? [...model.metricNames, ...model.metricNames.map((name) => `val_${name}`)] : model.metricNames;
  const noValidation = model.metricNames.map(() => Number.NaN);
  const stopper = plan.earlyStopping && validation ? new EarlyStopping(plan.earlyStopping.patience) : null;
  try {
    hooks.onStart?.({ metricNames, paramCount: model.paramCount, totalSamples: plan.totalSamples });
    let step = 0;
    let samplesSeen = 0;
    let lastValues: number[] = [];
    const snapshots = [...(experiment.snapshotsAt?.(values) ?? [])];
    let status: RunStatus = 'completed';
    let message: string | undefined;
    for (const batch of experiment.batches(values, streams)) {
      lastValues = await model.trainBatch(batch);
      if (batch.resetStatesAfter) model.resetStates();
      step += 1;
      samplesSeen += batch.samples ?? batch.xShape[0] ?? 0;
      let stopEarly = false;
      if (validation) {
        const scores = validation.due(batch, samplesSeen) ? await scoreValidation(model, validation.batches) : noValidation;
        hooks.onStep?.({ step, samplesSeen, values: [...lastValues, ...scores] });
        stopEarly = stopper !== null && scores !== noValidation && stopper.stopAfter(scores[0] ?? Number.NaN, samplesSeen);
      } else {
        hooks.onStep?.({ step, samplesSeen, values: lastValues });
      }
      const loss = lastValues[0] ?? Number.NaN;
      if (!Number.isFinite(loss)) {
        status = 'diverged';
        message =
          `The loss became ${String(loss)} at step ${step}: the weight updates blew up. ` +
          'Lower the learning rate (try a tenth of it), or clip the gradients (the Gradient clipping knob, e.g. 1), and train again.';
        break;
      }
      if (stopEarly && stopper && validation) {
        status = 'stopped';
        message = stopper.explain(validation.fresh);
        break;
      }
      // A stateful model's predictions would change the state the next batch continues from:
      // it is previewed only between sequences, and its state is zeroed again afterwards.
      const canPreview = !stateful || batch.resetStatesAfter === true;
      if (canPreview && (snapshots[0] ?? Infinity) <= samplesSeen) {
        // One snapshot for every point this batch passed.
        while ((snapshots[0] ?? Infinity) <= samplesSeen) snapshots.shift();
        hooks.onSnapshot?.(samplesSeen, await experiment.preview(values, model.predict, streams.snapshot, resetStates));
        resetStates();
      }
      if (canPreview && hooks.wantsPreview?.()) {
        hooks.onPreview?.(await experiment.preview(values, model.predict, streams.preview, resetStates));
        resetStates();
      }
      if (options.checkpoint && !(await options.checkpoint())) {
        status = 'stopped';
        message = `Stopped after ${samplesSeen.toLocaleString('en')} of ${plan.totalSamples.toLocaleString('en')} samples.`;
        break;
      }
    }
    const outcome: RunOutcome = { status, steps: step, samplesSeen, lastValues };
    if (message) outcome.message = message;
    if (status !== 'diverged') {
      resetStates();
      outcome.evaluation = await experiment.evaluate(values, model.predict, streams.evaluation, resetStates);
      resetStates();
      hooks.onPreview?.(await experiment.preview(values, model.predict, streams.result, resetStates));
      resetStates();
    }
    return { outcome, model };
  } catch (error) {
    model.dispose();
    throw error;
  }
}
