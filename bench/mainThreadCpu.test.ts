import { describe, expect, it } from 'vitest';
import { mainThreadCpu, type TraceEvent } from './mainThreadCpu';

const task = (ts: number, tdurMs: number, durMs: number, tid = 1, pid = 10): TraceEvent => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ts, dur: durMs * 1000, tdur: tdurMs * 1000, pid, tid });

describe('mainThreadCpu', () => {
  const events: TraceEvent[] = [
    { name: 'thread_name', ph: 'M', ts: 0, pid: 10, tid: 1, args: { name: 'CrRendererMain' } },
    { name: 'thread_name', ph: 'M', ts: 0, pid: 10, tid: 2, args: { name: 'DedicatedWorker thread' } },
    task(100, 40, 45), // before the mark: the page's start
    { name: 'bench-click', ph: 'R', ts: 1_000, pid: 10, tid: 1 },
    task(2_000, 4, 9),
    task(3_000, 18, 61), // a long task by the clock, 18 ms of work
    task(4_000, 12, 14),
    task(5_000, 90, 95, 2), // the worker's thread: not the page's main thread
    { name: 'Layout', ph: 'X', ts: 3_100, dur: 5_000, tdur: 5_000, pid: 10, tid: 1 }, // inside a task, not one
  ];

  it("sums the main thread's tasks from the mark on, and finds the one that took the most CPU", () => {
    expect(mainThreadCpu(events, 'bench-click')).toEqual({ tasks: 3, cpuMs: 34, longestCpuMs: 18, over10Ms: 2, longestWallMs: 61 });
  });

  it('reads every task of the main thread when the mark is missing', () => {
    expect(mainThreadCpu(events, 'no such mark')).toMatchObject({ tasks: 4, cpuMs: 74, longestCpuMs: 40, longestWallMs: 45 });
  });

  it('reads nothing from a trace without a named main thread', () => {
    expect(mainThreadCpu(events.slice(1), 'bench-click')).toEqual({ tasks: 0, cpuMs: 0, longestCpuMs: 0, over10Ms: 0, longestWallMs: 0 });
  });
});
