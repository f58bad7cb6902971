/**
 * A background tab, emulated. Pages driven by Playwright always count as visible foreground tabs,
 * whatever is brought to the front and even minimised (measured in this Chromium: bringToFront on
 * another page, a tab opened beside it, a minimised window and CDP focus emulation all leave
 * `document.visibilityState` "visible"). So the page is told it is hidden the way the browser
 * would tell it, and the browser's own treatment of a background tab is reproduced: the
 * visibility state and `visibilitychange`, no animation frames until it is visible again, and
 * timers run at most once a second. Messages from workers are delivered as usual, as in Chrome.
 */
import type { Page } from '@playwright/test';

interface BackgroundControl {
  setHidden(hidden: boolean): void;
  /** Animation frames requested while hidden, run when visible again. */
  heldFrames(): number;
}
type BackgroundWindow = Window & { __background?: BackgroundControl };

/** Installs the emulation in every document the page loads; the page starts visible. */
export async function emulateBackgroundTab(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const BACKGROUND_TIMER_MS = 1000;
    let hidden = false;
    const nativeTimeout = window.setTimeout.bind(window);
    const nativeInterval = window.setInterval.bind(window);
    const nativeFrame = window.requestAnimationFrame.bind(window);
    const nativeCancelFrame = window.cancelAnimationFrame.bind(window);
    const held = new Map<number, FrameRequestCallback>();
    let nextHeld = -1;

    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    const throttled = (delay: number | undefined) => (hidden ? Math.max(delay ?? 0, BACKGROUND_TIMER_MS) : delay);
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => nativeTimeout(handler, throttled(delay), ...args)) as typeof window.setTimeout;
    window.setInterval = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => nativeInterval(handler, throttled(delay), ...args)) as typeof window.setInterval;
    window.requestAnimationFrame = (callback) => {
      if (!hidden) return nativeFrame(callback);
      const id = nextHeld--;
      held.set(id, callback);
      return id;
    };
    window.cancelAnimationFrame = (id) => {
      if (held.delete(id)) return;
      nativeCancelFrame(id);
    };

    (window as BackgroundWindow).__background = {
      setHidden(value) {
        if (value === hidden) return;
        hidden = value;
        document.dispatchEvent(new Event('visibilitychange'));
        if (!hidden) {
          const callbacks = [...held.values()];
          held.clear();
          for (const callback of callbacks) nativeFrame(callback);
        }
      },
      heldFrames: () => held.size,
    };
  });
}

/** Sends the tab to the background (hidden) or brings it back; returns what the page then reports. */
export async function setHidden(page: Page, hidden: boolean): Promise<string> {
  return page.evaluate((value) => {
    const control = (window as BackgroundWindow).__background;
    if (!control) throw new Error('emulateBackgroundTab() was not installed before the page loaded');
    control.setHidden(value);
    return document.visibilityState;
  }, hidden);
}
