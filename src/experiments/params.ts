/**
 * Hyperparameter schemas. Every experiment declares its knobs here; the form,
 * the URL codec, the CLI and the validation all derive from the same record.
 * The record key is the knob's short, stable name in URLs and on the CLI.
 */

export type ParamSection = 'problem' | 'model' | 'training' | 'regularisation';

export const SECTION_LABELS: Record<ParamSection, string> = {
  problem: 'Problem',
  model: 'Model',
  training: 'Training',
  regularisation: 'Regularisation',
};

interface ParamBase {
  label: string;
  /** One line saying what the knob does. */
  help: string;
  section: ParamSection;
  unit?: string;
  /** Not in the generated form: the experiment's own panel edits it (e.g. a data file). */
  hidden?: boolean;
  /** Whether the form shows the knob for these values (e.g. momentum only with SGD); shown when absent. */
  relevant?(values: Readonly<Record<string, number | string | boolean>>): boolean;
}

export interface IntParam extends ParamBase {
  kind: 'int';
  default: number;
  min: number;
  max: number;
  step?: number;
}

export interface NumberParam extends ParamBase {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  /** Suggested step for the input; any value in range is accepted. */
  step?: number;
}

export interface ChoiceParam<O extends string = string> extends ParamBase {
  kind: 'choice';
  default: O;
  options: readonly { value: O; label: string }[];
}

export interface BoolParam extends ParamBase {
  kind: 'bool';
  default: boolean;
}

/** Free text checked by the experiment, e.g. a list of numbers ("55, 80"). */
export interface TextParam extends ParamBase {
  kind: 'text';
  default: string;
  maxLength: number;
  /** Shown in the empty field. */
  placeholder?: string;
  /** Why the text is not acceptable (null when it is). Never throws. */
  check?(text: string): string | null;
  /** False: never written to or read from links (a whole data file does not belong in a URL). */
  inUrl?: boolean;
}

/** Whether a knob travels in links. */
export function inUrl(def: ParamDef): boolean {
  return !(def.kind === 'text' && def.inUrl === false);
}

export type ParamDef = IntParam | NumberParam | ChoiceParam | BoolParam | TextParam;
export type ParamDefs = Record<string, ParamDef>;

/** The values type of a schema: numbers, booleans and each choice's literal union. */
export type ParamValues<D extends ParamDefs> = {
  [K in keyof D]: D[K] extends ChoiceParam<infer O> ? O : D[K] extends BoolParam ? boolean : D[K] extends TextParam ? string : number;
};

export type AnyParamValues = Record<string, number | string | boolean>;

export function defaultValues<D extends ParamDefs>(defs: D): ParamValues<D> {
  const values: AnyParamValues = {};
  for (const [key, def] of Object.entries(defs)) values[key] = def.default;
  return values as ParamValues<D>;
}

/** Outcome of checking one raw value against its definition. */
export type CheckResult =
  | { ok: true; value: number | string | boolean; note?: string }
  | { ok: false; message: string };

/**
 * Checks a raw text value (from a URL, a form field or the CLI). Out-of-range
 * numbers are clamped with a note; anything unreadable is refused with a message.
 */
export function checkValue(def: ParamDef, raw: string): CheckResult {
  const text = raw.trim();
  switch (def.kind) {
    case 'int':
    case 'number': {
      if (text === '') return { ok: false, message: 'enter a number' };
      const value = Number(text);
      if (!Number.isFinite(value)) return { ok: false, message: `"${clip(text)}" is not a number` };
      if (def.kind === 'int' && !Number.isInteger(value)) {
        return { ok: false, message: `"${clip(text)}" is not a whole number` };
      }
      if (value < def.min) return { ok: true, value: def.min, note: `raised to the minimum ${def.min}` };
      if (value > def.max) return { ok: true, value: def.max, note: `lowered to the maximum ${def.max}` };
      return { ok: true, value };
    }
    case 'choice': {
      const option = def.options.find((o) => o.value.toLowerCase() === text.toLowerCase());
      if (!option) {
        return { ok: false, message: `"${clip(text)}" is not one of ${def.options.map((o) => o.value).join(', ')}` };
      }
      return { ok: true, value: option.value };
    }
    case 'text': {
      if (text.length > def.maxLength) return { ok: false, message: `at most ${def.maxLength} characters` };
      const problem = def.check?.(text) ?? null;
      return problem === null ? { ok: true, value: text } : { ok: false, message: problem };
    }
    case 'bool': {
      const lower = text.toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(lower)) return { ok: true, value: true };
      if (['0', 'false', 'no', 'off'].includes(lower)) return { ok: true, value: false };
      return { ok: false, message: `"${clip(text)}" is not true or false` };
    }
  }
}

/** Whether a value is a valid, in-range value of the definition. */
export function isValidValue(def: ParamDef, value: unknown): boolean {
  switch (def.kind) {
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && value >= def.min && value <= def.max;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= def.min && value <= def.max;
    case 'choice':
      return typeof value === 'string' && def.options.some((o) => o.value === value);
    case 'bool':
      return typeof value === 'boolean';
    case 'text':
      return typeof value === 'string' && value.length <= def.maxLength && (def.check?.(value) ?? null) === null;
  }
}

/** The canonical text of a value, as written in URLs. */
export function formatValue(value: number | string | boolean): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

/** Shortens user text quoted in a message. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
