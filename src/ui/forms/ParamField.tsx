import { useId, useState } from 'react';
import { checkValue, formatValue, type ParamDef } from '../../experiments/params';

interface Props {
  name: string;
  def: ParamDef;
  value: number | string | boolean;
  onChange(value: number | string | boolean): void;
  onReset(): void;
}

/** One knob: a labelled input generated from its definition, validated as the user types. */
export function ParamField({ name, def, value, onChange, onReset }: Props) {
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const [draft, setDraft] = useState(formatValue(value));
  const [error, setError] = useState<string | null>(null);
  const changed = value !== def.default;

  // Follow outside changes (reset, URL, constraints): adjust the draft while rendering, as React advises.
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    setDraft(formatValue(value));
    setError(null);
  }

  const commitText = (text: string) => {
    setDraft(text);
    const result = checkValue(def, text);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    if (result.note) {
      setError(`Allowed range ${String((def as { min: number }).min)}–${String((def as { max: number }).max)}; ${result.note}.`);
      return;
    }
    setError(null);
    if (result.value !== value) onChange(result.value);
  };

  let input;
  if (def.kind === 'choice') {
    input = (
      <select id={id} value={String(value)} aria-describedby={helpId} onChange={(e) => onChange(e.target.value)}>
        {def.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (def.kind === 'bool') {
    input = <input id={id} type="checkbox" checked={value === true} aria-describedby={helpId} onChange={(e) => onChange(e.target.checked)} />;
  } else if (def.kind === 'text') {
    input = (
      <input
        id={id}
        name={name}
        type="text"
        spellCheck={false}
        autoComplete="off"
        maxLength={def.maxLength}
        placeholder={def.placeholder}
        value={draft}
        aria-invalid={error !== null}
        aria-describedby={error ? `${helpId} ${errorId}` : helpId}
        onChange={(e) => commitText(e.target.value)}
      />
    );
  } else {
    input = (
      <input
        id={id}
        name={name}
        type="number"
        inputMode={def.kind === 'int' ? 'numeric' : 'decimal'}
        min={def.min}
        max={def.max}
        step={def.kind === 'int' ? (def.step ?? 1) : 'any'}
        value={draft}
        aria-invalid={error !== null}
        aria-describedby={error ? `${helpId} ${errorId}` : helpId}
        onChange={(e) => commitText(e.target.value)}
        onBlur={() => {
          // Leaving a field with a value out of range clamps it, so the form never holds an invalid value.
          const result = checkValue(def, draft);
          if (result.ok && result.value !== value) onChange(result.value);
          if (result.ok) {
            setDraft(formatValue(result.value));
            setError(null);
          }
        }}
      />
    );
  }

  return (
    <div className={`param${changed ? ' param-changed' : ''}`} data-param={name}>
      <div className="param-head">
        <label htmlFor={id}>
          {def.label}
          {def.unit && <span className="unit"> ({def.unit})</span>}
        </label>
        {changed && (
          <button type="button" className="link-button" onClick={onReset} title={`Back to the default ${formatValue(def.default)}`}>
            <span aria-hidden="true">● </span>reset<span className="visually-hidden"> {def.label} to {formatValue(def.default)}</span>
          </button>
        )}
      </div>
      {input}
      <p id={helpId} className="help">
        {def.help}
        {(def.kind === 'int' || def.kind === 'number') && ` Range ${def.min}–${def.max}.`}
      </p>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
