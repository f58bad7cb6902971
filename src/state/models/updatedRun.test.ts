import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../store';
import { withoutLastUpdate, withUpdate } from './updatedRun';

const trained = { metrics: { accuracy: 0.9 } };
const run: RunRecord = {
  id: 1,
  experimentId: 'echo',
  seed: 1,
  values: {},
  backendPreference: 'auto',
  engine: 'fused',
  engineNote: null,
  backend: null,
  skipped: [],
  series: null,
  totalSamples: 500,
  paramCount: 100,
  outcome: { status: 'completed', steps: 50, samplesSeen: 500, lastValues: [0.3], evaluation: trained },
  elapsedMs: 1000,
};

describe('a run record through model updates', () => {
  it('an update shows its scores and notes what it replaced; undoing it brings the old scores back', () => {
    const once = withUpdate(run, { samples: 300, learningRate: 1e-4, seed: 1001, after: { metrics: { accuracy: 0.95 } } });
    expect(once.outcome?.evaluation).toEqual({ metrics: { accuracy: 0.95 } });
    expect(once.updates).toEqual([{ samples: 300, learningRate: 1e-4, seed: 1001, previousEvaluation: trained }]);
    // What the run trained on is unchanged.
    expect(once.outcome?.samplesSeen).toBe(500);

    const twice = withUpdate(once, { samples: 200, learningRate: 1e-3, seed: 7, after: { metrics: { accuracy: 0.97 } } });
    expect(twice.updates?.map((u) => u.samples)).toEqual([300, 200]);
    expect(withoutLastUpdate(twice)).toEqual(once);
    expect(withoutLastUpdate(once)).toEqual(run);
    expect(run.updates).toBeUndefined();
  });

  it('changes nothing without an outcome or an update to undo', () => {
    const untrained = { ...run, outcome: null };
    expect(withUpdate(untrained, { samples: 1, learningRate: 1, seed: 1, after: { metrics: {} } })).toBe(untrained);
    expect(withoutLastUpdate(run)).toBe(run);
  });

  it('a model loaded without scores gets none back when its update is undone', () => {
    const unscored: RunRecord = { ...run, outcome: { status: 'completed', steps: 0, samplesSeen: 500, lastValues: [] } };
    const undone = withoutLastUpdate(withUpdate(unscored, { samples: 3, learningRate: 1, seed: 2, after: { metrics: { accuracy: 1 } } }));
    expect(undone.outcome?.evaluation).toBeUndefined();
  });
});
