/** Calls back once the page has loaded (at once if it has). */
export function afterLoad(callback: () => void): void {
  if (document.readyState === 'complete') callback();
  else window.addEventListener('load', callback, { once: true });
}

/**
 * Calls back when the main thread is idle (at the latest after `timeoutMs`; after a short delay
 * where the browser has no idle callbacks). Returns a function that cancels the call.
 */
export function whenIdle(callback: () => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 200);
  return () => clearTimeout(handle);
}

/** Calls back once the page has loaded and the main thread is idle (or after `timeoutMs`). */
export function afterLoadWhenIdle(callback: () => void, timeoutMs = 2000): void {
  afterLoad(() => void whenIdle(callback, timeoutMs));
}
