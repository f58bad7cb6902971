import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SEED } from '../engine/random';
import { defaultValues, isValidValue, type AnyParamValues, type ParamDef, type ParamDefs } from '../experiments/params';
import { EXPERIMENTS, findExperiment } from '../experiments/registry';
import { BACKEND_PREFERENCES } from '../worker/protocol';
import { buildQuery, DEFAULT_SEED, parseUrl, type UrlState } from './url';

const echo = findExperiment('echo');
if (!echo) throw new Error('echo experiment missing');
const echoParams: ParamDefs = echo.params;
const PARAM_NAMES = Object.keys(echoParams);
const ECHO_DEFAULTS = defaultValues(echoParams);

/** Every param valid, seed and backend valid, the echo constraint kept. */
function expectValidState(state: UrlState): void {
  const experiment = findExperiment(state.experimentId);
  expect(experiment).toBeDefined();
  if (!experiment) return;
  expect(Number.isInteger(state.seed)).toBe(true);
  expect(state.seed).toBeGreaterThanOrEqual(0);
  expect(state.seed).toBeLessThanOrEqual(MAX_SEED);
  expect(BACKEND_PREFERENCES).toContain(state.backend);
  const defs: ParamDefs = experiment.params;
  expect(Object.keys(state.values).sort()).toEqual(Object.keys(defs).sort());
  for (const [key, def] of Object.entries(defs)) {
    if (!isValidValue(def, state.values[key])) throw new Error(`invalid ${key}=${String(state.values[key])}`);
  }
  if (experiment.id === 'echo') {
    expect(state.values.outIndex as number).toBeLessThan(state.values.length as number);
  }
}

/** Plain checks for the 10,000-run property (expect() is slow in tight loops): the reason a state is invalid, or null. */
function stateProblem(state: UrlState): string | null {
  const experiment = findExperiment(state.experimentId);
  if (!experiment) return `unknown experiment ${state.experimentId}`;
  if (!Number.isInteger(state.seed) || state.seed < 0 || state.seed > MAX_SEED) return `bad seed ${state.seed}`;
  if (!(BACKEND_PREFERENCES as readonly string[]).includes(state.backend)) return `bad backend ${state.backend}`;
  const defs: ParamDefs = experiment.params;
  if (Object.keys(state.values).sort().join() !== Object.keys(defs).sort().join()) return 'wrong keys';
  for (const [key, def] of Object.entries(defs)) {
    if (!isValidValue(def, state.values[key])) return `invalid ${key}=${String(state.values[key])}`;
  }
  if ((state.values.outIndex as number) >= (state.values.length as number)) return 'outIndex outside the sequence';
  return null;
}

function sameState(a: UrlState, b: UrlState): boolean {
  const keys = Object.keys(a.values);
  return (
    a.experimentId === b.experimentId &&
    a.seed === b.seed &&
    a.backend === b.backend &&
    keys.length === Object.keys(b.values).length &&
    keys.every((key) => a.values[key] === b.values[key])
  );
}

/** -0 and 0 are the same setting; compare states without that distinction. */
function normalized(state: UrlState): UrlState {
  const values: AnyParamValues = {};
  for (const [key, value] of Object.entries(state.values)) values[key] = value === 0 ? 0 : value;
  return { ...state, seed: state.seed === 0 ? 0 : state.seed, values };
}

describe('parseUrl: well-formed links', () => {
  it('an empty query gives the default state and no warnings', () => {
    const { state, warnings } = parseUrl('');
    expect(warnings).toEqual([]);
    expect(state).toEqual({ experimentId: 'echo', seed: DEFAULT_SEED, backend: 'auto', values: ECHO_DEFAULTS });
    expect(ECHO_DEFAULTS).toEqual({
      length: 5,
      features: 10,
      outIndex: 2,
      units: 25,
      samples: 10_000,
      bs: 1,
      opt: 'adam',
      lr: 0.001,
      mom: 0,
      clip: 0,
      // The tuning knobs (experiments/tuning.ts).
      layers: 1,
      init: 'glorotUniform',
      act: 'tanh',
      drop: 0,
      rdrop: 0,
      reg: 'none',
      rega: 0.01,
      regw: 'kernel',
      vals: 100,
      es: false,
      pat: 5,
    });
  });

  it('reads the experiment, seed, backend and changed knobs', () => {
    const { state, warnings } = parseUrl('?exp=echo&seed=42&backend=wasm&units=40&lr=0.01&opt=rmsprop');
    expect(warnings).toEqual([]);
    expect(state).toEqual({
      experimentId: 'echo',
      seed: 42,
      backend: 'wasm',
      values: { ...ECHO_DEFAULTS, units: 40, lr: 0.01, opt: 'rmsprop' },
    });
  });

  it('accepts a query without the leading "?" and seed 0', () => {
    const { state, warnings } = parseUrl('seed=0&length=7');
    expect(warnings).toEqual([]);
    expect(state.seed).toBe(0);
    expect(state.values.length).toBe(7);
  });

  it('accepts the current version field silently, warns about another', () => {
    expect(parseUrl('?v=1').warnings).toEqual([]);
    const other = parseUrl('?v=2&units=30');
    expect(other.warnings).toHaveLength(1);
    expect(other.warnings[0]).toContain('v=2');
    expect(other.state.values.units).toBe(30);
  });
});

