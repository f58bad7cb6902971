/**
 * Names the shape of a run's learning curves, as the §12 lesson teaches to read them: still
 * improving, underfit, good fit, overfit (from the training and validation loss), or, with the
 * training loss alone, still improving, underfit or levelled off. Pure: the page and the tests
 * call it on the curves as columns.
 *
 * Robust to noise: each curve is first reduced to bucket medians and a robust slope (curveLevels.ts),
 * and a change counts only beyond the curve's own noise. A label the curves had at the previous call
 * is kept until its condition clearly fails (looser thresholds to stay than to enter), so a label
 * does not flip with every new point near a threshold.
 */
import { curveLevels, finiteCount, logChange, type CurveLevels } from './curveLevels';

export type DiagnosisLabel = 'early' | 'unstable' | 'improving' | 'underfit' | 'good' | 'overfit' | 'converged';

export interface Diagnosis {
  label: DiagnosisLabel;
  /** A few words, e.g. "Overfit". */
  title: string;
  /** One sentence: what the curves say and what to do. */
  advice: string;
  /** Which curves the label was read from. */
  basis: 'validation' | 'training';
  /** The lowest validation loss and where it was scored (with a validation curve). */
  best?: { value: number; epoch: number; samplesSeen: number };
}

export interface DiagnosisOptions {
  /** Every training example was freshly generated (no fixed training set): the model cannot overfit it. */
  freshData?: boolean;
}

/** Curves as columns (the page's Series fits): values[m][i] is metric m after step i. */
export interface CurveColumns {
  readonly metricNames: readonly string[];
  readonly samples: ArrayLike<number>;
  readonly values: readonly ArrayLike<number>[];
  /**
   * Where a metric has values, when known without a pass over its column (a live series notes it
   * as points arrive): index m for metric m, null where unknown.
   */
  readonly valuesAt?: ((m: number) => readonly number[] | null) | undefined;
}

/** Below these, a shape means nothing yet. */
export const MIN_STEPS = 20;
export const MIN_EPOCHS = 8;

/**
 * Thresholds: [to enter the label, to keep it]. Changes are in log units (0.1 is about 10%) and
 * count only beyond the curve's noise (curveLevels.ts).
 */
const IMPROVING_DROP: readonly [number, number] = [0.01, 0.005]; // fell over the last quarter of the run…
const IMPROVING_SHARE: readonly [number, number] = [0.06, 0.04]; // …by ≥ 6% of its whole fall so far
const IMPROVING_SHARE_HIGH: readonly [number, number] = [0.12, 0.08]; // (a crawl while still high is an underfit)
const OVERFIT_RISE: readonly [number, number] = [0.1, 0.05]; // validation above its lowest level, for the last two levels
const UNSTABLE_RISE: readonly [number, number] = [Math.log(1.5), Math.log(1.3)]; // training loss above its lowest level…
const UNSTABLE_SHARE: readonly [number, number] = [0.1, 0.05]; // …by ≥ 10% of its fall
const UNDERFIT_LEVEL: readonly [number, number] = [0.3, 0.25]; // ended at ≥ 30% of where it started
const NOISE_SIGMAS: readonly [number, number] = [2, 1.5]; // a change beyond this many of its standard deviations
const GAP_VALIDATION_LEVEL = 0.8; // validation stayed at ≥ 80% of its start…
const GAP_TRAINING_LEVEL = 0.2; // …while the training loss fell below 20% of its start

const pick = (pair: readonly [number, number], keep: boolean) => (keep ? pair[1] : pair[0]);

/** The smallest rise of a level above another that counts on this curve. */
const significantRise = (c: CurveLevels, pair: readonly [number, number], keep: boolean) =>
  Math.max(pick(pair, keep), pick(NOISE_SIGMAS, keep) * Math.SQRT2 * c.levelNoise);

/**
 * Whether the curve is still falling: over the last quarter of the run, by a fair share of its whole
 * fall (a larger one while the loss is high: a crawl at a high level is an underfit), and beyond the
 * noise. 'unclear' when it looks so but the noise is too large to be sure.
 */
