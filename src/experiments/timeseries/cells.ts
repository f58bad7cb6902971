/**
 * What counts as a number in a CSV cell, and how to say why a cell is not one.
 *
 * A number is written plainly: an optional sign, digits with an optional decimal point, and an
 * optional exponent (`589`, `-3.25`, `.5`, `1e3`), with spaces around it allowed. Thousands
 * separators are NOT accepted: "1,234" is 1234 in one convention and 1.234 in another (a
 * decimal comma), and reading it the wrong way silently scales the series by 1000. A cell like
 * that gets an error message that says how to write it instead.
 */

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The value of a cell written as a plain finite number, or undefined. */
export function parseNumberCell(cell: string): number | undefined {
  const text = cell.trim();
  if (!PLAIN_NUMBER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export function isNumberCell(cell: string): boolean {
  return parseNumberCell(cell) !== undefined;
}

/**
 * A number written with a comma, apostrophe or space inside (1,234 or 20,7 or 1 234 or
 * 1'234): meant as a number, but not accepted as one (see the top of this file).
 */
export function isSeparatedNumberCell(cell: string): boolean {
  const text = cell.trim();
  return /^[+-]?[\d.,\s']+$/.test(text) && /\d/.test(text) && /[,\s']/.test(text) && !PLAIN_NUMBER.test(text);
}

/** A cell's text quoted for a message, cut short if long. */
export function quoteCell(cell: string, max = 40): string {
  const flat = cell.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

/** The sentence telling the user how to fix a cell that should be a number but is not. */
export function numberHint(cell: string): string {
  const text = cell.trim();
  if (PLAIN_NUMBER.test(text)) return 'The number is too large; write a smaller one.';
  if (isSeparatedNumberCell(text)) {
    return 'Write numbers without thousands separators and with a dot for decimals, for example 1234.5 rather than 1,234.5.';
  }
  return 'Write it as a plain number such as 589 or 20.7, with no units or other symbols.';
}
