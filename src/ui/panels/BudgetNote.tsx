import { useMemo } from 'react';
import type { AnyExperiment, AnyParamValues } from '../../experiments/types';
import { verdictFor } from '../../state/budgetCheck';

/** Before training: a warning for a very big run, the reason when a run is too big to start. */
export function BudgetNote({ experiment, values }: { experiment: AnyExperiment; values: AnyParamValues }) {
  const verdict = useMemo(() => verdictFor(experiment, values), [experiment, values]);
  if (!verdict) return null;
  return (
    <p className={verdict.refuse ? 'budget-note budget-refuse' : 'budget-note'} role="status" data-testid="budget-note">
      {verdict.message}
    </p>
  );
}