function trendOf(c: CurveLevels, keep: boolean, high: boolean): 'falling' | 'flat' | 'unclear' {
  const minShare = pick(high ? IMPROVING_SHARE_HIGH : IMPROVING_SHARE, keep);
  const minDrop = pick(IMPROVING_DROP, keep);
  // The share of the whole fall that a drop over the last quarter would be.
  const share = (drop: number) => (c.start > c.end ? ((c.end + c.eps) * Math.expm1(drop)) / (c.start - c.end) : 0);
  const { quarterDrop: drop, quarterDropNoise: noise } = c;
  if (drop >= Math.max(minDrop, pick(NOISE_SIGMAS, keep) * noise) && share(drop) >= minShare) return 'falling';
  // Flat: even a drop one standard deviation larger would not count.
  return drop + noise < minDrop || share(drop + noise) < minShare ? 'flat' : 'unclear';
}

function isUnstable(c: CurveLevels, keep: boolean): boolean {
  const share = c.start > c.min ? (c.end - c.min) / (c.start - c.min) : 0;
  return logChange(c, c.end, c.min) >= significantRise(c, UNSTABLE_RISE, keep) && share >= pick(UNSTABLE_SHARE, keep);
}

const isHigh = (c: CurveLevels, keep: boolean) => (c.end + c.eps) / (c.start + c.eps) >= pick(UNDERFIT_LEVEL, keep);

/** The validation loss rose above its lowest level, at the end and the level before. */
function turnedUp(v: CurveLevels, keep: boolean): boolean {
  const threshold = significantRise(v, OVERFIT_RISE, keep);
  return logChange(v, v.end, v.min) >= threshold && logChange(v, v.beforeEnd, v.min) >= threshold / 2;
}

const TEXT: Record<DiagnosisLabel, { title: string; advice: string }> = {
  early: { title: 'Too early to tell', advice: 'The curves need more points before their shape means anything: let the run go on.' },
  unstable: {
    title: 'Unstable training',
    advice: 'The training loss went back up after its lowest point: lower the learning rate (try a tenth of it) or use larger batches.',
  },
  improving: { title: 'Still improving', advice: 'The loss is still falling: train longer (more epochs or samples) and the model will get better.' },
  underfit: {
    title: 'Underfit: too little capacity',
    advice: 'The loss levelled off while still high: give the model more capacity (more units or layers), or a better loss, optimizer or learning rate.',
  },
  good: {
    title: 'Good fit',
    advice: 'Both losses levelled off low and the validation loss is not rising: these settings fit, and more training would not help.',
  },
  overfit: {
    title: 'Overfit',
    advice: 'The validation loss rose after its lowest point: stop there (fewer epochs or early stopping), or use fewer units or more data.',
  },
  converged: {
    title: 'Levelled off',
    advice: 'The training loss stopped falling at a low level; without a validation curve a good fit and an overfit look alike, so judge by the evaluation on fresh data.',
  },
};

const GAP_ADVICE =
  'The training loss fell far but the validation loss hardly moved: the model memorises the training data instead of learning the rule; use fewer units or more data.';

/** The few words naming a label, e.g. "Good fit". */
export const diagnosisTitle = (label: DiagnosisLabel): string => TEXT[label].title;

function result(label: DiagnosisLabel, basis: Diagnosis['basis'], best?: Diagnosis['best'], advice = TEXT[label].advice): Diagnosis {
  const { title } = TEXT[label];
  return best ? { label, title, advice, basis, best } : { label, title, advice, basis };
}

/**
 * On freshly generated data every training example is new, so the validation loss cannot rise from
 * memorising: when it rises, the updates overshoot.
 */
const freshTurnedUpAdvice = (best: NonNullable<Diagnosis['best']>) =>
  `The validation loss was lowest after ${best.samplesSeen.toLocaleString('en')} samples and has risen since; every example here is fresh, so this is not overfitting: the updates overshoot. Lower the learning rate (try a tenth of it) or clip the gradients.`;

const turnedUpAdvice = (best: NonNullable<Diagnosis['best']>) =>
  `The validation loss was lowest at epoch ${best.epoch.toLocaleString('en')} and has risen since: stop there (fewer epochs or early stopping), or use fewer units or more data.`;

