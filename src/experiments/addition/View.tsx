import type { ViewProps } from '../views';
import type { AdditionPreview, AdditionRow } from './experiment';
import './addition.css';

/** The network's answer as shown: leading padding dropped, any other space made visible. */
function shownAnswer(predicted: string): string {
  const text = predicted.trimStart().replaceAll(' ', '␣');
  return text === '' ? '␣' : text;
}

function Row({ row }: { row: AdditionRow }) {
  return (
    <tr className={row.correct ? 'addition-row addition-ok' : 'addition-row addition-bad'}>
      <td className="addition-sum">
        {row.question} = {shownAnswer(row.predicted)}
        {!row.correct && <span className="addition-expect"> (expect {row.expected})</span>}
      </td>
      <td className="addition-mark">
        <span aria-hidden="true">{row.correct ? '✓ ' : '✗ '}</span>
        {row.correct ? 'right' : 'wrong'}
      </td>
    </tr>
  );
}

/** Fresh sums with the network's answers, wrong ones marked; the padded lengths the knobs imply. */
export function AdditionView({ preview }: ViewProps<AdditionPreview>) {
  const { rows, terms, largest, inLength, outLength } = preview;
  const right = rows.filter((row) => row.correct).length;
  return (
    <div className="addition-view">
      <p className="view-caption" data-testid="addition-lengths">
        {terms} numbers from 1 to {largest}: each question is padded to {inLength} characters, each answer to {outLength}{' '}
        (one-hot over 12 symbols: 0–9, + and space).
      </p>
      <table className="addition-table" data-testid="addition-rows">
        <caption>
          Fresh sums and the network&apos;s answers: {right} of {rows.length} right
        </caption>
        <thead>
          <tr>
            <th scope="col">Question = answer</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <Row key={index} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
