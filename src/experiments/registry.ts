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
import type { AnyExperiment } from './types';

/** Every experiment of the playground, in catalogue order. Add a line to add one. */
export const EXPERIMENTS: readonly AnyExperiment[] = [
  echoExperiment,
  sineExperiment,
  signalsExperiment,
  movingLineExperiment,
  additionExperiment,
  cumsumExperiment,
  rectanglesExperiment,
  memoryExperiment,
  echoWholeExperiment,
  echoPartialExperiment,
  regressionExperiment,
  timeSeriesExperiment,
  curvesExperiment,
];

export const DEFAULT_EXPERIMENT_ID = 'echo';

export function findExperiment(id: string): AnyExperiment | undefined {
  return EXPERIMENTS.find((experiment) => experiment.id === id);
}
