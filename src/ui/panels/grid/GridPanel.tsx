import { useMemo } from 'react';
import type { AnyExperiment } from '../../../experiments/types';
import { cancelRepeats, startGrid, useRepeatStore } from '../../../state/repeats';
import { gridPoints, gridRunCount } from '../../../state/grid/definition';
import { checkDraft, emptyDraft } from '../../../state/grid/draft';
import { setGridDraft, useGridStore } from '../../../state/grid/store';
import { useStore } from '../../../state/store';
import { useThrottled } from '../../useThrottled';
import { GridForm } from './GridForm';
import { GridResults } from './GridResults';
import './grid.css';

/**
 * Grid search: one or two knobs over lists of values, each grid point trained several times with
 * consecutive seeds on the worker pool; a summary table and a box plot per value.
 */
export function GridPanel({ experiment }: { experiment: AnyExperiment }) {
  const seed = useStore((s) => s.seed);
  const stored = useGridStore((s) => (s.experimentId === experiment.id ? s.draft : null));
  const draft = useMemo(() => stored ?? emptyDraft(experiment), [stored, experiment]);
  const check = useMemo(() => checkDraft(experiment, draft), [experiment, draft]);
  const status = useRepeatStore((s) => s.status);
  const kind = useRepeatStore((s) => s.kind);
  const of = useRepeatStore((s) => s.experimentId);
  const runs = useRepeatStore((s) => s.runs);
  const grid = useRepeatStore((s) => s.grid);
  const version = useThrottled(useRepeatStore((s) => s.version), 250);
  const shown = of === experiment.id && kind === 'grid' && grid ? runs : [];
  const running = status === 'running' && kind === 'grid';
  const done = shown.filter((run) => run.status === 'done' || run.status === 'error').length;
  const points = useMemo(() => (grid ? gridPoints(experiment, grid) : []), [experiment, grid]);
  const finished = (status: string) => status === 'done' || status === 'error';
  const pointsDone = points.filter((p) => shown.every((r) => r.point !== p.index || finished(r.status))).length;
  // The experiment's constraints can change a grid value to fit the other settings.
  const adjusted = shown.filter((run) => grid?.axes.some((axis, a) => run.values[axis.param] !== points[run.point ?? -1]?.coords[a])).length;
  const reps = check.grid?.repeats ?? 1;

  return (
    <section className="panel grid-panel" aria-labelledby="grid-title">
      <h2 id="grid-title">Grid search</h2>
      <p className="muted small">
        Train the current settings with one or two knobs changed over lists of values. Every grid point runs with {reps === 1 ? `seed ${seed}` : `seeds ${seed}–${seed + reps - 1}`}, so
        points differ in the knobs, not in luck.
      </p>
      <GridForm
        experiment={experiment}
        draft={draft}
        check={check}
        onChange={(next) => setGridDraft(experiment.id, next)}
        runCount={check.grid ? gridRunCount(check.grid) : null}
        busy={status === 'running'}
        running={running}
        onStart={() => check.grid && startGrid(check.grid)}
        onCancel={cancelRepeats}
      />
      {grid && shown.length > 0 && (
        <div aria-live="polite" className="grid-results">
          <p data-testid="grid-progress">
            {pointsDone} of {points.length} points done · {done} of {shown.length} runs done
            {status === 'cancelled' ? ' · cancelled' : status === 'done' ? ' · finished' : ''}
          </p>
          {adjusted > 0 && (
            <p className="muted small">
              {adjusted} run{adjusted === 1 ? '' : 's'} trained another value than the grid’s: the experiment adjusted it to fit the other settings.
            </p>
          )}
          <GridResults experiment={experiment} grid={grid} runs={shown} version={version} />
        </div>
      )}
    </section>
  );
}
