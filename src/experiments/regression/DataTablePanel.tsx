import { useId } from 'react';
import { setValue } from '../../state/actions';
import type { AnyParamValues } from '../types';
import type { RegressionValues } from './experiment';
import { featuresOf, formatData, MAX_SAMPLES, outputsOf, parseData, PROBLEMS, timestepsOf, validationSplit } from './problems';

/** The data set of the current problem as an editable table; edits go into the settings (and the link). */
export function DataTablePanel({ values: raw }: { values: AnyParamValues }) {
  const values = raw as RegressionValues;
  const id = useId();
  const problem = PROBLEMS[values.problem];
  const edited = values.data ? parseData(values.data, problem) : null;
  const data = edited && typeof edited !== 'string' ? edited : { x: problem.x, y: problem.y };
  const steps = timestepsOf(problem);
  const features = featuresOf(problem);
  const outputs = outputsOf(problem);
  const { train } = validationSplit(data.x.length, values.val);
  const original = formatData(problem.x, problem.y);

  const commit = (x: number[][][], y: number[][]) => {
    const text = formatData(x, y);
    setValue('data', text === original ? '' : text);
  };
  const setCell = (row: number, column: number, value: number) => {
    if (!Number.isFinite(value)) return;
    const x = data.x.map((sample) => sample.map((step) => step.slice()));
    const y = data.y.map((targets) => targets.slice());
    if (column < steps * features) {
      const step = x[row]?.[Math.floor(column / features)];
      if (step) step[column % features] = value;
    } else {
      const targets = y[row];
      if (targets) targets[column - steps * features] = value;
    }
    commit(x, y);
  };
  const inputLabels = Array.from({ length: steps * features }, (_, c) => {
    const feature = features > 1 ? `x${(c % features) + 1}` : 'x';
    return steps > 1 ? `${feature} t${Math.floor(c / features) + 1}` : feature;
  });
  const outputLabels = Array.from({ length: outputs }, (_, o) => (outputs > 1 ? `y${o + 1}` : 'y'));

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Data set</h2>
      <p className="muted small">
        Problem {problem.id}: {data.x.length} samples. Edit any value; the last {data.x.length - train} (in italics) are held out for
        validation. Your edits are part of the link.
      </p>
      <div className="table-scroll data-table" tabIndex={0} role="group" aria-label={`Samples of problem ${problem.id}`}>
        <table className="repeat-stats">
          <thead>
            <tr>
              <th scope="col">#</th>
              {[...inputLabels, ...outputLabels].map((label) => (
                <th key={label} scope="col">
                  {label}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.x.map((sample, row) => {
              const cells = [...sample.flat(), ...(data.y[row] ?? [])];
              return (
                <tr key={row} className={row >= train ? 'regression-validation' : undefined}>
                  <th scope="row">{row + 1}</th>
                  {cells.map((value, column) => (
                    <td key={`${row}-${column}-${value}`}>
                      <input
                        type="number"
                        defaultValue={value}
                        aria-label={`Sample ${row + 1}, ${[...inputLabels, ...outputLabels][column] ?? ''}`}
                        onBlur={(e) => {
                          if (e.target.value !== String(value)) setCell(row, column, e.target.valueAsNumber);
                        }}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') e.currentTarget.blur();
                        }}
                      />
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      disabled={data.x.length <= 2}
                      aria-label={`Remove sample ${row + 1}`}
                      onClick={() => commit(data.x.filter((_, i) => i !== row), data.y.filter((_, i) => i !== row))}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="repeat-form">
        <button
          type="button"
          disabled={data.x.length >= MAX_SAMPLES}
          onClick={() => commit([...data.x, data.x.at(-1) ?? []], [...data.y, data.y.at(-1) ?? []])}
        >
          Add a sample
        </button>
        <button type="button" disabled={!values.data} onClick={() => setValue('data', '')}>
          Restore the tutorial’s data
        </button>
      </div>
    </section>
  );
}
