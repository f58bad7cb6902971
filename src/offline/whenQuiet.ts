/**
 * Runs a callback once the page has been quiet — no source busy — for a while. The service worker's
 * first install waits for this: it downloads and stores every file of the build (the training
 * worker's TF.js chunk, the WebAssembly binaries, every view and CSV). On two cores that work,
 * landing as a first run starts, took the CPU the page and the training worker needed: tasks of
 * 50–110 ms on the page, and a slower run. Offline use can wait a few seconds; a run cannot.
 */

/** Something that keeps the page busy while it works: a training run, a batch of repeat runs. */
export interface QuietSource {
  busy(): boolean;
  /** Calls the listener whenever busy() may have changed; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface QuietTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const globalTimers: QuietTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * Calls `callback` once, after no source has been busy for `quietMs` in a row; a source turning
 * busy in the meantime starts the wait over once it is quiet again. Returns a function that
 * cancels the wait.
 */
export function whenQuiet(sources: readonly QuietSource[], quietMs: number, callback: () => void, timers: QuietTimers = globalTimers): () => void {
  let timer: unknown = null;
  let finished = false;
  const unsubscribes: (() => void)[] = [];

  const stopWaiting = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  const finish = () => {
    finished = true;
    stopWaiting();
    for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
  };
  const check = () => {
    if (finished) return;
    if (sources.some((source) => source.busy())) {
      stopWaiting();
      return;
    }
    timer ??= timers.setTimeout(() => {
      timer = null;
      if (finished || sources.some((source) => source.busy())) return;
      finish();
      callback();
    }, quietMs);
  };

  for (const source of sources) unsubscribes.push(source.subscribe(check));
  check();
  return finish;
}
