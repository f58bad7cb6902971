/**
 * The real series shipped with the site, in public/data/ (provenance in public/data/README.md).
 * Only the catalogue lives here; the page fetches the CSV file and reads it with csv.ts, so a
 * bundled series goes through the same parsing as an uploaded one.
 */

export type BundledSeriesId = 'milk' | 'airline' | 'shampoo' | 'temperatures';

export interface BundledSeries {
  id: BundledSeriesId;
  label: string;
  /** The CSV file, relative to the site root (resolve it against the page's base URL). */
  file: string;
  /** The unit of the values, for axis labels and RMSE read-outs. */
  units: string;
  frequency: 'monthly' | 'daily';
  dateColumn: string;
  valueColumn: string;
  /** Data rows in the file (without the header line). */
  rows: number;
  firstDate: string;
  lastDate: string;
  /** Where the data comes from, to show beside the chart. */
  credit: string;
  /** Something to know when reading the data. */
  note?: string;
}

const TSDL = "R. J. Hyndman's Time Series Data Library";

export const BUNDLED_SERIES: readonly BundledSeries[] = [
  {
    id: 'milk',
    label: 'Monthly milk production',
    file: 'data/monthly-milk-production.csv',
    units: 'pounds per cow',
    frequency: 'monthly',
    dateColumn: 'date',
    valueColumn: 'value',
    rows: 168,
    firstDate: '1962-01',
    lastDate: '1975-12',
    credit: `Monthly milk production, pounds per cow, Jan 1962 – Dec 1975. Cryer (1986), Time Series Analysis, Duxbury Press, via ${TSDL} (DataMarket set 22ox); CSV copy from github.com/kushalsharma/keras-lstm.`,
  },
  {
    id: 'airline',
    label: 'International airline passengers',
    file: 'data/airline-passengers.csv',
    units: 'thousands of passengers',
    frequency: 'monthly',
    dateColumn: 'date',
    valueColumn: 'value',
    rows: 144,
    firstDate: '1949-01',
    lastDate: '1960-12',
    credit: `International airline passengers, monthly totals in thousands, Jan 1949 – Dec 1960 (Box–Jenkins "Series G"). Box & Jenkins (1976), Time Series Analysis: Forecasting and Control, via ${TSDL}; CSV copy from github.com/jbrownlee/Datasets.`,
  },
  {
    id: 'shampoo',
    label: 'Shampoo sales',
    file: 'data/shampoo.csv',
    units: 'sales',
    frequency: 'monthly',
    dateColumn: 'date',
    valueColumn: 'value',
    rows: 36,
    firstDate: '1-01',
    lastDate: '3-12',
    credit: `Monthly sales of shampoo over three years. Makridakis, Wheelwright & Hyndman (1998), Forecasting: Methods and Applications, 3rd ed., Wiley, via ${TSDL}; CSV copy from github.com/jbrownlee/Datasets.`,
    note: 'Dates are year-month within three unnamed years: 1-01 is year 1, January (not 2001). The source does not state the unit of the sales.',
  },
  {
    id: 'temperatures',
    label: 'Daily minimum temperature, Melbourne',
    file: 'data/daily-min-temperatures.csv',
    units: '°C',
    frequency: 'daily',
    dateColumn: 'date',
    valueColumn: 'value',
    rows: 3650,
    firstDate: '1981-01-01',
    lastDate: '1990-12-31',
    credit: `Daily minimum temperatures in Melbourne, Australia, 1981–1990. Australian Bureau of Meteorology, via ${TSDL}; CSV copy from github.com/jbrownlee/Datasets.`,
    note: '1984-12-31 and 1988-12-31 are missing from the source, so the file has 3650 rows rather than 3652.',
  },
];

/** The series the experiment opens with (the reference run uses it). */
export const DEFAULT_BUNDLED_SERIES: BundledSeriesId = 'milk';

export function bundledSeries(id: string): BundledSeries | undefined {
  return BUNDLED_SERIES.find((series) => series.id === id);
}
