import { ContinuationChart } from '../../ui/forecast/ContinuationChart';
import { describeContinuation } from '../../ui/forecast/describe';
import { HorizonErrorsView } from '../../ui/forecast/HorizonErrorsView';
import type { ViewProps } from '../views';
import { SHAPE_LABELS, type Shape, type SignalRow } from './data';
import type { SignalsPreview } from './experiment';

const fixed = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');

/** What was drawn for the signal shown, in words. */
function drawnText(shape: Shape, row: SignalRow): string {
  const amplitude = `amplitude ${row.amplitude.toFixed(2)}`;
  switch (shape) {
    case 'walk':
      return `${amplitude} over a time scale of ${row.period} steps`;
    case 'sinc':
      return `${amplitude}, period ${row.period} steps, peak at step ${row.shift.toFixed(1)}`;
    case 'sines':
      return `${amplitude}, periods ${row.period} and ${row.period2} steps`;
    default:
      return `${amplitude}, period ${row.period} steps`;
  }
}

/** A fresh signal: the end of its input, the truth, the open-loop and the closed-loop continuations, and the error by horizon. */
export function SignalsView({ preview }: ViewProps<SignalsPreview>) {
  const { shape, noise, row, continuation, errors } = preview;
  const steps = continuation.truth.length;
  const name = SHAPE_LABELS[shape] ?? shape;
  const noiseText = noise > 0 ? `, noise ${noise}` : '';
  return (
    <div className="signals-view">
      <p className="view-caption" data-testid="signals-caption">
        A fresh {name.toLowerCase()} ({drawnText(shape, row)}
        {noiseText}): the last {continuation.input.length} input values, then {steps} steps forecast two ways. Open loop:
        every forecast reads the true past. Closed loop: the network's own forecasts are appended to its input and it
        forecasts again.
      </p>
      <ContinuationChart view={continuation} description={`${name}: ${describeContinuation(continuation, fixed)}`} testId="signals-chart" />
      <HorizonErrorsView errors={errors} caption={errors.series === 1 ? 'on the signal shown' : `over ${errors.series} fresh signals, the first the one shown`} format={(v) => v.toFixed(3)} testId="signals-horizon" />
    </div>
  );
}
