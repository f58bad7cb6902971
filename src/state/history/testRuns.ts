/** Runs and curves for the run history's unit tests. */
import type { PlainCurves } from '../series';
import type { NewRun } from './db';

export function sampleRun(overrides: Partial<NewRun> = {}): NewRun {
  return {
    id: 1,
    experimentId: 'echo',
    experimentTitle: 'Echo sequence',
    values: { units: 25, lr: 0.01, samples: 2000 },
    seed: 1,
    backendPreference: 'auto',
    engine: 'fused',
    backend: 'cpu',
    date: Date.UTC(2026, 11, 1, 12, 0, 0),
    elapsedMs: 1500,
    samplesSeen: 2000,
    totalSamples: 2000,
    paramCount: 3860,
    status: 'completed',
    finalValues: [
      { name: 'loss', value: 0.05 },
      { name: 'acc', value: 0.99 },
    ],
    metrics: [{ key: 'accuracy', label: 'Accuracy', format: 'percent', value: 0.99 }],
    message: null,
    ...overrides,
  };
}

export function sampleCurves(points = 5): PlainCurves {
  const samples = Array.from({ length: points }, (_, i) => (i + 1) * 32);
  return { metricNames: ['loss', 'acc'], samples, values: [samples.map((s) => 1 / s), samples.map((s) => s / (s + 100))] };
}
