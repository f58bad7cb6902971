import type { RunRecord } from '../state/store';
import { BACKEND_LABELS } from '../worker/protocol';

/** The engine a run trains on, in words: "Fused CPU engine" or "TF.js on WebAssembly". */
export function engineLabel(run: RunRecord | null): string {
  if (!run) return 'not started';
  if (!run.engine || !run.backend) return 'choosing…';
  return run.engine === 'fused' ? BACKEND_LABELS.fused : `TF.js on ${BACKEND_LABELS[run.backend]}`;
}
