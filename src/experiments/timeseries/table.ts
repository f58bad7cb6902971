/** The shapes shared by the CSV reader (csv.ts) and the series extraction (series.ts). */

/** A parsed CSV file: the column names and the data rows, all cells as trimmed text. */
export interface Table {
  /** One name per column: the header cell, or "Column 1", "Column 2", … when there is no header (or a header cell is blank). */
  columns: string[];
  /** The data rows (no header, no blank lines, no footer), each exactly `columns.length` cells long. */
  rows: string[][];
  /** The 1-based line of the file on which each row starts, for error messages (`lines[i]` goes with `rows[i]`). */
  lines: number[];
  /** Whether the first line was taken as a header line. */
  hasHeader: boolean;
  /** Lines after the data that were left out as a footer (a title or source line), to show the user. */
  ignored: { line: number; text: string }[];
}

/** A column given by its name (as in the header) or by its 0-based position. */
export type ColumnRef = string | number;

/** A numeric series read from a table, oldest first. */
export interface Series {
  /** The name of the value column. */
  name: string;
  /** The label of each point: the date column's text, or "1", "2", … when there is no date column. */
  dates: string[];
  values: number[];
}

export type TableResult = { ok: true; table: Table } | { ok: false; error: string };
export type SeriesResult = { ok: true; series: Series } | { ok: false; error: string };
/** Column positions (0-based) picked by guessColumns. */
export type ColumnGuess = { ok: true; dateColumn: number | undefined; valueColumn: number } | { ok: false; error: string };
