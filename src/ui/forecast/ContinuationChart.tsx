import { useMemo } from 'react';
import type { ContinuationView } from '../../experiments/closedLoop';
import { ChartLegend } from '../charts/ChartLegend';
import { extentOf, integerTicks, niceAxis } from '../charts/domain';
import type { ChartLine } from '../charts/LiveLines';
import { SeriesChart } from '../charts/SeriesChart';
import { continuationLines } from './describe';
import './forecast.css';

interface Props {
  view: ContinuationView;
  /** The chart's text alternative. */
  description: string;
  testId: string;
  /** Values the y axis always covers (e.g. [0, 1]); the range follows the data beyond them. */
  yInclude?: readonly number[];
  /** How a step index is written on the x axis and in the readout (e.g. a date); keep it stable. */
  tick?: (t: number) => string;
}

/** Dots make short continuations readable and long ones cluttered. */
const dotsFor = (count: number, r: number) => (count <= 30 ? { dot: r } : {});
const stepName = (t: number) => `step ${t}`;

/** The lines in drawing order, with their legend labels. */
function linesOf(view: ContinuationView): ChartLine[] {
  const points = continuationLines(view);
  const steps = view.truth.length;
  const lines: ChartLine[] = [
    { key: 'input', label: 'input', color: 'var(--series-5)', width: 1.5, points: points.input },
    { key: 'truth', label: 'true continuation', color: 'var(--series-3)', width: 2, ...dotsFor(steps, 2), points: points.truth },
  ];
  if (points.clean) lines.push({ key: 'clean', label: 'noiseless signal', color: 'var(--series-4)', width: 1, dash: '2 3', points: points.clean });
  lines.push(
    { key: 'open', label: 'open loop (reads the true past)', color: 'var(--series-1)', width: 1.5, dash: '5 3', ...dotsFor(steps, 2), points: points.open },
    { key: 'closed', label: 'closed loop (reads its own forecasts)', color: 'var(--series-2)', width: 2, ...dotsFor(steps, 2.5), points: points.closed },
  );
  return lines;
}

/** The end of the input, then the truth, the open-loop and the closed-loop continuations. */
export function ContinuationChart({ view, description, testId, yInclude, tick }: Props) {
  const lines = useMemo(() => linesOf(view), [view]);
  const start = view.inputStart + view.input.length;
  const end = start + view.truth.length - 1;
  const { minY, maxY } = extentOf(lines);
  const yAxis = niceAxis(minY, maxY, 4, yInclude);
  return (
    <figure className="continuation-figure">
      <div className="continuation-chart" data-testid={testId} role="img" aria-label={description}>
        <SeriesChart
          lines={lines}
          x={{ domain: [view.inputStart, Math.max(end, view.inputStart + 1)], integer: true, ...(tick ? { tick } : { title: 'step', ticks: integerTicks(view.inputStart, end) }) }}
          y={yAxis}
          marker={{ x: start - 1 }}
          formatX={tick ?? stepName}
        />
      </div>
      <ChartLegend lines={lines} label="Continuation chart lines" />
    </figure>
  );
}
