/** Calls back once the page has loaded (at once if it has). */
export function afterLoad(callback: () => void): void {
  if (document.readyState === 'complete') callback();
  else window.addEventListener('load', callback, { once: true });
}

/** Calls back once the page has loaded and the main thread is idle (or after `timeoutMs`). */
export function afterLoadWhenIdle(callback: () => void, timeoutMs = 2000): void {
  afterLoad(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: timeoutMs });
    else setTimeout(callback, 200);
  });
}
