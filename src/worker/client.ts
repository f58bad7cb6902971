/**
 * The page's side of the training worker: spawns it, sends typed commands,
 * hands messages of the current run to a listener, and replaces the worker
 * when it crashes.
 */
import type { AnyParamValues } from '../experiments/types';
import type { InsideSettings } from '../engine/inspect/inside';
import type { BackendPreference, FromWorker, ToWorker } from './protocol';
import type { ModelCommand } from './modelProtocol';

export interface ClientListener {
  onMessage(message: FromWorker): void;
  /**
   * The worker died (uncaught error, out of memory). `restarted`: a fresh one is already in place;
   * false when workers keep dying as they start (MAX_CRASHES within CRASH_WINDOW_MS): the client
   * stops replacing them, and the next start tries once more.
   */
  onCrash(runId: number, message: string, restarted: boolean): void;
}

/** Workers that die this often are not replaced at once (a worker that cannot load would loop). */
export const MAX_CRASHES = 3;
export const CRASH_WINDOW_MS = 10_000;

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training' });

export class TrainingClient {
  private worker: Worker | null;
  private runId = 0;
  private crashes: number[] = [];

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

  /**
   * Readies the backend a run with this engine setting would use, before anyone presses Train.
   * Does nothing once workers have stopped being replaced: the next start tries again.
   */
  prepare(backend: BackendPreference): void {
    this.send({ type: 'prepare', backend });
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

  /** A model life-cycle command (save, load, predict, update) on the current run's model. */
  sendModel(command: ModelCommand): void {
    this.send(command);
  }

  /** Ends any run and frees its model; later messages of that run are dropped. */
  reset(): void {
    this.runId += 1;
    this.send({ type: 'reset', runId: this.runId });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private send(message: ToWorker): void {
    // After repeated crashes there is no worker until the user starts again.
    if (!this.worker) {
      if (message.type !== 'start') return;
      this.crashes = [];
      this.worker = this.spawn();
    }
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
    this.worker?.terminate();
    const crashedRun = this.runId;
    this.runId += 1;
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    const restart = this.crashes.length < MAX_CRASHES;
    this.worker = restart ? this.spawn() : null;
    this.listener.onCrash(crashedRun, reason, restart);
  }
}
