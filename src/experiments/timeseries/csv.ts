/**
 * Reading a CSV file (uploaded or pasted) into a table of text cells, with user-facing error
 * messages instead of exceptions. Pure: no DOM, runs in the page, the worker and Node.
 *
 * What it accepts:
 * - comma, semicolon, tab or pipe separators (guessed from the first 20 lines), quoted fields
 *   (with separators, quotes written "" and line breaks inside), LF, CRLF or CR line endings,
 *   a UTF-8 byte-order mark;
 * - an optional header line (see looksLikeHeader: `date,value` over `1962-01,589`); without
 *   one the columns are called "Column 1", "Column 2", …;
 * - blank lines anywhere (also lines of separators only, like `,`), which are skipped;
 * - a footer after the data, which is left out and listed in `table.ignored`: either a block of
 *   at most 3 lines after a blank line in which no cell is a number (the title/source lines of
 *   the DataMarket-style copies of these data sets, e.g. a `,` line and then "Monthly milk
 *   production: pounds per cow. Jan 62 ? Dec 75"), or a last line that is a single cell of
 *   several words that is not a number (the same title written straight after the data);
 * - trailing empty cells (`1962-01,589,`) beyond the header's columns.
 * Numbers are checked later, by series.ts (see cells.ts for the number format: no thousands
 * separators). Line numbers in messages are 1-based lines of the file as the user sees it.
 */
import Papa from 'papaparse';
import { isNumberCell } from './cells';
import type { Table, TableResult } from './table';

export type { ColumnGuess, ColumnRef, Series, SeriesResult, Table, TableResult } from './table';
export { extractSeries, guessColumns } from './series';

/** The default size limit for a CSV file: 2 MB (2 × 1024 × 1024 bytes of UTF-8). */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

export interface ParseOptions {
  /** The largest file accepted, in bytes of UTF-8 (default DEFAULT_MAX_BYTES). */
  maxBytes?: number;
}

/** A row of the file with the 1-based line it starts on. */
interface Row {
  cells: string[];
  line: number;
  /** A blank line comes between this row and the previous non-blank one. */
  afterBlank: boolean;
}

type ReadResult = { ok: true; rows: Row[]; delimiter: string } | { ok: false; error: string };

const MAX_FOOTER_LINES = 3;
const DELIMITERS = [',', ';', '\t', '|'];
/** How many non-blank lines the separator is guessed from. */
const DELIMITER_SAMPLE = 20;
/** How many lines after the first one are looked at to decide whether it is a header. */
const HEADER_SAMPLE = 20;

const EMPTY_FILE =
  'The file is empty: it has no values. Choose a CSV file with a header line and at least 2 rows, one date and value per line.';

/** Parses CSV text into a table of trimmed text cells; never throws. */
export function parseTable(text: string, options: ParseOptions = {}): TableResult {
  try {
    return parseTableOrThrow(text, options);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return { ok: false, error: `The file could not be read as CSV${detail}. Check that it is a plain-text CSV file.` };
  }
}

