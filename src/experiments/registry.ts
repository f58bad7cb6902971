import { echoExperiment } from './echo/experiment';
import type { AnyExperiment } from './types';

/** Every experiment of the playground, in catalogue order. Add a line to add one. */
export const EXPERIMENTS: readonly AnyExperiment[] = [
  echoExperiment,
];

export const DEFAULT_EXPERIMENT_ID = 'echo';

export function findExperiment(id: string): AnyExperiment | undefined {
  return EXPERIMENTS.find((experiment) => experiment.id === id);
}
