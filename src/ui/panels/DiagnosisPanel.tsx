import { findExperiment } from '../../experiments/registry';
import { useDeferredValue, useMemo, useState } from 'react';
import { diagnoseColumns, diagnosisTitle, type CurveColumns, type Diagnosis } from '../../engine/diagnosis';
import { finitePointsOf, type Curves } from '../../state/series';
import type { AnyExperiment, CurveLesson } from '../../experiments/types';
import { startRepeats, useRepeatStore } from '../../state/repeats';
import { isActive, useStore, type RunRecord } from '../../state/store';
import { formatCount, formatMetric } from '../format';
import { useThrottled } from '../useThrottled';

/** A run's curves with where each metric has values, as the live series noted them. */
const liveColumns = (series: Curves): CurveColumns => ({ ...series, valuesAt: (m) => finitePointsOf(series, m) });

/** The diagnosis follows the curves at most twice a second. */
const REDIAGNOSE_MS = 500;

interface Tracked {
  runId: number;
  version: number;
  live: boolean;
  diagnosis: Diagnosis | null;
  /** Points of the curves it judged. */
  points: number;
}

/**
 * While a run trains, its curves grow 20 times a second; the diagnosis is judged again once they
 * have grown by this share, so its cost over a run stays small however long the run.
 */
const LIVE_GROWTH = 0.05;

/**
 * The current run's diagnosis, recomputed as its curves grow. While it trains, the previous label
 * of the same run is passed on, so a label near a threshold does not flip back and forth with every
 * update; once it ends, the whole curves are judged afresh, so a finished run always gets the same
 * label however often the page looked at it on the way.
 */
function useRunDiagnosis(run: RunRecord | null, version: number, live: boolean): Diagnosis | null {
  const [tracked, setTracked] = useState<Tracked | null>(null);
  const runId = run?.id ?? -1;
  if (tracked?.runId === runId && tracked.version === version && tracked.live === live) return tracked.diagnosis;
  const points = run?.series?.samples.length ?? 0;
  const before = tracked?.points ?? 0;
  const grown = points - before >= Math.max(1, LIVE_GROWTH * before);
  if (live && tracked?.runId === runId && tracked.live && !grown) return tracked.diagnosis;
  const previous = live && tracked?.runId === runId ? tracked.diagnosis?.label : undefined;
  // An experiment without epochs generates every training example afresh: it cannot overfit.
  const freshData = run ? findExperiment(run.experimentId)?.epochs === undefined : false;
  const diagnosis = run?.series ? diagnoseColumns(liveColumns(run.series), previous, { freshData }) : null;
  // Adjusting state while rendering, as React advises for values derived from earlier renders.
  setTracked({ runId, version, live, diagnosis, points });
  return diagnosis;
}

function LessonVerdict({ lesson, diagnosis, running }: { lesson: CurveLesson; diagnosis: Diagnosis; running: boolean }) {
  if (lesson.expected === null) return null;
  const expected = diagnosisTitle(lesson.expected);
  const changed = lesson.changed.length > 0 && (
    <> You changed the preset’s {lesson.changed.join(', ').toLowerCase()}, so its shape need not hold.</>
  );
  if (diagnosis.label === 'early') {
    return (
      <p className="small" data-testid="diagnosis-match">
        The preset “{lesson.name}” is meant to show: {expected}.{changed}
      </p>
    );
  }
  const matches = diagnosis.label === lesson.expected;
  return (
    <p className={`small ${matches ? 'verdict-ok' : 'verdict-bad'}`} data-testid="diagnosis-match">
      {matches ? '✓ ' : '✗ '}
      {matches
        ? `This is the shape the preset “${lesson.name}” is meant to show${running ? ' (so far)' : ''}.`
        : `The preset “${lesson.name}” is meant to show “${expected}”; these curves look “${diagnosis.title}”${running ? ' so far' : ''}.`}
      {changed}
    </p>
  );
}

