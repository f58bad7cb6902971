import { useState } from 'react';
import { resetValues, setValue } from '../../state/actions';
import { useStore } from '../../state/store';
import { SECTION_LABELS, type ParamDefs, type ParamSection } from '../../experiments/params';
import type { AnyExperiment } from '../../experiments/types';
import { ParamField } from './ParamField';

const SECTIONS: ParamSection[] = ['problem', 'model', 'training', 'regularisation'];
/** Sections folded until the user opens them or one of their values differs from its default. */
const FOLDED: ReadonlySet<ParamSection> = new Set(['regularisation']);

/** The hyperparameter form, generated from the experiment's schema in collapsible sections. */
export function ParamForm({ experiment }: { experiment: AnyExperiment }) {
  const values = useStore((s) => s.values);
  // Sections the user opened or closed keep that state; the others follow FOLDED and the values.
  const [toggled, setToggled] = useState<Partial<Record<ParamSection, boolean>>>({});
  const defs: ParamDefs = experiment.params;
  // A knob that does not apply is hidden, unless it holds a non-default value the user should see.
  const entries = Object.entries(defs).filter(([key, def]) => !def.hidden && (!def.relevant || def.relevant(values) || values[key] !== def.default));
  const changedCount = entries.filter(([key, def]) => values[key] !== def.default).length;
  return (
    <form className="param-form" aria-label="Hyperparameters" onSubmit={(e) => e.preventDefault()}>
      {SECTIONS.map((section) => {
        const fields = entries.filter(([, def]) => def.section === section);
        if (fields.length === 0) return null;
        return (
          <details
            key={section}
            open={toggled[section] ?? (!FOLDED.has(section) || fields.some(([key, def]) => values[key] !== def.default))}
            onToggle={(event) => {
              const open = event.currentTarget.open;
              setToggled((current) => (current[section] === open ? current : { ...current, [section]: open }));
            }}
            className="form-section"
          >
            <summary>{SECTION_LABELS[section]}</summary>
            {fields.map(([key, def]) => (
              <ParamField
                key={`${experiment.id}-${key}`}
                name={key}
                def={def}
                value={values[key] ?? def.default}
                onChange={(value) => setValue(key, value)}
                onReset={() => resetValues([key])}
              />
            ))}
          </details>
        );
      })}
      <button type="button" className="secondary" disabled={changedCount === 0} onClick={() => resetValues()}>
        Reset all to defaults{changedCount > 0 ? ` (${changedCount} changed)` : ''}
      </button>
    </form>
  );
}
