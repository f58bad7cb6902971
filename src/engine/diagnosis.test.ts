import { describe, expect, it } from 'vitest';
import { bucketMedians } from './curveLevels';
import { diagnose, diagnoseColumns, MIN_EPOCHS, MIN_STEPS, type DiagnosisLabel } from './diagnosis';
import { createRng } from './random';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const decay = (from: number, to: number, rate: number) => (t: number) => to + (from - to) * Math.exp(-t / rate);

/** The training loss alone, one point per step. */
function steps(n: number, train: (t: number) => number) {
  return { loss: range(n).map(train), samples: range(n).map((t) => 5 * (t + 1)) };
}

/** One training step per epoch (full-batch training, as in the lesson): validation scored at every step. */
function epochs(n: number, train: (t: number) => number, validation: (t: number) => number) {
  return { ...steps(n, train), validation: range(n).map(validation) };
}

/** The same curves times log-normal noise of the given spread, from a seeded stream. */
function noisy<T extends { loss: number[]; validation?: number[] }>(curves: T, spread: number, seed: number): T {
  const rng = createRng(`diagnosis-noise-${seed}`);
  const jitter = (v: number) => v * Math.exp(spread * rng.normal());
  return { ...curves, loss: curves.loss.map(jitter), ...(curves.validation ? { validation: curves.validation.map(jitter) } : {}) };
}

/** Several training steps per epoch: validation is NaN except at epoch ends. */
function withEpochsOf(steps: number, curves: { loss: number[]; validation: number[]; samples: number[] }) {
  return { ...curves, validation: curves.validation.map((v, i) => ((i + 1) % steps === 0 ? v : Number.NaN)) };
}

// The shapes of §12's presets, drawn by formula.
const shapes = {
  // 100 epochs: both losses still falling steadily.
  improving: () => epochs(100, decay(0.11, 0.001, 60), decay(0.66, 0.01, 60)),
  // A quick first fall, then flat and high on both curves.
  underfit: () => epochs(300, decay(0.3, 0.12, 8), decay(0.8, 0.5, 8)),
  // Both fall and level off low.
  good: () => epochs(800, decay(0.11, 0.0005, 60), decay(0.66, 0.004, 80)),
  // Validation falls to its lowest at epoch 601, then rises while training keeps falling.
  overfit: () => epochs(1200, decay(0.11, 0.0001, 100), (t) => (t < 600 ? 0.004 + 0.6 * (1 - t / 600) ** 3 : 0.004 + 0.00001 * (t - 600))),
};

const labelOf = (curves: Parameters<typeof diagnose>[0], previous?: DiagnosisLabel) => diagnose(curves, previous).label;

describe('bucket medians', () => {
  it('reduce a curve to the medians of consecutive buckets, skipping NaN', () => {
    expect(bucketMedians([1, 9, 2, Number.NaN, 3, 4, 100, 5], 2)).toEqual([2, 4.5]);
    expect(bucketMedians([4, 1, 3, 2], 1)).toEqual([2.5]);
    expect(bucketMedians([1, 2], 20)).toEqual([1, 2]);
    expect(bucketMedians([], 20)).toEqual([]);
  });
});

