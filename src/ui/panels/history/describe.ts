/** A kept run in words, for the run history's list and comparison table. */
import type { HistoryRun } from '../../../state/history/record';
import { BACKEND_LABELS } from '../../../worker/protocol';
import { formatCount, formatDuration, formatMetric } from '../../format';

export function historyEngineLabel(run: Pick<HistoryRun, 'engine' | 'backend'>): string {
  if (run.engine === 'fused') return BACKEND_LABELS.fused;
  if (run.engine === null || run.backend === null) return 'no engine chosen yet';
  const backend = Object.hasOwn(BACKEND_LABELS, run.backend) ? BACKEND_LABELS[run.backend as keyof typeof BACKEND_LABELS] : run.backend;
  return `TF.js on ${backend}`;
}

/**
 * Built once: `toLocaleString` with options builds a new formatter on every call, a few
 * milliseconds each, and the history list formats a date per run as a run ends.
 */
let dateFormat: Intl.DateTimeFormat | undefined;

export function formatDate(ms: number): string {
  // format() throws on an invalid date, where toLocaleString wrote "Invalid Date".
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return 'unknown date';
  dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return dateFormat.format(new Date(ms));
}

export function finalLoss(run: HistoryRun): number | undefined {
  return run.finalValues.find((value) => value.name === 'loss')?.value;
}

/** How the run ended, when it did not simply finish. */
export function endingOf(run: HistoryRun): string | null {
  switch (run.status) {
    case 'completed':
      return null;
    case 'stopped':
      return `stopped after ${formatCount(run.samplesSeen)} of ${formatCount(run.totalSamples)} samples`;
    case 'diverged':
      return 'the loss diverged';
    case 'interrupted':
      return `replaced by a new run after ${formatCount(run.samplesSeen)} of ${formatCount(run.totalSamples)} samples (not evaluated)`;
  }
}

/** The key results in one line: the first two evaluation metrics, the final loss, the time. */
export function keyResults(run: HistoryRun): string {
  const parts = run.metrics.slice(0, 2).map((metric) => `${metric.label} ${formatMetric(metric.value, metric.format)}`);
  const loss = finalLoss(run);
  if (loss !== undefined) parts.push(`loss ${formatMetric(loss, 'decimal')}`);
  parts.push(formatDuration(run.elapsedMs));
  return parts.join(' · ');
}
