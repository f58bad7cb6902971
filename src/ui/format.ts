/** Number and time formatting for the page. */

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en');
}

export function formatMetric(value: number, format: 'percent' | 'decimal'): string {
  if (!Number.isFinite(value)) return String(value);
  if (format === 'percent') return `${(value * 100).toFixed(1).replace(/\.0$/, '')}%`;
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(4);
}

/** A compact number for axes and tables: 0.0123, 1.23k, 4.5M. */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toPrecision(3)}M`;
  if (abs >= 1e4) return `${(value / 1e3).toPrecision(3)}k`;
  if (abs >= 100 || Number.isInteger(value)) return String(Math.round(value));
  return value.toPrecision(3);
}

export const METRIC_LABELS: Record<string, string> = { loss: 'Loss', acc: 'Accuracy' };

/** Short axis ticks: at most about four characters. */
export function formatTick(value: number): string {
  if (!Number.isFinite(value)) return '';
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  // Three significant digits without trailing zeros: 20k, 2.5k, 12.5k (a tick at 12.5k must not read 13k).
  if (abs >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`;
  if (abs >= 1000) return `${Number((value / 1e3).toPrecision(3))}k`;
  if (abs >= 10) return String(Math.round(value));
  if (abs >= 0.01) return String(Number(value.toPrecision(2)));
  return value.toExponential(0);
}
