import { describe, expect, it } from 'vitest';
import { echoExperiment } from '../experiments/echo/experiment';
import { defaultValues } from '../experiments/params';
import { EXPERIMENTS } from '../experiments/registry';
import { resolveValues } from '../experiments/values';
import { budgetVerdict, estimateBudget, formatBytes, MEMORY_LIMIT_BYTES } from './budget';

function budgetOf(experiment: (typeof EXPERIMENTS)[number], patch: Record<string, number | string | boolean> = {}) {
  const values = resolveValues(experiment, { ...defaultValues(experiment.params), ...patch }).values;
  const plan = experiment.plan(values);
  return estimateBudget(experiment.model(values), plan.batchSize, plan.totalSamples, plan.optimizer.name, plan.freshValidation);
}

describe('run budget', () => {
  it('counts an LSTM by hand: weights with Adam slots, one batch of activations, 3 × the forward multiply-adds', () => {
    // Echo: LSTM(25) on 5 × 10 → Dense(10); 3,860 parameters; batch 1.
    const budget = budgetOf(echoExperiment);
    const activations = 5 * 10 + 5 * 25 * 11 + 2 * 10;
    expect(budget.memoryBytes).toBe(4 * (3860 * 4 + activations));
    const forward = 5 * 2 * 4 * 25 * (10 + 25) + 2 * 25 * 10;
    expect(budget.flopsPerSample).toBe(3 * forward);
    expect(budget.totalFlops).toBe(3 * forward * 10_000);
  });

  it('a fresh validation set counts: its batch of activations at once, and its forward passes at every check', () => {
    const movingline = EXPERIMENTS.find((e) => e.id === 'movingline') ?? echoExperiment;
    const without = budgetOf(movingline, { vals: 0 });
    const huge = budgetOf(movingline, { vals: 5000 });
    expect(huge.memoryBytes).toBeGreaterThan(without.memoryBytes);
    expect(budgetVerdict(huge)?.refuse).toBe(true);
    const echo = EXPERIMENTS.find((e) => e.id === 'echo') ?? echoExperiment;
    const checked = budgetOf(echo, { vals: 100 });
    const bare = budgetOf(echo, { vals: 0 });
    expect(checked.totalFlops - bare.totalFlops).toBe((bare.flopsPerSample / 3) * 100 * 40);
  });

  it('every default run is allowed without a refusal', () => {
    for (const experiment of EXPERIMENTS) {
      const verdict = budgetVerdict(budgetOf(experiment));
      expect(verdict?.refuse ?? false, `${experiment.id}: ${verdict?.message ?? ''}`).toBe(false);
    }
  });

  it('an absurd run is refused with the reason; a big one is warned about', () => {
    const absurd = budgetOf(echoExperiment, { length: 200, features: 500, units: 512, bs: 1024, outIndex: 0 });
    expect(absurd.memoryBytes).toBeGreaterThan(MEMORY_LIMIT_BYTES);
    const verdict = budgetVerdict(absurd);
    expect(verdict?.refuse).toBe(true);
    expect(verdict?.message).toMatch(/^This run would need about \d+\.\d GB of memory .* Lower the batch size/);
    const long = budgetVerdict(budgetOf(echoExperiment, { units: 512, samples: 1_000_000, length: 100, outIndex: 0 }));
    expect(long?.refuse).toBe(false);
    expect(long?.message).toMatch(/^A big run: .*trillion operations — hours on one core/);
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
    expect(formatBytes(5 * 1024 ** 2)).toBe('5 MB');
  });
});
