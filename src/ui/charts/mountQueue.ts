import { startTransition, useEffect, useState } from 'react';

/**
 * Charts that appear together (a live view's three charts at a run's first preview) mount one
 * per task instead of all in one: recharts' first render of a chart is the page's most
 * expensive work, and several of them at once make a long task that stalls the page while the
 * model trains. Each waits its turn in this queue, and the next turn comes a frame after the
 * previous chart has been committed (React would otherwise batch charts whose turns came in
 * quick succession into one render). Later updates are not queued.
 */
interface Turn {
  /** Called when this chart may mount. */
  start(): void;
  /** Whether it holds the turn (given it, not yet mounted or gone). */
  holding: boolean;
}

const waiting: Turn[] = [];
let current: Turn | null = null;
let scheduled = false;

function pump(): void {
  scheduled = false;
  if (current) return;
  const next = waiting.shift();
  if (!next) return;
  current = next;
  next.holding = true;
  next.start();
}

/**
 * The next turn comes in a task after the next frame: a recharts chart passes its settings to its
 * store as it mounts, and the store redraws its parts at the next animation frame; charts mounted
 * within one frame would all redraw in that frame's one task.
 */
function schedule(): void {
  if (scheduled || current || waiting.length === 0) return;
  scheduled = true;
  if (typeof requestAnimationFrame === 'function' && !document.hidden) requestAnimationFrame(() => setTimeout(pump, 0));
  else setTimeout(pump, 0);
}

/** The holder is done (mounted, or gone): the next chart's turn comes in a later task. */
function release(turn: Turn): void {
  if (!turn.holding) return;
  turn.holding = false;
  if (current === turn) current = null;
  schedule();
}

/**
 * How many of `count` stages of this component's expensive part may be mounted: 0 until its first
 * turn has come, then one more per turn. Each stage waits for a turn of its own after the previous
 * one has been committed, so a chart mounted in parts (its shell, then its axes, then its grid)
 * spreads over several tasks.
 */
export function useMountStages(count: number): number {
  const [stage, setStage] = useState(0);
  // A transition: React renders each stage in slices that yield to the page, not in one task.
  const [turn] = useState<Turn>(() => ({ start: () => startTransition(() => setStage((s) => s + 1)), holding: false }));
  useEffect(() => {
    return () => {
      const index = waiting.indexOf(turn);
      if (index >= 0) waiting.splice(index, 1);
      release(turn);
    };
  }, [turn]);
  // Committed (or first rendered): pass the turn on, and queue for the next stage if any is left.
  useEffect(() => {
    release(turn);
    if (stage < count && !waiting.includes(turn)) {
      waiting.push(turn);
      schedule();
    }
  }, [stage, count, turn]);
  return stage;
}
