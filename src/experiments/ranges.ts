/** Range knobs (a smallest and a largest value) that must stay in order. */

/** When the smallest (`low`) is above the largest (`high`), both take the largest, and a note says so. */
export function orderedRange<V extends Record<string, unknown>>(values: V, low: keyof V & string, high: keyof V & string, what: { low: string; high: string }, notes: string[]): V {
  const lo = values[low];
  const hi = values[high];
  if (typeof lo !== 'number' || typeof hi !== 'number' || lo <= hi) return values;
  notes.push(`${what.low} ${lo} is above the ${what.high} ${hi}; using ${hi} for both.`);
  return { ...values, [low]: hi };
}
