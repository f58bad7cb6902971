import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenQuiet, type QuietSource } from './whenQuiet';

/** A source whose busy state the test sets, telling its subscribers as a store would. */
function source(initiallyBusy = false): QuietSource & { set(busy: boolean): void; listeners: number } {
  let busy = initiallyBusy;
  const listeners = new Set<() => void>();
  return {
    busy: () => busy,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      busy = next;
      for (const listener of [...listeners]) listener();
    },
    get listeners() {
      return listeners.size;
    },
  };
}

describe('whenQuiet', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('calls back once the sources have been quiet for the whole wait', () => {
    const run = source();
    const callback = vi.fn();
    whenQuiet([run], 1000, callback);
    vi.advanceTimersByTime(999);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledTimes(1);
    // Done: it lets go of its sources and never calls again.
    expect(run.listeners).toBe(0);
    run.set(true);
    run.set(false);
    vi.advanceTimersByTime(5000);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('waits while any source is busy, and starts the wait over when it turns quiet', () => {
    const run = source(true);
    const batch = source();
    const callback = vi.fn();
    whenQuiet([run, batch], 1000, callback);
    vi.advanceTimersByTime(10_000);
    expect(callback).not.toHaveBeenCalled();

    run.set(false);
    vi.advanceTimersByTime(600);
    batch.set(true); // a batch of repeat runs starts before the wait is over
    vi.advanceTimersByTime(10_000);
    expect(callback).not.toHaveBeenCalled();

    batch.set(false);
    vi.advanceTimersByTime(999);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('a change that leaves the page quiet does not postpone the call', () => {
    const run = source();
    const callback = vi.fn();
    whenQuiet([run], 1000, callback);
    vi.advanceTimersByTime(500);
    run.set(false);
    vi.advanceTimersByTime(500);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('can be cancelled', () => {
    const run = source();
    const callback = vi.fn();
    const cancel = whenQuiet([run], 1000, callback);
    cancel();
    vi.advanceTimersByTime(5000);
    expect(callback).not.toHaveBeenCalled();
    expect(run.listeners).toBe(0);
  });
});
