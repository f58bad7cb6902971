/**
 * Training points as columns of typed arrays, the form they take in a progress message. A fast
 * engine logs tens of thousands of steps a second: sent as point objects, each would become two
 * objects on the page's main thread (its garbage collector paused the page for 10–20 ms at a
 * time); typed arrays cross as a copy of their bytes.
 */
import type { StepPoint } from './train';

export interface PointBatch {
  steps: Float64Array;
  samples: Float64Array;
  /** values[m][i]: metric m after point i. */
  values: Float64Array[];
}

/** The points as columns; every point has the same number of metrics as the first. */
export function packPoints(points: readonly StepPoint[]): PointBatch {
  const n = points.length;
  const metrics = points[0]?.values.length ?? 0;
  const steps = new Float64Array(n);
  const samples = new Float64Array(n);
  const values = Array.from({ length: metrics }, () => new Float64Array(n));
  points.forEach((point, i) => {
    steps[i] = point.step;
    samples[i] = point.samplesSeen;
    values.forEach((column, m) => (column[i] = point.values[m] ?? Number.NaN));
  });
  return { steps, samples, values };
}

/** The points back as objects (for tests and tools; the page reads the columns). */
export function unpackPoints(batch: PointBatch): StepPoint[] {
  return Array.from(batch.samples, (samplesSeen, i) => ({
    step: batch.steps[i] as number,
    samplesSeen,
    values: batch.values.map((column) => column[i] as number),
  }));
}

/** Samples seen after the batch's last point (undefined for an empty batch). */
export const lastSamplesSeen = (batch: PointBatch): number | undefined => (batch.samples.length ? batch.samples[batch.samples.length - 1] : undefined);
