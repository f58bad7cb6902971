/**
 * The page's main-thread tasks by the CPU time they took, read from a Chromium trace. A long task
 * (> 50 ms) is wall-clock time: on two cores, with the training worker busy on one, a task also
 * waits whenever the other core runs something else (V8 compiling in the background, raster
 * threads, the browser), and traces here showed tasks of 15–25 ms of CPU take 35–70 ms. The CPU
 * time says how much work the page itself gave the main thread, whatever else the machine did.
 */

/** The trace's fields this reads (Chrome's JSON trace event format). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: unknown };
}

/** The trace categories it needs: tasks, thread names and the user-timing mark that starts the span. */
export const CPU_TRACE_CATEGORIES = ['toplevel', '__metadata', 'blink.user_timing'];

export interface MainThreadCpu {
  /** Tasks of the page's main thread from the mark on. */
  tasks: number;
  /** Their CPU time, ms. */
  cpuMs: number;
  /** The most CPU one task took, ms. */
  longestCpuMs: number;
  /** Tasks that took more than 10 ms of CPU. */
  over10Ms: number;
  /** The wall-clock duration of the task that took the most CPU, ms. */
  longestWallMs: number;
}

/**
 * Reads the renderer main threads' tasks that start at or after the user-timing mark `mark` (all
 * of them when the mark is missing). Tasks are the scheduler's top-level RunTask events; their
 * `tdur` is thread (CPU) time, `dur` wall time, both in microseconds.
 */
export function mainThreadCpu(events: readonly TraceEvent[], mark: string): MainThreadCpu {
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const from = events.find((e) => e.name === mark)?.ts ?? Number.NEGATIVE_INFINITY;
  let tasks = 0;
  let cpu = 0;
  let longest = 0;
  let longestWall = 0;
  let over10 = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || e.ts < from || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const ms = (e.tdur ?? 0) / 1000;
    tasks++;
    cpu += ms;
    if (ms > 10) over10++;
    if (ms > longest) {
      longest = ms;
      longestWall = (e.dur ?? 0) / 1000;
    }
  }
  return { tasks, cpuMs: cpu, longestCpuMs: longest, over10Ms: over10, longestWallMs: longestWall };
}
