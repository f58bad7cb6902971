/**
 * Picking the date and value columns of a parsed CSV table and reading the series out of it,
 * with user-facing error messages. Pure; never throws.
 */
import { isSeparatedNumberCell, numberHint, parseNumberCell, quoteCell } from './cells';
import type { ColumnGuess, ColumnRef, SeriesResult, Table } from './table';

export interface SeriesColumns {
  /** The column of dates or labels (name or 0-based position); without one, points are labelled 1, 2, …. */
  dateColumn?: ColumnRef | undefined;
  /** The column of numbers (name or 0-based position). */
  valueColumn: ColumnRef;
}

const NO_NUMBERS =
  'No column of the file holds numbers. A series needs one column of plain numbers such as 589 or 20.7, with a dot for decimals and no thousands separators.';

const TIME_NAME = /\b(date|time|year|month|week|day|quarter|period|index|step)s?\b/i;

/**
 * Guesses which columns hold the dates and the values.
 * "Numbers" below includes numbers written with a thousands separator or a decimal comma
 * (1,234 or 20,7), which are not accepted as values but clearly meant as numbers.
 * - Date column: the first column that is filled in on more than half the rows and where fewer
 *   than half of the filled cells are numbers (dates like 1962-01, labels like 1-01); a blank
 *   cell in it is then reported by extractSeries. When no column is like that, the first column
 *   is the date column if every cell of it is a plain number, another column holds numbers too,
 *   and its name says so ("year", "month", …) or it counts up in whole numbers (1949, 1950, …).
 * - Value column: the first other column in which every row holds a plain number; failing that,
 *   the other column with the most numbers, if at least half its rows are numbers, so that
 *   extractSeries names the cell that is wrong and how to write it. Otherwise an error: no
 *   numeric column.
 */
export function guessColumns(table: Table): ColumnGuess {
  const rows = table.rows.length;
  const stats = table.columns.map((_, c) => {
    let numbers = 0;
    let separated = 0;
    let empty = 0;
    for (const row of table.rows) {
      const cell = row[c] ?? '';
      if (cell === '') empty++;
      else if (parseNumberCell(cell) !== undefined) numbers++;
      else if (isSeparatedNumberCell(cell)) separated++;
    }
    // Numbers written with a thousands separator or a decimal comma count as meant-to-be numbers:
    // such a column is not a date column, and may be the value column (extractSeries then says
    // how to write its numbers).
    return { c, numbers, numberish: numbers + separated, empty };
  });
  if (rows === 0) return { ok: false, error: NO_NUMBERS };

  const allNumeric = stats.filter((s) => s.numbers === rows).map((s) => s.c);
  const numberish = stats.filter((s) => s.numberish * 2 >= rows).map((s) => s.c);
  let dateColumn = stats.find((s) => s.empty * 2 < rows && s.numberish * 2 < rows - s.empty)?.c;
  if (dateColumn === undefined && allNumeric[0] === 0 && numberish.length >= 2 && looksLikeTime(table, 0)) {
    dateColumn = 0;
  }
  let valueColumn = allNumeric.find((c) => c !== dateColumn);
  if (valueColumn === undefined) {
    let best: { c: number; numberish: number } | undefined;
    for (const s of stats) {
      if (s.c === dateColumn || s.numberish === 0 || s.numberish * 2 < rows) continue;
      if (best === undefined || s.numberish > best.numberish) best = s;
    }
    valueColumn = best?.c;
  }
  if (valueColumn === undefined) return { ok: false, error: NO_NUMBERS };
  return { ok: true, dateColumn, valueColumn };
}

/** A numeric column that is a time axis: named like one, or counting up in whole numbers. */
function looksLikeTime(table: Table, c: number): boolean {
  if (TIME_NAME.test(table.columns[c] ?? '')) return true;
  let previous = -Infinity;
  for (const row of table.rows) {
    const value = parseNumberCell(row[c] ?? '');
    if (value === undefined || !Number.isInteger(value) || value <= previous) return false;
    previous = value;
  }
  return true;
}

/** Reads the series from the chosen columns; errors name the line of the file and the column. */
export function extractSeries(table: Table, columns: SeriesColumns): SeriesResult {
  try {
    return extract(table, columns);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return { ok: false, error: `The series could not be read from the file${detail}.` };
  }
}

function extract(table: Table, columns: SeriesColumns): SeriesResult {
  const value = resolveColumn(table, columns.valueColumn);
  if (!value.ok) return value;
  const date = columns.dateColumn === undefined ? undefined : resolveColumn(table, columns.dateColumn);
  if (date !== undefined && !date.ok) return date;
  const valueName = table.columns[value.index] ?? `Column ${value.index + 1}`;
  const dateName = date === undefined ? '' : (table.columns[date.index] ?? `Column ${date.index + 1}`);

  if (table.rows.length < 2) {
    return {
      ok: false,
      error: `The file has only ${table.rows.length} row${table.rows.length === 1 ? '' : 's'} of data. A series needs at least 2 rows, one date and value per line.`,
    };
  }
  const dates: string[] = [];
  const values: number[] = [];
  for (const [r, row] of table.rows.entries()) {
    const line = table.lines[r] ?? r + 1;
    const cell = row[value.index] ?? '';
    if (cell === '') {
      return { ok: false, error: `Line ${line} has no value in the "${valueName}" column. Fill in the missing value or delete the line.` };
    }
    const number = parseNumberCell(cell);
    if (number === undefined) {
      return {
        ok: false,
        error: `Line ${line}: ${quoteCell(cell)} in the "${valueName}" column is not a number. ${numberHint(cell)}`,
      };
    }
    values.push(number);
    if (date === undefined) {
      dates.push(String(r + 1));
    } else {
      const label = row[date.index] ?? '';
      if (label === '') {
        return { ok: false, error: `Line ${line} has no date in the "${dateName}" column. Fill in the date or delete the line.` };
      }
      dates.push(label);
    }
  }
  return { ok: true, series: { name: valueName, dates, values } };
}

type Resolved = { ok: true; index: number } | { ok: false; error: string };

/** A column by 0-based position, or by name (exactly, then ignoring case and surrounding spaces). */
function resolveColumn(table: Table, ref: ColumnRef): Resolved {
  const count = table.columns.length;
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0 && ref < count) return { ok: true, index: ref };
    return {
      ok: false,
      error: `There is no column number ${Number.isInteger(ref) ? ref + 1 : ref}: the file has ${count} column${count === 1 ? '' : 's'}. Pick one of ${listColumns(table)}.`,
    };
  }
  const exact = table.columns.indexOf(ref);
  if (exact !== -1) return { ok: true, index: exact };
  const wanted = ref.trim().toLowerCase();
  const loose = table.columns.findIndex((name) => name.trim().toLowerCase() === wanted);
  if (loose !== -1) return { ok: true, index: loose };
  return { ok: false, error: `There is no column named ${quoteCell(ref)}. Pick one of ${listColumns(table)}.` };
}

function listColumns(table: Table): string {
  const shown = table.columns.slice(0, 10).map((name) => quoteCell(name));
  const more = table.columns.length > 10 ? `, … (${table.columns.length} in all)` : '';
  return shown.length === 0 ? 'the columns (the file has none)' : `${shown.join(', ')}${more}`;
}