describe('diagnosis with a validation curve', () => {
  it('names each shape of the lesson', () => {
    expect(labelOf(shapes.improving())).toBe('improving');
    expect(labelOf(shapes.underfit())).toBe('underfit');
    expect(labelOf(shapes.good())).toBe('good');
    expect(labelOf(shapes.overfit())).toBe('overfit');
  });

  it('an overfit says where the validation loss was lowest', () => {
    const diagnosis = diagnose(shapes.overfit());
    expect(diagnosis.best).toEqual({ value: 0.004, epoch: 601, samplesSeen: 3005 });
    expect(diagnosis.advice).toContain('lowest at epoch 601');
    expect(diagnosis.basis).toBe('validation');
  });

  it('on freshly generated data a rising validation loss is overshooting, not overfitting', () => {
    const diagnosis = diagnose(shapes.overfit(), undefined, { freshData: true });
    expect(diagnosis.label).toBe('unstable');
    expect(diagnosis.advice).toMatch(/^The validation loss was lowest after 3,005 samples .* not overfitting: .*Lower the learning rate/);
    // A validation loss that stays where it started while training falls is no memorising either.
    const flat = epochs(800, decay(0.11, 0.0005, 60), () => 0.3);
    expect(diagnose(flat).label).toBe('overfit');
    expect(diagnose(flat, undefined, { freshData: true }).label).not.toBe('overfit');
    for (const shape of [shapes.improving, shapes.underfit, shapes.good]) expect(diagnose(shape(), undefined, { freshData: true }).label).toBe(diagnose(shape()).label);
  });

  it('gives the same names under noise (10% log-normal on every point, 5 noise seeds)', () => {
    for (const [name, shape] of Object.entries(shapes)) {
      for (let seed = 1; seed <= 5; seed++) expect(labelOf(noisy(shape(), 0.1, seed)), `${name}, noise seed ${seed}`).toBe(name);
    }
  });

  it('reads validation scored once per epoch of several steps (NaN in between)', () => {
    const many = epochs(2400, decay(0.11, 0.0001, 200), (t) => (t < 1200 ? 0.004 + 0.6 * (1 - t / 1200) ** 3 : 0.004 + 0.000005 * (t - 1200)));
    const diagnosis = diagnose(withEpochsOf(3, many));
    expect(diagnosis.label).toBe('overfit');
    // Validation scored after steps 3, 6, …: the lowest of those, after step 1200, is epoch 400.
    expect(diagnosis.best?.epoch).toBe(400);
    expect(diagnosis.best?.samplesSeen).toBe(5 * 1200);
  });

  it('a validation loss that never comes down while the training loss does is an overfit too', () => {
    expect(labelOf(epochs(400, decay(0.1, 0.001, 30), () => 0.5))).toBe('overfit');
  });

  it('too few epochs: too early to tell', () => {
    expect(labelOf(epochs(MIN_EPOCHS - 1, decay(1, 0, 5), decay(1, 0, 5)))).toBe('early');
    const beforeValidation = { ...steps(40, decay(1, 0, 5)), validation: range(40).map(() => Number.NaN) };
    expect(diagnose(beforeValidation)).toMatchObject({ label: 'early', basis: 'validation' });
  });
});

describe('diagnosis from the training loss alone', () => {
  it('still improving, underfit (flat and high), levelled off', () => {
    expect(labelOf(steps(200, decay(2.3, 0.01, 150)))).toBe('improving');
    expect(labelOf(steps(500, decay(2.3, 1.5, 20)))).toBe('underfit');
    expect(labelOf(steps(2000, decay(2.3, 0.01, 100)))).toBe('converged');
    expect(diagnose(steps(2000, decay(2.3, 0.01, 100))).basis).toBe('training');
  });

  it('under heavy per-batch noise (log-normal spread 0.8, as with batches of one) never names a wrong shape, and says which once there are enough steps', () => {
    const improving = (n: number) => steps(n, decay(2.3, 0.01, 0.75 * n));
    const flatHigh = (n: number) => steps(n, decay(2.3, 1.5, 50));
    const levelled = (n: number) => steps(n, decay(2.3, 0.01, n / 20));
    for (let seed = 1; seed <= 10; seed++) {
      // 2,000 steps: a slow fall or a plateau may still be too noisy to call.
      expect(['improving', 'early'], `improving, seed ${seed}`).toContain(labelOf(noisy(improving(2000), 0.8, seed)));
      expect(['underfit', 'early'], `underfit, seed ${seed}`).toContain(labelOf(noisy(flatHigh(2000), 0.8, seed)));
      expect(labelOf(noisy(levelled(2000), 0.8, seed)), `converged, seed ${seed}`).toBe('converged');
    }
    for (let seed = 1; seed <= 5; seed++) {
      expect(labelOf(noisy(improving(20_000), 0.8, seed)), `improving, seed ${seed}`).toBe('improving');
      expect(labelOf(noisy(flatHigh(20_000), 0.8, seed)), `underfit, seed ${seed}`).toBe('underfit');
      expect(labelOf(noisy(levelled(20_000), 0.8, seed)), `converged, seed ${seed}`).toBe('converged');
    }
  });

  it('a training loss that goes back up is unstable, as is one that became NaN', () => {
    const rising = steps(400, (t) => (t < 200 ? decay(1, 0.05, 30)(t) : 0.05 + 0.002 * (t - 200)));
    expect(labelOf(rising)).toBe('unstable');
    expect(labelOf({ ...rising, loss: [...rising.loss.slice(0, -1), Number.NaN] })).toBe('unstable');
    // Noise around a low floor is not instability.
    expect(labelOf(noisy(steps(2000, decay(2.3, 0.001, 100)), 0.8, 1))).toBe('converged');
  });

  it('too few steps: too early to tell', () => {
    expect(labelOf(steps(MIN_STEPS - 1, decay(1, 0, 5)))).toBe('early');
  });
});

