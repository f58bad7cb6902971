/**
 * A run's curves as CSV: one row per training step — step, samples seen, then every metric
 * (validation included, empty where it was not scored). Written with Papa Parse. Pure.
 */
import Papa from 'papaparse';
import type { RunResults } from './runResults';

export function metricsCsv(results: Pick<RunResults, 'curves'>): string {
  const { metricNames, samples, values } = results.curves;
  const fields = ['step', 'samples_seen', ...metricNames];
  const data = Array.from(samples, (seen, i) => [i + 1, seen, ...values.map((column) => {
    const value = column[i];
    return value === undefined || !Number.isFinite(value) ? '' : value;
  })]);
  const text = Papa.unparse({ fields, data }, { newline: '\n' });
  // A text file ends with a line break (Papa Parse adds none after the last row, one after a header alone).
  return text.endsWith('\n') ? text : `${text}\n`;
}
