/** Reading typed numbers for predictors, with messages that say what is wrong. Pure, never throws. */
import { clip } from './params';

export interface NumberRules {
  /** Exactly this many numbers (when set). */
  count?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  /** What the numbers are, for messages ("values"). */
  noun?: string;
}

/** Numbers separated by spaces, commas or semicolons. */
export function parseNumbers(text: string, rules: NumberRules = {}): number[] | { error: string } {
  const noun = rules.noun ?? 'values';
  const tokens = text.split(/[\s,;]+/).filter((t) => t !== '');
  if (tokens.length === 0) return { error: `Type ${rules.count ?? 'some'} ${noun}, separated by spaces or commas.` };
  const numbers: number[] = [];
  for (const token of tokens) {
    const value = Number(token);
    if (!Number.isFinite(value)) return { error: `"${clip(token, 20)}" is not a number.` };
    if (rules.integer && !Number.isInteger(value)) return { error: `"${clip(token, 20)}" is not a whole number.` };
    if (rules.min !== undefined && value < rules.min) return { error: `${token} is below ${rules.min}: the ${noun} go from ${rules.min} to ${rules.max ?? '∞'}.` };
    if (rules.max !== undefined && value > rules.max) return { error: `${token} is above ${rules.max}: the ${noun} go from ${rules.min ?? '−∞'} to ${rules.max}.` };
    numbers.push(value);
  }
  if (rules.count !== undefined && numbers.length !== rules.count) return { error: `Type exactly ${rules.count} ${noun}; that was ${numbers.length}.` };
  return numbers;
}

/** A number for people: 4 significant digits, no exponent for ordinary sizes. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number(value.toPrecision(4)).toLocaleString('en', { maximumFractionDigits: 6 });
}

/** A probability as a percentage with one decimal. */
export function formatPercent(p: number): string {
  return `${(100 * p).toFixed(1)}%`;
}

/** A window of numbers as one batch row [1, steps, 1]. */
export function seriesInput(values: readonly number[]): { x: Float32Array; xShape: number[] } {
  return { x: Float32Array.from(values), xShape: [1, values.length, 1] };
}