/**
 * The scores of a validation column (NaN where it was not scored), and the lowest: its value, its
 * epoch (validation is scored once per epoch) and the samples seen by then. Read at the points `at`
 * where it has values when they are known, else in one plain pass: the column has a value per
 * training step, a million of them in a long run (3–7 ms per judgement).
 */
function validationScores(validation: ArrayLike<number>, samples: ArrayLike<number>, at: readonly number[] | null | undefined): { scored: number[]; best: Diagnosis['best'] } {
  const scored: number[] = [];
  let best: Diagnosis['best'];
  const score = (i: number) => {
    const value = validation[i] as number;
    if (!Number.isFinite(value)) return;
    scored.push(value);
    if (!best || value < best.value) best = { value, epoch: scored.length, samplesSeen: samples[i] ?? Number.NaN };
  };
  if (at) for (const i of at) score(i);
  else for (let i = 0; i < validation.length; i++) score(i);
  return { scored, best };
}

/**
 * The shape of the training loss `loss` and, when there is one, the validation loss `validation`
 * (NaN where it was not scored). `previous` is the label of the previous call on the same run.
 */
export function diagnose(
  curves: { loss: ArrayLike<number>; validation?: ArrayLike<number>; samples: ArrayLike<number>; validationAt?: readonly number[] | null | undefined },
  previous?: DiagnosisLabel,
  options: DiagnosisOptions = {},
): Diagnosis {
  const { loss, validation, samples } = curves;
  const scores = validation !== undefined ? validationScores(validation, samples, curves.validationAt) : undefined;
  const basis = validation !== undefined ? 'validation' : 'training';
  const keep = (label: DiagnosisLabel) => previous === label;
  const trainPoints = finiteCount(loss, MIN_STEPS);
  const last = loss.length ? loss[loss.length - 1] : undefined;
  if (last !== undefined && !Number.isFinite(last)) return result('unstable', basis);
  if (trainPoints < MIN_STEPS) return result('early', basis);
  const train = curveLevels(loss);
  if (isUnstable(train, keep('unstable'))) return result('unstable', basis);
  if (!scores || scores.scored.length === 0) {
    if (scores) return result('early', basis);
    const high = isHigh(train, keep('underfit'));
    const trend = trendOf(train, keep('improving'), high);
    if (trend === 'unclear') return result(previous ?? 'early', basis);
    if (trend === 'falling') return result('improving', basis);
    return result(high ? 'underfit' : 'converged', basis);
  }
  const { scored, best } = scores;
  if (scored.length < MIN_EPOCHS) return result('early', basis);
  const val = curveLevels(scored);
  if (options.freshData) {
    if (turnedUp(val, keep('unstable'))) return result('unstable', basis, best, best && freshTurnedUpAdvice(best));
  } else if (turnedUp(val, keep('overfit'))) {
    return result('overfit', basis, best, best && turnedUpAdvice(best));
  }
  const high = isHigh(train, keep('underfit')) && isHigh(val, keep('underfit'));
  const trend = trendOf(val, keep('improving'), high);
  if (trend === 'unclear') return previous && previous !== 'overfit' ? result(previous, basis, best) : result('early', basis, best);
  if (trend === 'falling') return result('improving', basis, best);
  if (high) return result('underfit', basis, best);
  // The training loss fell far, the validation loss hardly at all: memorised, not learned.
  if (!options.freshData && val.end >= GAP_VALIDATION_LEVEL * val.start && train.end < GAP_TRAINING_LEVEL * train.start) {
    return result('overfit', basis, best, GAP_ADVICE);
  }
  return result('good', basis, best);
}

/** The diagnosis of a run's curves as the page keeps them: 'loss' and, if it was scored, 'val_loss'. */
export function diagnoseColumns(series: CurveColumns, previous?: DiagnosisLabel, options: DiagnosisOptions = {}): Diagnosis | null {
  const lossIndex = series.metricNames.indexOf('loss');
  const loss = series.values[lossIndex];
  if (lossIndex < 0 || !loss) return null;
  const validationIndex = series.metricNames.indexOf('val_loss');
  const validation = series.values[validationIndex];
  const validationAt = validation ? series.valuesAt?.(validationIndex) : undefined;
  return diagnose(validation ? { loss, validation, samples: series.samples, validationAt } : { loss, samples: series.samples }, previous, options);
}
