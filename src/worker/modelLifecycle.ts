/**
 * The worker's side of the model life cycle: saves the current model as
 * files, loads checked files as the current model, predicts, and updates it
 * on fresh data with a before/after evaluation. Every failure is a
 * `modelError` reply; the current model stays as it was.
 */
import { chooseEngine } from '../engine/engines';
import { METADATA_VERSION, type ModelMetadata } from '../engine/modelFile/format';
import { validateModelFiles } from '../engine/modelFile/validate';
import { createRng, createStreams } from '../engine/random';
import { trainableWithWeights } from '../engine/restore';
import { saveModelFiles } from '../engine/tfjs/saveModel';
import type { RunStatus } from '../engine/train';
import type { TrainableModel } from '../engine/trainable';
import type { AnyExperiment, AnyParamValues, Evaluation } from '../experiments/types';
import { resolveValues } from '../experiments/values';
import type { ModelCommand, ModelReply } from './modelProtocol';
import type { ModelContext, SessionEnv } from './session';

export interface CurrentModel {
  model: TrainableModel;
  context: ModelContext;
}

/** The session's hold on its current model. */
export interface ModelHolder {
  current(): CurrentModel | null;
  /** Makes `next` the current model; the previous one is disposed. */
  replace(next: CurrentModel): void;
}

/** Update progress at most 20 times a second. */
const UPDATE_PROGRESS_MS = 50;

class CommandError extends Error {}

/** The knob that says how much to train: samples for generated data, epochs for fixed data sets. */
export function amountKey(experiment: AnyExperiment): 'samples' | 'epochs' | null {
  const params = experiment.params as Record<string, unknown>;
  if (Object.hasOwn(params, 'samples')) return 'samples';
  if (Object.hasOwn(params, 'epochs')) return 'epochs';
  return null;
}

async function evaluateOn(experiment: AnyExperiment, values: AnyParamValues, model: TrainableModel, evaluationKey: string): Promise<Evaluation> {
  const reset = () => model.resetStates();
  reset();
  try {
    return await experiment.evaluate(values, model.predict, createRng(evaluationKey), reset);
  } finally {
    reset();
  }
}

export class ModelLifecycle {
  private stopRequested = false;
  /** The weights and context of the model before the last update (for going back to it). */
  private beforeUpdate: { weights: Float32Array[]; context: ModelContext; updated: TrainableModel } | null = null;

  constructor(
    private readonly env: SessionEnv,
    private readonly holder: ModelHolder,
  ) {}

  /** Stops an update in progress at its next batch. */
  stop(): void {
    this.stopRequested = true;
  }

  /** Refuses a command while a run trains. */
  refuse(message: ModelCommand, why: string): void {
    this.env.post({ type: 'modelError', runId: message.runId, requestId: message.requestId, message: why });
  }

  async handle(message: ModelCommand): Promise<void> {
    try {
      switch (message.type) {
        case 'saveModel':
          return await this.save(message);
        case 'loadModel':
          return await this.load(message);
        case 'predict':
          return await this.predict(message);
        case 'updateModel':
          return await this.update(message);
        case 'stopUpdate':
          this.stop();
          return;
        case 'revertUpdate':
          return this.revert(message);
      }
    } catch (error) {
      const text = error instanceof CommandError ? error.message : `${error instanceof Error ? error.message : String(error)}`;
      this.env.post({ type: 'modelError', runId: message.runId, requestId: message.requestId, message: text });
    }
  }

  private currentFor(runId: number): CurrentModel {
    const current = this.holder.current();
    if (!current || current.context.runId !== runId) throw new CommandError('There is no trained model yet: train one, or load a saved one.');
    return current;
  }

  private post(reply: ModelReply): void {
    this.env.post(reply);
  }

  private async save(message: Extract<ModelCommand, { type: 'saveModel' }>): Promise<void> {
    const { model, context } = this.currentFor(message.runId);
    const metadata: ModelMetadata = {
      version: METADATA_VERSION,
      experimentId: context.experiment.id,
      params: context.values,
      seed: context.seed,
      samplesSeen: context.samplesSeen,
      metrics: context.evaluation?.metrics ?? {},
      savedAt: new Date().toISOString(),
    };
    const files = await saveModelFiles(context.spec, model.getWeights(), metadata);
    this.post({ type: 'modelSaved', runId: message.runId, requestId: message.requestId, ...files, metadata });
  }

  private async load(message: Extract<ModelCommand, { type: 'loadModel' }>): Promise<void> {
    const checked = validateModelFiles(message.modelJson, message.weightFiles, message.experimentId);
    if (!checked.ok) throw new CommandError(checked.problem);
    const { experiment, values, spec, weights, metadata } = checked.model;
    await this.env.selectBackend(message.backend === 'fused' ? 'auto' : message.backend);
    const { engine } = chooseEngine(message.backend, spec);
    const model = trainableWithWeights(engine, spec, experiment.plan(values).optimizer, weights);
    let evaluation: Evaluation;
    try {
      evaluation = await evaluateOn(experiment, values, model, `lstm-playground/${metadata.seed}/evaluation`);
    } catch (error) {
      model.dispose();
      throw error;
    }
    this.holder.replace({
      model,
      context: { runId: message.runId, experiment, values, spec, samplesSeen: metadata.samplesSeen, seed: metadata.seed, engine, evaluation },
    });
    this.post({
      type: 'modelLoaded',
      runId: message.runId,
      requestId: message.requestId,
      experimentId: experiment.id,
      values,
      seed: metadata.seed,
      samplesSeen: metadata.samplesSeen,
      evaluation,
      engine,
      paramCount: model.paramCount,
    });
  }

