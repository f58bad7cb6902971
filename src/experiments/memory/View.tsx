import type { ViewProps } from '../views';
import type { MemoryPreview, MemoryStep } from './experiment';
import './memory.css';

const RESET_NOTES: Record<MemoryPreview['mode'], string> = {
  stateful: 'state reset',
  sequence: 'new sequence: state starts from zero',
  stateless: 'state reset (after every step)',
};

function percent(value: number): string {
  return `${(value * 100).toFixed(0)}%`;
}

function StepRow({ step, index, conflicting }: { step: MemoryStep; index: number; conflicting: boolean }) {
  const right = step.predicted === step.y;
  const confidence = step.outputs[step.predicted] ?? 0;
  return (
    <tr className={`${right ? 'memory-right' : 'memory-wrong'}${conflicting ? ' memory-conflict' : ''}`}>
      <th scope="row">{index + 1}</th>
      <td>{step.x}</td>
      <td>{step.y}</td>
      <td>
        <strong>{step.predicted}</strong> <span className="memory-confidence">({percent(confidence)})</span>
      </td>
      <td aria-label={right ? 'right' : 'wrong'}>{right ? '✓' : '✗'}</td>
    </tr>
  );
}

/** Per step of both sequences: the input, the target and the prediction, with the state resets between them. */
export function MemoryView({ preview }: ViewProps<MemoryPreview>) {
  const steps = preview.sequences.flat();
  const right = steps.filter((s) => s.predicted === s.y).length;
  return (
    <div className="memory-view">
      <table className="memory-table" aria-describedby="memory-caption">
        <caption id="memory-caption">
          Both sequences step by step: {right} of {steps.length} right. The last step of each (2→3 and 2→4) needs a memory of
          the first value.
        </caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">X</th>
            <th scope="col">y</th>
            <th scope="col">ŷ (output)</th>
            <th scope="col">
              <span className="visually-hidden">Right?</span>
            </th>
          </tr>
        </thead>
        {preview.sequences.map((sequence, s) => (
          <tbody key={s} data-testid={`memory-sequence-${s + 1}`}>
            <tr className="memory-reset">
              <td colSpan={5}>
                ⟲ {RESET_NOTES[preview.mode]} · sequence {s + 1}: {[sequence[0]?.x, ...sequence.map((step) => step.y)].join(' ')}
              </td>
            </tr>
            {sequence.map((step, index) => (
              <StepRow key={index} step={step} index={index} conflicting={index === sequence.length - 1} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
