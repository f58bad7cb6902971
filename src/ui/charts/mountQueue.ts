import { useEffect, useState } from 'react';

/**
 * Charts that appear together (a live view's three charts at a run's first preview) mount one
 * per task instead of all in one: recharts' first render of a chart is the page's most
 * expensive work, and several of them at once make a long task that stalls the page while the
 * model trains. Each waits its turn in this queue; later updates are not queued.
 */
const waiting: (() => void)[] = [];
let scheduled = false;

function pump(): void {
  scheduled = false;
  waiting.shift()?.();
  if (waiting.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(pump, 0);
}

/** False until this component's turn to mount its expensive part has come (a task after the ones queued before it). */
export function useTurnToMount(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let mounted = true;
    waiting.push(() => {
      if (mounted) setReady(true);
    });
    schedule();
    return () => {
      mounted = false;
    };
  }, []);
  return ready;
}
