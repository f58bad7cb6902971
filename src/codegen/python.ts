/** Python source text from TypeScript values: literals, names and indentation. Pure. */

export type PyValue = number | string | boolean | null | readonly PyValue[];

/** A Python literal: numbers as written (float("nan") and float("inf") for the others), JSON-escaped strings, True/False/None, lists. */
export function py(value: PyValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'float("nan")';
    if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : '-float("inf")';
    return String(value);
  }
  // A JSON string literal is a valid Python one: the same escapes (\" \\ \n \uXXXX).
  if (typeof value === 'string') return JSON.stringify(value);
  return `[${value.map(py).join(', ')}]`;
}

/** A Python float literal: 1 → "1.0", so a setting reads as the real number it is. */
export function pyFloat(value: number): string {
  const text = py(value);
  return Number.isInteger(value) && !/e/i.test(text) ? `${text}.0` : text;
}

/** A tuple literal: (5, 10), (1,). */
export function pyTuple(values: readonly number[]): string {
  return values.length === 1 ? `(${py(values[0] ?? 0)},)` : `(${values.map((v) => py(v)).join(', ')})`;
}

/** keyword=value arguments, skipping the absent ones. */
export function pyArgs(args: readonly (readonly [string, string | undefined])[]): string {
  return args
    .filter((arg): arg is readonly [string, string] => arg[1] !== undefined)
    .map(([name, value]) => (name === '' ? value : `${name}=${value}`))
    .join(', ');
}

/** camelCase → snake_case (hardSigmoid → hard_sigmoid, glorotUniform → glorot_uniform). */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** camelCase → UPPER_SNAKE_CASE, for a setting's constant (outIndex → OUT_INDEX). */
export function constantName(name: string): string {
  return snakeCase(name).toUpperCase();
}

/** Indents every non-empty line by `spaces`. */
export function indent(text: string, spaces = 4): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : pad + line))
    .join('\n');
}

/** Strips the common leading indentation of a template block and its first and last empty lines. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
  const widths = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const common = widths.length ? Math.min(...widths) : 0;
  return lines.map((line) => line.slice(common)).join('\n');
}