describe('buildQuery', () => {
  it('omits every default: the default state is just the experiment', () => {
    expect(buildQuery({ experimentId: 'echo', seed: DEFAULT_SEED, backend: 'auto', values: { ...ECHO_DEFAULTS } })).toBe('?exp=echo');
  });

  it('writes only what differs, in schema order, with short names', () => {
    const query = buildQuery({
      experimentId: 'echo',
      seed: 42,
      backend: 'cpu',
      values: { ...ECHO_DEFAULTS, lr: 0.01, units: 40, bs: 1 },
    });
    expect(query).toBe('?exp=echo&seed=42&backend=cpu&units=40&lr=0.01');
  });

  it('writes booleans and choices canonically and seed 0 explicitly', () => {
    expect(buildQuery({ experimentId: 'echo', seed: 0, backend: 'auto', values: { ...ECHO_DEFAULTS, opt: 'sgd', mom: 0.9 } })).toBe(
      '?exp=echo&seed=0&opt=sgd&mom=0.9',
    );
  });

  it('is stable: buildQuery(parseUrl(q)) parses back to the same state', () => {
    for (const q of ['', '?exp=echo', '?seed=7&units=3&length=9&outIndex=8', '?opt=SGD&mom=.5&lr=1e-5', '?backend=WebGL&bs=0']) {
      const first = parseUrl(q).state;
      const query = buildQuery(first);
      const second = parseUrl(query);
      expect(second.warnings).toEqual([]);
      expect(second.state).toEqual(first);
      expect(buildQuery(second.state)).toBe(query);
    }
  });
});

describe('parseUrl: bad input gives warnings and valid values', () => {
  it('clamps out-of-range numbers with a warning', () => {
    const { state, warnings } = parseUrl('?units=100000&lr=-3&samples=0');
    expect(state.values.units).toBe(512);
    expect(state.values.lr).toBe(1e-6);
    expect(state.values.samples).toBe(1);
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).toMatch(/LSTM units: 100000 lowered to the maximum 512/);
    expect(warnings.join('\n')).toMatch(/Learning rate: -3 raised to the minimum 0\.000001/);
    expectValidState(state);
  });

  it('drops non-numbers, fractions for integers, unknown choices and keeps defaults', () => {
    const { state, warnings } = parseUrl('?units=abc&length=2.5&opt=nadam&lr=&features=Infinity');
    expect(state.values).toEqual(ECHO_DEFAULTS);
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toBe('LSTM units: "abc" is not a number; using the default 25.');
    expect(warnings[1]).toContain('not a whole number');
    expect(warnings[2]).toContain('"nadam" is not one of adam, rmsprop, adagrad, sgd');
    expect(warnings[3]).toContain('enter a number');
    expect(warnings[4]).toContain('"Infinity" is not a number');
  });

  it('ignores unknown keys, including prototype names', () => {
    const { state, warnings } = parseUrl('?foo=1&__proto__=x&constructor=2&toString=3');
    expect(state.values).toEqual(ECHO_DEFAULTS);
    expect(warnings).toEqual([
      'Ignored unknown setting "foo".',
      'Ignored unknown setting "__proto__".',
      'Ignored unknown setting "constructor".',
      'Ignored unknown setting "toString".',
    ]);
    expect(Object.getPrototypeOf(state.values)).toBe(Object.prototype);
  });

  it('falls back to the default experiment for an unknown one', () => {
    const { state, warnings } = parseUrl('?exp=nope&units=30');
    expect(state.experimentId).toBe('echo');
    expect(state.values.units).toBe(30);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Unknown experiment "nope"; showing Echo sequence\.$/);
  });

  it('refuses bad seeds', () => {
    for (const bad of ['-1', '1.5', 'abc', '', String(MAX_SEED + 1), '1e20']) {
      const { state, warnings } = parseUrl(`?seed=${encodeURIComponent(bad)}`);
      expect(state.seed).toBe(DEFAULT_SEED);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('Seed');
    }
    expect(parseUrl(`?seed=${MAX_SEED}`).state.seed).toBe(MAX_SEED);
  });

  it('refuses unknown backends, reads known ones case-insensitively', () => {
    const bad = parseUrl('?backend=cuda');
    expect(bad.state.backend).toBe('auto');
    expect(bad.warnings).toEqual(['Unknown backend "cuda"; using auto.']);
    expect(parseUrl('?backend=WASM').state.backend).toBe('wasm');
  });

  it('uses the first of duplicate keys and says so', () => {
    const { state, warnings } = parseUrl('?units=30&units=40&seed=3&seed=4');
    expect(state.values.units).toBe(30);
    expect(state.seed).toBe(3);
    expect(warnings).toEqual(['"units" appears more than once; using the first value.', '"seed" appears more than once; using the first value.']);
  });

  it('keeps the echoed position inside the sequence', () => {
    const { state, warnings } = parseUrl('?length=3&outIndex=10');
    expect(state.values.length).toBe(3);
    expect(state.values.outIndex).toBe(2);
    expect(warnings).toEqual(['Echoed position 10 is outside a sequence of 3; using 2.']);
  });

  it('treats script payloads as plain text, as keys and as values', () => {
    const payload = '<script>alert(1)</script>';
    const encoded = encodeURIComponent(payload);
    const { state, warnings } = parseUrl(`?${encoded}=1&units=${encoded}&exp=${encoded}&seed=${encoded}&backend=${encoded}&opt=${payload}`);
    expectValidState(state);
    expect(state.experimentId).toBe('echo');
    expect(state.values).toEqual(ECHO_DEFAULTS);
    expect(state.seed).toBe(DEFAULT_SEED);
    expect(state.backend).toBe('auto');
    expect(warnings).toHaveLength(6);
    for (const warning of warnings) expect(typeof warning).toBe('string');
    // Quoted user text is clipped, so a long payload cannot flood the page.
    const long = parseUrl(`?${'x'.repeat(500)}=1`).warnings[0] ?? '';
    expect(long.length).toBeLessThan(100);
  });
});