describe('diagnosis does not flip-flop', () => {
  it('a label is kept until its condition clearly fails', () => {
    // The last quarter of this curve brought 4.4% of its whole fall: less than the 6% it takes to become "still improving", more than the 4% to stay.
    const slow = steps(400, decay(1, 0.01, 100));
    expect(labelOf(slow)).not.toBe('improving');
    expect(labelOf(slow, 'improving')).toBe('improving');
    // Validation 7% above its lowest level: not enough to become an overfit, enough to stay one.
    const slightly = epochs(800, decay(0.1, 0.001, 50), (t) => (t < 400 ? decay(0.6, 0.01, 40)(t) : 0.01 * (1 + 0.07 * Math.min(1, (t - 400) / 200))));
    expect(labelOf(slightly)).not.toBe('overfit');
    expect(labelOf(slightly, 'overfit')).toBe('overfit');
  });

  it('as a noisy run grows point by point, its label changes only when its shape does', () => {
    for (let seed = 1; seed <= 3; seed++) {
      const full = noisy(shapes.good(), 0.1, seed);
      const labels: DiagnosisLabel[] = [];
      let previous: DiagnosisLabel | undefined;
      for (let n = 10; n <= full.loss.length; n += 5) {
        previous = labelOf({ loss: full.loss.slice(0, n), validation: full.validation.slice(0, n), samples: full.samples.slice(0, n) }, previous);
        if (labels.at(-1) !== previous) labels.push(previous);
      }
      // Too early, still improving while both fall, then a good fit: no back and forth.
      expect(labels, `noise seed ${seed}`).toEqual(['early', 'improving', 'good']);
    }
  });
});

describe('diagnoseColumns', () => {
  it('reads the page’s columns: loss and val_loss by name', () => {
    const { loss, validation, samples } = shapes.overfit();
    expect(diagnoseColumns({ metricNames: ['loss', 'val_loss'], samples, values: [loss, validation] })?.label).toBe('overfit');
    expect(diagnoseColumns({ metricNames: ['loss', 'acc'], samples, values: [loss, loss.map(() => 0.5)] })?.basis).toBe('training');
    expect(diagnoseColumns({ metricNames: ['acc'], samples, values: [loss] })).toBeNull();
  });

  it('reads the validation loss only where the columns say it has values, when they say so', () => {
    const { loss, validation, samples } = withEpochsOf(5, shapes.overfit());
    const at = validation.flatMap((v, i) => (Number.isFinite(v) ? [i] : []));
    const columns = { metricNames: ['loss', 'val_loss'], samples, values: [loss, validation] };
    const passed = diagnoseColumns(columns);
    expect(passed?.label).toBe('overfit');
    expect(diagnoseColumns({ ...columns, valuesAt: (m) => (m === 1 ? at : null) })).toEqual(passed);
    // Told of fewer points, it judges fewer: the first epochs alone are too few for a shape.
    expect(diagnoseColumns({ ...columns, valuesAt: (m) => (m === 1 ? at.slice(0, MIN_EPOCHS - 1) : null) })?.label).toBe('early');
  });
});
