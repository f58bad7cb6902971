/**
 * The page's side of the training worker: spawns it, sends typed commands,
 * hands messages of the current run to a listener, and replaces the worker
 * when it crashes.
 */
import type { AnyParamValues } from '../experiments/types';
import type { InsideSettings } from '../engine/inspect/inside';
import type { BackendPreference, FromWorker, ToWorker } from './protocol';

export interface ClientListener {
  onMessage(message: FromWorker): void;
  /** The worker died (uncaught error, out of memory); a fresh one is already in place. */
  onCrash(runId: number, message: string): void;
}

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training' });

export class TrainingClient {
  private worker: Worker;
  private runId = 0;

  constructor(
    private readonly listener: ClientListener,
    private readonly factory: WorkerFactory = defaultFactory,
  ) {
    this.worker = this.spawn();
  }

  /** The id of the run whose messages are delivered. */
  get currentRunId(): number {
    return this.runId;
  }

  start(experimentId: string, params: AnyParamValues, seed: number, backend: BackendPreference, inspect: InsideSettings | null = null): number {
    this.runId += 1;
    this.send({ type: 'start', runId: this.runId, experimentId, params, seed, backend, inspect });
    return this.runId;
  }

  /** Starts, changes or stops looking inside the current run's model. */
  inspect(settings: InsideSettings | null): void {
    this.send({ type: 'inspect', runId: this.runId, settings });
  }

  pause(): void {
    this.send({ type: 'pause', runId: this.runId });
  }

  resume(): void {
    this.send({ type: 'resume', runId: this.runId });
  }

  stop(): void {
    this.send({ type: 'stop', runId: this.runId });
  }

  /** Ends any run and frees its model; later messages of that run are dropped. */
  reset(): void {
    this.runId += 1;
    this.send({ type: 'reset', runId: this.runId });
  }

  dispose(): void {
    this.worker.terminate();
  }

  private send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private spawn(): Worker {
    const worker = this.factory();
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      if (event.data.runId === this.runId) this.listener.onMessage(event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.replace(event.message || 'The training worker stopped unexpectedly.');
    };
    worker.onmessageerror = () => this.replace('A message from the training worker could not be read.');
    return worker;
  }

  private replace(reason: string): void {
    this.worker.terminate();
    const crashedRun = this.runId;
    this.runId += 1;
    this.worker = this.spawn();
    this.listener.onCrash(crashedRun, reason);
  }
}
