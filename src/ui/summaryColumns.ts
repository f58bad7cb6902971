import type { Summary } from '../engine/stats';

/** The columns of a table of summaries (repeats, grid points), in reading order, with their short headings. */
export const SUMMARY_COLUMNS: readonly { key: keyof Summary; label: string }[] = [
  { key: 'count', label: 'n' },
  { key: 'mean', label: 'mean' },
  { key: 'std', label: 'sd' },
  { key: 'min', label: 'min' },
  { key: 'q1', label: 'Q1' },
  { key: 'median', label: 'median' },
  { key: 'q3', label: 'Q3' },
  { key: 'max', label: 'max' },
];
