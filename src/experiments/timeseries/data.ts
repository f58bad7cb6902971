/**
 * From the experiment's values to the framed series: the CSV text read into a series (bundled or
 * the user's own), split in time order, scaled on the train period and cut into lag windows.
 * Parsing a large file is not free and every method of the experiment needs the result, so the
 * last one is kept.
 */
import type { Batch } from '../types';
import { DEFAULT_MAX_BYTES, extractSeries, guessColumns, parseTable, type Series } from './csv';
import { frameForecast, type Framed, type Scaling, type Window } from './framing';

export interface SeriesSource {
  csv: string;
  dateCol: string;
  valueCol: string;
}

export type SeriesRead = { ok: true; series: Series } | { ok: false; error: string };

/** Reads the series out of a CSV text: the named columns, or the guessed ones when a name is empty. */
export function readSeries(source: SeriesSource): SeriesRead {
  if (source.csv.trim() === '') return { ok: false, error: 'No data yet.' };
  const parsed = parseTable(source.csv, { maxBytes: DEFAULT_MAX_BYTES });
  if (!parsed.ok) return parsed;
  const guess = guessColumns(parsed.table);
  if (!guess.ok && source.valueCol === '') return guess;
  const valueColumn = source.valueCol !== '' ? source.valueCol : guess.ok ? guess.valueColumn : 0;
  const dateColumn = source.dateCol !== '' ? source.dateCol : guess.ok ? guess.dateColumn : undefined;
  const series = extractSeries(parsed.table, { valueColumn, dateColumn });
  if (!series.ok) return series;
  if (series.series.values.length < 3) return { ok: false, error: `The series has ${series.series.values.length} values: at least 3 are needed.` };
  return series;
}

let lastSource: SeriesSource | null = null;
let lastRead: SeriesRead = { ok: false, error: 'No data yet.' };

/** readSeries with the last result kept (values objects change; the text rarely does). */
export function cachedSeries(source: SeriesSource): SeriesRead {
  if (!lastSource || lastSource.csv !== source.csv || lastSource.dateCol !== source.dateCol || lastSource.valueCol !== source.valueCol) {
    lastSource = { csv: source.csv, dateCol: source.dateCol, valueCol: source.valueCol };
    lastRead = readSeries(source);
  }
  return lastRead;
}

export interface FramingKnobs extends SeriesSource {
  lookBack: number;
  train: number;
  scale: Scaling;
}

export type FramedSeries = ({ ok: true; series: Series } & Framed) | { ok: false; error: string };

export function framedSeries(knobs: FramingKnobs): FramedSeries {
  const read = cachedSeries(knobs);
  if (!read.ok) return read;
  const framed = frameForecast(read.series.values, { lookBack: knobs.lookBack, trainFraction: knobs.train, scaling: knobs.scale });
  return framed.ok ? { ...framed, series: read.series } : framed;
}

/** Windows as a batch: X [rows, lookBack, 1] (the past values as timesteps), y [rows, 1]. */
export function encodeWindows(windows: readonly Window[], lookBack: number): Batch {
  const x = new Float32Array(windows.length * lookBack);
  const y = new Float32Array(windows.length);
  windows.forEach((window, r) => {
    x.set(window.inputs, r * lookBack);
    y[r] = window.target;
  });
  return { x, xShape: [windows.length, lookBack, 1], y, yShape: [windows.length, 1] };
}
