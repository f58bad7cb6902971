/** The run budget of the page's current settings (see engine/budget.ts). */
import { budgetVerdict, estimateBudget } from '../engine/budget';
import type { AnyExperiment, AnyParamValues } from '../experiments/types';
import { resolveValues } from '../experiments/values';

export function verdictFor(experiment: AnyExperiment, raw: AnyParamValues): ReturnType<typeof budgetVerdict> {
  try {
    const { values } = resolveValues(experiment, raw);
    const plan = experiment.plan(values);
    return budgetVerdict(estimateBudget(experiment.model(values), plan.batchSize, plan.totalSamples, plan.optimizer.name, plan.freshValidation));
  } catch {
    return null;
  }
}
