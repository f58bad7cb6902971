import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { setValue } from '../../state/actions';
import { formatCount } from '../../ui/format';
import type { AnyParamValues } from '../types';
import { bundledSeries } from './bundled';
import { DEFAULT_MAX_BYTES, parseTable } from './csv';
import { framedSeries, readSeries } from './data';
import { seriesName, type TimeSeriesValues } from './experiment';

const FIRST_ROWS = 5;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Checks a CSV text as the experiment will read it; puts it in the settings only when it reads. */
function applyCsv(text: string): string | null {
  const read = readSeries({ csv: text, dateCol: '', valueCol: '' });
  if (!read.ok) return read.error;
  setValue('dateCol', '');
  setValue('valueCol', '');
  setValue('csv', text);
  return null;
}

function ColumnSelect({ label, value, columns, onChange }: { label: string; value: string; columns: readonly string[]; onChange(name: string): void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">guess</option>
        {columns.map((name, i) => (
          <option key={i} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Upload or paste your own CSV, pick its columns; see the framing the network receives. */
export function DataSourcePanel({ values: raw }: { values: AnyParamValues }) {
  const values = raw as TimeSeriesValues;
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const bundled = values.series === 'custom' ? undefined : bundledSeries(values.series);
  const table = useMemo(() => {
    const parsed = values.csv ? parseTable(values.csv) : null;
    return parsed?.ok ? parsed.table : null;
  }, [values.csv]);
  const framed = framedSeries(values);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > DEFAULT_MAX_BYTES) {
      setError(`${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(DEFAULT_MAX_BYTES)}. Use a shorter series or keep only the date and value columns.`);
      return;
    }
    try {
      setError(applyCsv(await file.text()));
    } catch {
      setError(`${file.name} could not be read as text.`);
    }
  };

  return (
    <section className="panel data-source" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Data source</h2>
      {bundled ? (
        <p className="small">
          {bundled.label}, {bundled.firstDate} to {bundled.lastDate} ({formatCount(bundled.rows)} values, {bundled.units}). {bundled.credit}{' '}
          <a href={`${import.meta.env.BASE_URL}${bundled.file}`} download>
            Download the CSV
          </a>
          {bundled.note && <span className="muted"> {bundled.note}</span>}
        </p>
      ) : (
        <>
          <p className="small">
            A CSV with a column of numbers (and optionally one of dates), up to {formatBytes(DEFAULT_MAX_BYTES)}. It stays in this page:
            it is never uploaded anywhere, and never part of a link.
          </p>
          <label className="file-label">
            Upload a CSV file <input type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => void onFile(e)} />
          </label>
          <label htmlFor={`${id}-paste`}>…or paste it</label>
          <textarea id={`${id}-paste`} rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder={'date,value\n2024-01,112\n2024-02,118'} spellCheck={false} />
          <button type="button" disabled={pasted.trim() === ''} onClick={() => setError(applyCsv(pasted))}>
            Use the pasted data
          </button>
        </>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="data-error">
          {error}
        </p>
      )}
      {values.series === 'custom' && table && (
        <div className="column-pickers">
          <ColumnSelect label="Value column" value={values.valueCol} columns={table.columns} onChange={(name) => setValue('valueCol', name)} />
          <ColumnSelect label="Date column" value={values.dateCol} columns={table.columns} onChange={(name) => setValue('dateCol', name)} />
        </div>
      )}
      {framed.ok ? (
        <div className="framing" data-testid="framing">
          <p className="small">
            {seriesName(values, framed.series.name)}: {formatCount(framed.series.values.length)} values; train {formatCount(framed.split.trainSize)}, test{' '}
            {formatCount(framed.split.testSize)}. X train <code>({framed.train.length}, {values.lookBack}, 1)</code>, X test{' '}
            <code>({framed.test.length}, {values.lookBack}, 1)</code>; y one value each.
          </p>
          <div className="table-scroll" tabIndex={0} role="group" aria-label="First rows before and after scaling">
            <table className="repeat-stats">
              <caption>First rows, before and after scaling</caption>
              <thead>
                <tr>
                  <th scope="col">date</th>
                  <th scope="col">value</th>
                  <th scope="col">scaled</th>
                </tr>
              </thead>
              <tbody>
                {framed.series.values.slice(0, FIRST_ROWS).map((value, i) => (
                  <tr key={i}>
                    <th scope="row">{framed.series.dates[i]}</th>
                    <td>{value}</td>
                    <td>{framed.scaled[i]?.toFixed(4)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : (
        values.csv !== '' && <p className="field-error">{framed.error}</p>
      )}
    </section>
  );
}
