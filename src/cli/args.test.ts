import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('reads the experiment and --name value pairs in order', () => {
    const args = parseArgs(['echo', '--seed', '3', '--units', '40', '--lr', '0.01']);
    expect(args.experimentId).toBe('echo');
    expect([...args.options]).toEqual([
      ['seed', '3'],
      ['units', '40'],
      ['lr', '0.01'],
    ]);
    expect(args.errors).toEqual([]);
  });

  it('reads --name=value, keeping "=" inside the value', () => {
    const args = parseArgs(['echo', '--units=40', '--note=a=b', '--empty=']);
    expect(Object.fromEntries(args.options)).toEqual({ units: '40', note: 'a=b', empty: '' });
  });

  it('a flag without a value is "true" (at the end or before another flag)', () => {
    const args = parseArgs(['echo', '--quiet', '--seed', '2', '--verbose']);
    expect(Object.fromEntries(args.options)).toEqual({ quiet: 'true', seed: '2', verbose: 'true' });
  });

  it('negative numbers are values, not flags', () => {
    expect(parseArgs(['echo', '--lr', '-1']).options.get('lr')).toBe('-1');
  });

  it('the experiment may come after the options', () => {
    const args = parseArgs(['--seed', '5', 'echo']);
    expect(args.experimentId).toBe('echo');
    expect(args.options.get('seed')).toBe('5');
  });

  it('a later duplicate overrides an earlier one', () => {
    expect(parseArgs(['echo', '--seed', '1', '--seed', '2']).options.get('seed')).toBe('2');
  });

  it('reports extra positional arguments', () => {
    const args = parseArgs(['echo', 'sine', '--seed', '1', 'more']);
    expect(args.experimentId).toBe('echo');
    expect(args.errors).toEqual(['Unexpected argument "sine".', 'Unexpected argument "more".']);
  });

  it('no arguments: no experiment, no errors', () => {
    expect(parseArgs([])).toEqual({ experimentId: undefined, options: new Map(), errors: [] });
  });
});

describe('flags', () => {
  it('never takes the next argument as the value of a flag', () => {
    const args = parseArgs(['--quiet', 'echo', '--units', '4']);
    expect(args.experimentId).toBe('echo');
    expect(args.options.get('quiet')).toBe('true');
    expect(args.options.get('units')).toBe('4');
  });
});
