import { echoExperiment } from './echo/experiment';
import { sineExperiment } from './sine/experiment';
import { signalsExperiment } from './signals/experiment';
import { rectanglesExperiment } from './rectangles/experiment';
import { additionExperiment } from './addition/experiment';
import { cumsumExperiment } from './cumsum/experiment';
import { movingLineExperiment } from './movingline/experiment';
import { memoryExperiment } from './memory/experiment';
import { regressionExperiment } from './regression/experiment';
import { timeSeriesExperiment } from './timeseries/experiment';
import { curvesExperiment } from './curves/experiment';
import { echoPartialExperiment, echoWholeExperiment } from './seqecho/experiment';
import { withTuning } from './tuning';
import type { AnyExperiment } from './types';

/** Every experiment of the playground, in catalogue order, with the tuning knobs that apply. Add a line to add one. */
export const EXPERIMENTS: readonly AnyExperiment[] = [
  withTuning(echoExperiment, { layers: true, validation: 100 }),
  withTuning(sineExperiment, { validation: 100 }),
  withTuning(signalsExperiment, { validation: 100 }),
  withTuning(movingLineExperiment, { layers: true, validation: 32 }),
  withTuning(additionExperiment, { validation: 100 }),
  withTuning(cumsumExperiment, { validation: 100 }),
  withTuning(rectanglesExperiment, { layers: true, validation: 100 }),
  withTuning(memoryExperiment),
  withTuning(echoWholeExperiment),
  withTuning(echoPartialExperiment),
  withTuning(regressionExperiment, { activation: 'relu' }),
  withTuning(timeSeriesExperiment, { layers: true }),
  withTuning(curvesExperiment, { layers: true }),
];

export const DEFAULT_EXPERIMENT_ID = 'echo';

export function findExperiment(id: string): AnyExperiment | undefined {
  return EXPERIMENTS.find((experiment) => experiment.id === id);
}
