/**
 * The page's main thread as the bench watches it: every long task (> 50 ms) and every animation
 * frame from the page's start, and what they show between two moments (e.g. from the click on
 * Train to the end of the run). Shared by the engine rows (browser.ts) and the smoothness rows
 * (smoothness.ts).
 */
import type { Page } from '@playwright/test';
import type {} from '../src/state/testHook';

declare global {
  interface Window {
    /** [start, duration] of each long task and the time of each frame, in ms. */
    __mainThread?: { longTasks: [number, number][]; frames: number[] };
  }
}

function record(): void {
  const watch = { longTasks: [] as [number, number][], frames: [] as number[] };
  window.__mainThread = watch;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) watch.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask' });
  const frame = (now: number) => {
    watch.frames.push(now);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Starts watching from the page's next navigation on. */
export async function watchMainThread(page: Page): Promise<void> {
  // tsx keeps function names with a helper the page lacks: without it the frame clock never ran.
  await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
  await page.addInitScript(record);
}

/** Waits until the form is usable (the Train button enabled). */
export async function waitForForm(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const button = document.querySelector<HTMLButtonElement>('[data-testid="train-button"]');
    return !!button && !button.disabled;
  });
}

/**
 * Where to press Train as a person does: the button's centre, found before the span measured
 * starts. A locator's click() checks the button first by running Playwright's own script in the
 * page (its selector engine, hit-target listeners), 12–27 ms of the main thread in one task that
 * traces counted as the page's.
 */
export async function trainButtonCentre(page: Page): Promise<{ x: number; y: number }> {
  const button = page.getByTestId('train-button');
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  if (!box) throw new Error('the Train button is not on the page');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export interface MainThreadSpan {
  /** [start from `from`, duration] of each long task that started in the span, ms (rounded). */
  longTasks: [number, number][];
  /** Of the gaps between frames that ended in the span, ms. */
  p95FrameGapMs: number;
  maxFrameGapMs: number;
}

/** What the main thread did between `from` and `to` (performance.now() times; `to` defaults to now). */
export function mainThreadBetween(page: Page, from: number, to = Number.POSITIVE_INFINITY): Promise<MainThreadSpan> {
  return page.evaluate(
    ([start, end]) => {
      const watch = window.__mainThread ?? { longTasks: [], frames: [] };
      const gaps: number[] = [];
      watch.frames.forEach((at, i) => {
        const before = watch.frames[i - 1];
        if (before !== undefined && at >= start && at <= end) gaps.push(at - before);
      });
      gaps.sort((a, b) => a - b);
      return {
        longTasks: watch.longTasks.filter(([at]) => at >= start && at <= end).map(([at, duration]) => [Math.round(at - start), Math.round(duration)] as [number, number]),
        p95FrameGapMs: gaps[Math.floor(gaps.length * 0.95)] ?? Number.NaN,
        maxFrameGapMs: gaps.at(-1) ?? Number.NaN,
      };
    },
    [from, to] as const,
  );
}

/** The engine the page's current run trains on, as the bench names it. */
export async function engineOf(page: Page): Promise<string> {
  const { engine, backend } = await page.evaluate(() => window.__playground?.engine() ?? { engine: null, backend: null });
  return engine === 'fused' ? 'fused CPU' : `TF.js ${backend ?? '?'}`;
}