/** The preset that is about the spread between runs: train it over seeds and diagnose every run. */
function RepeatsLesson({ experiment, count }: { experiment: AnyExperiment; count: number }) {
  const status = useRepeatStore((s) => s.status);
  const kind = useRepeatStore((s) => s.kind);
  const of = useRepeatStore((s) => s.experimentId);
  const runs = useRepeatStore((s) => s.runs);
  const version = useThrottled(useRepeatStore((s) => s.version), REDIAGNOSE_MS);
  const shown = useMemo(() => (of === experiment.id && kind === 'repeat' ? runs : []), [of, experiment.id, kind, runs]);
  const labels = useMemo(
    () => shown.map((run) => ({ seed: run.seed, status: run.status, diagnosis: run.series ? diagnoseColumns(liveColumns(run.series)) : null })),
    // `version` marks in-place growth of the runs' series.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shown, version],
  );
  return (
    <div className="diagnosis-repeats">
      <p className="small">
        This preset is about how much the curves differ from run to run: train it {count} times in <strong>Repeat over seeds</strong>, which overlays
        every training and validation curve, and see each run’s diagnosis here.
      </p>
      <button type="button" onClick={() => startRepeats(count)} disabled={status === 'running'}>
        Repeat over {count} seeds
      </button>
      {labels.length > 0 && (
        <ul className="small" aria-label="Diagnosis of each repeated run" data-testid="diagnosis-repeats">
          {labels.map((row) => (
            <li key={row.seed}>
              Seed {row.seed}: {row.diagnosis && row.status !== 'queued' ? row.diagnosis.title : row.status}
              {row.status === 'running' ? ' (running)' : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Names what the current run's learning curves look like — still improving, underfit, good fit,
 * overfit — with one sentence of advice, and on a learning-curve lesson whether that is the shape
 * the chosen preset is meant to show.
 */
export function DiagnosisPanel({ experiment }: { experiment: AnyExperiment }) {
  const currentRun = useStore((s) => s.run);
  const status = useStore((s) => s.status);
  const values = useStore((s) => s.values);
  const currentVersion = useThrottled(useStore((s) => s.seriesVersion), REDIAGNOSE_MS);
  // Judged in a background render: a store update renders at once, and judging a long curve
  // there would lengthen the task that handles the worker's message.
  const { run, version, live } = useDeferredValue(
    useMemo(() => ({ run: currentRun, version: currentVersion, live: isActive(status) }), [currentRun, currentVersion, status]),
  );
  const diagnosis = useRunDiagnosis(run, version, live);
  // The verdict is about the run's preset; the repeats offer is about the settings in the form.
  const lesson = run ? (experiment.curveLesson?.(run.values) ?? null) : null;
  const repeats = experiment.curveLesson?.(values)?.repeats;
  return (
    <section className="panel diagnosis-panel" aria-labelledby="diagnosis-title">
      <h2 id="diagnosis-title">Diagnosis</h2>
      {!diagnosis ? (
        <p className="muted">Names the shape of the learning curves — still improving, underfit, good fit, overfit — as they grow.</p>
      ) : (
        <>
          <p className="verdict" aria-live="polite">
            <strong data-testid="diagnosis-label" data-label={diagnosis.label}>
              {diagnosis.title}
            </strong>
            {live && diagnosis.label !== 'early' ? ' (so far)' : ''}
          </p>
          <p data-testid="diagnosis-advice">{diagnosis.advice}</p>
          <p className="muted small">
            {diagnosis.basis === 'validation'
              ? 'Read from the training and the validation loss (smoothed).'
              : 'Read from the training loss alone (smoothed): this experiment scores no validation data during training.'}
            {diagnosis.best &&
              (experiment.epochs
                ? ` Lowest validation loss ${formatMetric(diagnosis.best.value, 'decimal')} at epoch ${formatCount(diagnosis.best.epoch)} (${formatCount(diagnosis.best.samplesSeen)} samples).`
                : ` Lowest validation loss ${formatMetric(diagnosis.best.value, 'decimal')} after ${formatCount(diagnosis.best.samplesSeen)} samples (check ${formatCount(diagnosis.best.epoch)}).`)}
          </p>
          {lesson && <LessonVerdict lesson={lesson} diagnosis={diagnosis} running={live} />}
        </>
      )}
      {repeats !== undefined && <RepeatsLesson experiment={experiment} count={repeats} />}
    </section>
  );
}