describe('properties', () => {
  /** A valid value of one definition. */
  function valueOf(def: ParamDef): fc.Arbitrary<number | string | boolean> {
    switch (def.kind) {
      case 'int':
        return fc.integer({ min: def.min, max: def.max });
      case 'number':
        return fc.double({ min: def.min, max: def.max, noNaN: true });
      case 'choice':
        return fc.constantFrom(...def.options.map((o) => o.value));
      case 'bool':
        return fc.boolean();
      case 'text':
        return fc
          .string({ maxLength: Math.min(def.maxLength, 40) })
          .map((text) => text.trim())
          .filter((text) => (def.check?.(text) ?? null) === null);
    }
  }

  it('state → query → state is the identity on valid states', () => {
    const values = fc.record(Object.fromEntries(Object.entries(echoParams).map(([key, def]) => [key, valueOf(def)])));
    const states = fc.record({
      seed: fc.integer({ min: 0, max: MAX_SEED }),
      backend: fc.constantFrom(...BACKEND_PREFERENCES),
      values,
    });
    fc.assert(
      fc.property(states, ({ seed, backend, values: raw }) => {
        const length = raw.length as number;
        const state: UrlState = {
          experimentId: 'echo',
          seed,
          backend,
          values: { ...raw, outIndex: (raw.outIndex as number) % length },
        };
        const parsed = parseUrl(buildQuery(state));
        expect(parsed.warnings).toEqual([]);
        expect(normalized(parsed.state)).toEqual(normalized(state));
      }),
      { numRuns: 2000 },
    );
  });

  it('arbitrary query strings never throw and always give a valid, stable state', () => {
    const names = [...PARAM_NAMES, 'exp', 'seed', 'backend', 'v', '__proto__'];
    const numberText = fc.oneof(
      fc.integer().map(String),
      fc.double().map(String),
      fc.constantFrom('', ' ', '-0', '1e400', '0x10', '1_000', 'NaN', '-Infinity', '+5', ' 7 ', '1e-7', '.5', 'true', 'yes'),
    );
    const value = fc.oneof(fc.string({ unit: 'binary' }), numberText, fc.constantFrom(...EXPERIMENTS.map((e) => e.id), ...BACKEND_PREFERENCES, 'SGD'));
    const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.string({ unit: 'binary' }) });
    const encode = fc.boolean();
    const pairs = fc
      .tuple(fc.array(fc.tuple(key, value, encode), { maxLength: 12 }), fc.boolean())
      .map(([list, question]) =>
        (question ? '?' : '') + list.map(([k, v, enc]) => (enc ? `${encodeURIComponent(k)}=${encodeURIComponent(v)}` : `${k}=${v}`)).join('&'),
      );
    const query = fc.oneof(pairs, fc.string({ unit: 'binary' }), fc.webQueryParameters(), fc.webQueryParameters().map((q) => `?${q}`));
    fc.assert(
      fc.property(query, (search) => {
        const { state, warnings } = parseUrl(search);
        if (!warnings.every((w) => typeof w === 'string')) throw new Error('a warning is not text');
        const problem = stateProblem(state);
        if (problem) throw new Error(problem);
        const again = parseUrl(buildQuery(state));
        if (again.warnings.length) throw new Error(`re-parse warned: ${again.warnings.join(' ')}`);
        if (!sameState(again.state, state)) throw new Error('re-parsed state differs');
      }),
      { numRuns: 10_000 },
    );
  });
});