  private async predict(message: Extract<ModelCommand, { type: 'predict' }>): Promise<void> {
    const { model, context } = this.currentFor(message.runId);
    const { inputShape, batchSize } = context.spec;
    const [rows = 0, ...sample] = message.xShape;
    const size = message.xShape.reduce((a, b) => a * b, 1);
    if (sample.length !== inputShape.length || sample.some((d, i) => d !== inputShape[i]) || size !== message.x.length || rows < 1) {
      throw new CommandError(`The input has shape [${message.xShape.join(', ')}]; the model reads [rows, ${inputShape.join(', ')}].`);
    }
    if (batchSize !== undefined && rows !== batchSize) throw new CommandError(`This stateful model reads exactly ${batchSize} rows at a time.`);
    if (message.resetStates) model.resetStates();
    const y = await model.predict(message.x, message.xShape);
    this.post({ type: 'prediction', runId: message.runId, requestId: message.requestId, y: Float32Array.from(y) });
  }

  private revert(message: Extract<ModelCommand, { type: 'revertUpdate' }>): void {
    const { model: current } = this.currentFor(message.runId);
    const before = this.beforeUpdate;
    // Only while the updated model is still the current one (no run, load or other update since).
    if (!before || before.updated !== current) throw new CommandError('There is no update to undo.');
    const { experiment, values, engine, spec } = before.context;
    const model = trainableWithWeights(engine, spec, experiment.plan(values).optimizer, before.weights);
    this.holder.replace({ model, context: before.context });
    this.beforeUpdate = null;
    this.post({ type: 'modelReverted', runId: message.runId, requestId: message.requestId, samplesSeen: before.context.samplesSeen });
  }

  private async update(message: Extract<ModelCommand, { type: 'updateModel' }>): Promise<void> {
    const { env } = this;
    const { model, context } = this.currentFor(message.runId);
    const { experiment } = context;
    const key = amountKey(experiment);
    if (!key) throw new CommandError(`${experiment.title} has no knob for the amount of training.`);
    const wanted: AnyParamValues = { ...context.values, [key]: message.amount };
    if (message.learningRate !== null) wanted.lr = message.learningRate;
    const { values, warnings } = resolveValues(experiment, wanted);
    if (warnings.length) throw new CommandError(warnings.join(' '));
    const plan = experiment.plan(values);
    const evaluationKey = `lstm-playground/update/${message.seed}/evaluation`;
    const before = await evaluateOn(experiment, context.values, model, evaluationKey);
    // The old model stays as it is until the update has finished: it trains a copy of its weights.
    const updated = trainableWithWeights(context.engine, context.spec, plan.optimizer, model.getWeights());
    this.stopRequested = false;
    let status: RunStatus = 'completed';
    let samplesSeen = 0;
    let loss = Number.NaN;
    let lastPost = -Infinity;
    try {
      for (const batch of experiment.batches(values, createStreams(message.seed))) {
        loss = (await updated.trainBatch(batch))[0] ?? Number.NaN;
        if (batch.resetStatesAfter) updated.resetStates();
        samplesSeen += batch.samples ?? batch.xShape[0] ?? 0;
        if (!Number.isFinite(loss)) {
          status = 'diverged';
          break;
        }
        if (env.now() - lastPost >= UPDATE_PROGRESS_MS) {
          lastPost = env.now();
          this.post({ type: 'updateProgress', runId: message.runId, requestId: message.requestId, samplesSeen, totalSamples: plan.totalSamples, loss });
        }
        await env.yieldToQueue();
        if (this.stopRequested) {
          status = 'stopped';
          break;
        }
      }
      const after = await evaluateOn(experiment, context.values, updated, evaluationKey);
      const reply: ModelReply = {
        type: 'modelUpdated',
        runId: message.runId,
        requestId: message.requestId,
        status,
        samplesSeen,
        totalSamples: plan.totalSamples,
        learningRate: plan.optimizer.learningRate,
        before,
        after,
      };
      if (status === 'diverged') {
        updated.dispose();
        reply.message = `The loss became ${String(loss)} during the update: the old model is kept. Try a lower learning rate.`;
      } else {
        const previous = { weights: model.getWeights(), context, updated };
        this.holder.replace({ model: updated, context: { ...context, samplesSeen: context.samplesSeen + samplesSeen, evaluation: after } });
        this.beforeUpdate = previous;
        if (status === 'stopped') reply.message = `Stopped after ${samplesSeen.toLocaleString('en')} of ${plan.totalSamples.toLocaleString('en')} samples; the model trained so far is kept.`;
      }
      this.post(reply);
    } catch (error) {
      if (this.holder.current()?.model !== updated) updated.dispose();
      throw error;
    }
  }
}