function parseTableOrThrow(text: string, options: ParseOptions): TableResult {
  const maxBytes =
    options.maxBytes !== undefined && Number.isFinite(options.maxBytes) && options.maxBytes > 0
      ? options.maxBytes
      : DEFAULT_MAX_BYTES;
  const bytes = utf8Length(text);
  if (bytes > maxBytes) {
    const [size, limit] = formatSizes(bytes, maxBytes);
    return {
      ok: false,
      error: `The file is ${size}, which is over the ${limit} limit. Use a smaller file: keep only the date and value columns, or fewer rows.`,
    };
  }
  const normalized = text.replace(/^\uFEFF+/, '').replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') return { ok: false, error: EMPTY_FILE };

  const read = readRows(normalized);
  if (!read.ok) return read;
  const rows = read.rows;
  if (rows.length === 0) return { ok: false, error: EMPTY_FILE };

  const ignored = dropFooter(rows);
  const first = rows[0];
  if (first === undefined) return { ok: false, error: EMPTY_FILE };
  const hasHeader = looksLikeHeader(first, rows.slice(1, 1 + HEADER_SAMPLE));
  const data = hasHeader ? rows.slice(1) : rows;

  const width = Math.max(filledLength(first.cells), hasHeader && data[0] ? filledLength(data[0].cells) : 0);
  for (const row of data) {
    const length = filledLength(row.cells);
    if (length > width) return { ok: false, error: tooManyCells(row.line, length, width, hasHeader, read.delimiter) };
  }
  if (data.length < 2) return { ok: false, error: tooFewRows(data.length, hasHeader) };

  const columns = Array.from({ length: width }, (_, c) => {
    const name = hasHeader ? (first.cells[c] ?? '') : '';
    return name === '' ? `Column ${c + 1}` : name;
  });
  const table: Table = {
    columns,
    rows: data.map((row) => Array.from({ length: width }, (_, c) => row.cells[c] ?? '')),
    lines: data.map((row) => row.line),
    hasHeader,
    ignored,
  };
  return { ok: true, table };
}

/** The non-blank rows of the text (line endings already LF), with trimmed cells; or a quoting error. */
function readRows(text: string): ReadResult {
  const delimiter = guessDelimiter(text);
  const rows: Row[] = [];
  let error: string | undefined;
  let cursor = 0;
  let line = 1;
  let blankBefore = false;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    skipEmptyLines: false,
    step: (result, parser) => {
      const rowLine = line;
      const end = Math.max(cursor, Math.min(result.meta.cursor, text.length));
      line += countNewlines(text, cursor, end);
      cursor = end;
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError !== undefined) {
        error = quoteMessage(rowLine, quoteError.code);
        parser.abort();
        return;
      }
      const cells = result.data.map((cell) => String(cell).trim());
      if (cells.every((cell) => cell === '')) {
        blankBefore = rows.length > 0;
        return;
      }
      rows.push({ cells, line: rowLine, afterBlank: blankBefore });
      blankBefore = false;
    },
  });
  if (error !== undefined) return { ok: false, error };
  return { ok: true, rows, delimiter };
}

/**
 * The separator that splits the first lines (blank ones skipped) most consistently into 2 or
 * more cells without quoting errors; a comma when none does (a one-column file). Papa Parse's own
 * guess is not used: a quoted header holding commas in a semicolon file (the DataMarket layout)
 * can make it pick the comma.
 */
function guessDelimiter(text: string): string {
  let best = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const preview = Papa.parse<string[]>(text, { delimiter, newline: '\n', skipEmptyLines: 'greedy', preview: DELIMITER_SAMPLE });
    if (preview.errors.some((e) => e.type === 'Quotes')) continue;
    const widths = preview.data.map((row) => row.length);
    const width = mode(widths);
    if (width === undefined || width < 2) continue;
    const score = widths.filter((w) => w === width).length / widths.length;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** The most common value (the first of equally common ones), or undefined for no values. */
function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (best === undefined || count > (counts.get(best) ?? 0)) best = value;
  }
  return best;
}

/** Removes footer lines from the end of `rows` (see the file comment); returns them, in file order. */
function dropFooter(rows: Row[]): Table['ignored'] {
  const dropped: Row[] = [];
  const width = rows[0] ? filledLength(rows[0].cells) : 0;
  for (;;) {
    const blockStart = lastIndexWhere(rows, (row) => row.afterBlank);
    const block = blockStart > 0 ? rows.slice(blockStart) : [];
    if (block.length > 0 && block.length <= MAX_FOOTER_LINES && block.every((row) => !row.cells.some(isNumberCell))) {
      dropped.unshift(...rows.splice(blockStart));
      continue;
    }
    const last = rows[rows.length - 1];
    if (rows.length > 1 && width >= 2 && last !== undefined && isTitleLine(last)) {
      dropped.unshift(...rows.splice(rows.length - 1));
      continue;
    }
    break;
  }
  return dropped.map((row) => ({ line: row.line, text: row.cells.filter((cell) => cell !== '').join(' ') }));
}

