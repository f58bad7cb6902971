import { useId } from 'react';
import type { ParamDef, ParamDefs } from '../../../experiments/params';
import type { AnyExperiment } from '../../../experiments/types';
import { gridKnobs, gridScores, MAX_GRID_REPEATS } from '../../../state/grid/definition';
import type { DraftCheck, GridDraft } from '../../../state/grid/draft';

interface Props {
  experiment: AnyExperiment;
  draft: GridDraft;
  check: DraftCheck;
  onChange(draft: GridDraft): void;
  /** Runs the grid would train; null while the form is not valid. */
  runCount: number | null;
  busy: boolean;
  running: boolean;
  onStart(): void;
  onCancel(): void;
}

function valuesHint(def: ParamDef | undefined): string {
  if (!def) return '';
  if (def.kind === 'choice') return `Options: ${def.options.map((o) => o.value).join(', ')}.`;
  if (def.kind === 'int' || def.kind === 'number') return `${def.kind === 'int' ? 'Whole numbers' : 'Numbers'} from ${def.min} to ${def.max}, separated by commas.`;
  return '';
}

/** The grid's knobs, their values, the repeats per point and the score, each checked as typed. */
export function GridForm({ experiment, draft, check, onChange, runCount, busy, running, onStart, onCancel }: Props) {
  const id = useId();
  const knobs = gridKnobs(experiment);
  const defs = experiment.params as ParamDefs;
  const set = (patch: Partial<GridDraft>) => onChange({ ...draft, ...patch });
  const setAxis = (i: 0 | 1, param: string, text: string) => {
    const params: [string, string] = [...draft.params];
    const texts: [string, string] = [...draft.texts];
    params[i] = param;
    texts[i] = text;
    set({ params, texts });
  };
  const pickKnob = (i: 0 | 1, param: string) => {
    const def = defs[param];
    // A choice knob starts with every option; a number waits for the user's list.
    setAxis(i, param, def?.kind === 'choice' ? def.options.map((o) => o.value).join(', ') : '');
  };
  const axis = (i: 0 | 1) => {
    const error = check.errors[i === 0 ? 'values0' : 'values1'];
    const param = draft.params[i];
    const label = i === 0 ? 'first' : 'second';
    return (
      <div className="grid-axis">
        <label>
          {i === 0 ? 'First knob' : 'Second knob'}
          <select value={param} onChange={(e) => pickKnob(i, e.target.value)}>
            <option value="">{i === 0 ? 'Choose a knob…' : 'None'}</option>
            {knobs.map(([key, def]) => (
              <option key={key} value={key} disabled={i === 1 && key === draft.params[0]}>
                {def.label}
              </option>
            ))}
          </select>
        </label>
        {param !== '' && (
          <label>
            Values of the {label} knob
            <input
              type="text"
              value={draft.texts[i]}
              placeholder={defs[param]?.kind === 'choice' ? '' : 'e.g. 1, 5, 10'}
              onChange={(e) => setAxis(i, param, e.target.value)}
              aria-invalid={error !== undefined}
              aria-describedby={`${id}-hint${i} ${id}-error${i}`}
              maxLength={400}
            />
          </label>
        )}
        {param !== '' && (
          <span className="muted small" id={`${id}-hint${i}`}>
            {valuesHint(defs[param])}
          </span>
        )}
        <span className="field-error" id={`${id}-error${i}`}>
          {error ?? ''}
        </span>
      </div>
    );
  };
  return (
    <form
      className="grid-form"
      aria-label="Grid definition"
      onSubmit={(event) => {
        event.preventDefault();
        if (check.grid && !busy) onStart();
      }}
    >
      {axis(0)}
      {draft.params[0] !== '' && axis(1)}
      <div className="grid-axis">
        <label>
          Repeats per point
          <input
            type="number"
            min={1}
            max={MAX_GRID_REPEATS}
            step={1}
            value={draft.repeats}
            onChange={(e) => set({ repeats: e.target.value })}
            aria-invalid={check.errors.repeats !== undefined}
            aria-describedby={`${id}-reps`}
          />
        </label>
        <span className="field-error" id={`${id}-reps`}>
          {check.errors.repeats ?? ''}
        </span>
      </div>
      <label>
        Score
        <select value={draft.score} onChange={(e) => set({ score: e.target.value })}>
          {gridScores(experiment).map((s) => (
            <option key={s.key} value={s.key}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <div className="repeat-form">
        <button type="submit" disabled={!check.grid || busy}>
          Run grid{runCount !== null ? ` (${runCount} runs)` : ''}
        </button>
        {running && (
          <button type="button" onClick={onCancel}>
            Cancel grid
          </button>
        )}
      </div>
      {check.errors.total && <p className="field-error">{check.errors.total}</p>}
    </form>
  );
}