/** A single non-empty cell of several words that is not a number: a title, not a data row. */
function isTitleLine(row: Row): boolean {
  const filled = row.cells.filter((cell) => cell !== '');
  const only = filled[0];
  return filled.length === 1 && only !== undefined && /\S\s+\S/.test(only) && !isNumberCell(only);
}

/**
 * The first row is a header when one of its cells is text while at least half the rows below
 * hold a number in that column, or when it is shorter than most rows below and holds text but no
 * number (a header whose separators are broken, like the curly quotes of `"Month”,”Production"`).
 * A lone row is a header when none of its cells is a number.
 */
function looksLikeHeader(first: Row, sample: Row[]): boolean {
  if (sample.length === 0) return !first.cells.some(isNumberCell);
  const textAbove = first.cells.some((cell, c) => {
    if (cell === '' || isNumberCell(cell)) return false;
    const numbers = sample.filter((row) => isNumberCell(row.cells[c] ?? '')).length;
    return numbers * 2 >= sample.length;
  });
  if (textAbove) return true;
  const width = mode(sample.map((row) => filledLength(row.cells))) ?? 0;
  return (
    filledLength(first.cells) < width &&
    !first.cells.some(isNumberCell) &&
    first.cells.some((cell) => /\p{L}/u.test(cell))
  );
}

/** The number of cells up to the last non-empty one (at least 1). */
function filledLength(cells: string[]): number {
  let length = cells.length;
  while (length > 1 && cells[length - 1] === '') length--;
  return length;
}

function lastIndexWhere<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && test(item)) return i;
  }
  return -1;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function quoteMessage(line: number, code: string): string {
  if (code === 'MissingQuotes') {
    return `Line ${line} opens a quote (") that is never closed. Add the closing quote or remove the opening one.`;
  }
  return `Line ${line} has a quote (") in the wrong place: a quoted cell must end with a quote just before the separator or the end of the line. Write a quote inside a quoted cell as two quotes (""), or remove it.`;
}

function tooManyCells(line: number, cells: number, width: number, hasHeader: boolean, delimiter: string): string {
  const against = hasHeader ? `the header line has ${width}` : `the first line has ${width}`;
  const hint =
    delimiter === ','
      ? ' A number written with a thousands separator, such as 1,234, splits into two cells: write it as 1234.'
      : ' Check the separators on that line.';
  return `Line ${line} has ${cells} cells, but ${against}.${hint}`;
}

function tooFewRows(rows: number, hasHeader: boolean): string {
  const need = 'A series needs at least 2 rows, one date and value per line.';
  if (rows === 0) return `The file has a header line but no rows of data. ${need}`;
  return `The file has only 1 row of data${hasHeader ? ' after the header line' : ''}. ${need}`;
}

/** The number of bytes `text` takes in UTF-8 (a lone surrogate counts as the 3 bytes of U+FFFD). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code < 0xe000;
}

/** A size and a limit as text, in MB (or KB, or bytes), exact when rounding would make them look equal. */
function formatSizes(bytes: number, limit: number): [string, string] {
  const size = formatBytes(bytes);
  const max = formatBytes(limit);
  return size === max ? [`${groupDigits(bytes)} bytes`, `${groupDigits(limit)} bytes`] : [size, max];
}

function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ];
  for (const [unit, name] of units) {
    if (bytes >= unit) return `${trimZeros((bytes / unit).toFixed(1))} ${name}`;
  }
  return `${groupDigits(bytes)} bytes`;
}

function trimZeros(fixed: string): string {
  return fixed.endsWith('.0') ? fixed.slice(0, -2) : fixed;
}

function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
