import { describe, expect, it } from 'vitest';
import { useStore } from '../store';
import { applyRunSettings } from './restore';
import { sampleRun } from './testRuns';

const stored = (overrides: Parameters<typeof sampleRun>[0]) => ({ ...sampleRun(overrides), schema: 1 });

describe('applyRunSettings', () => {
  it("puts the run's experiment, settings and seed into the page, keeping the engine setting", () => {
    useStore.setState({ experimentId: 'sine', backend: 'wasm', seed: 1 });
    expect(applyRunSettings(stored({ id: 4, experimentId: 'echo', values: { units: 10, length: 7 }, seed: 42 }))).toBeNull();
    const state = useStore.getState();
    expect(state.experimentId).toBe('echo');
    expect(state.seed).toBe(42);
    expect(state.backend).toBe('wasm');
    expect(state.values).toMatchObject({ units: 10, length: 7 });
    expect(state.warnings).toEqual([]);
  });

  it('resets settings the experiment no longer accepts, and says so', () => {
    applyRunSettings(stored({ id: 5, experimentId: 'echo', values: { units: -3, gone: 1 } }));
    const state = useStore.getState();
    expect(state.values.units).toBe(25);
    expect(state.warnings).toEqual(['Run 5: LSTM units: invalid value; using the default 25.']);
  });

  it('refuses a run of an experiment the page no longer has', () => {
    useStore.setState({ experimentId: 'echo', seed: 3 });
    expect(applyRunSettings(stored({ id: 6, experimentId: 'retired', experimentTitle: 'Retired lesson', seed: 9 }))).toBe(
      'Run 6 was trained on "Retired lesson", which this page no longer has.',
    );
    expect(useStore.getState().seed).toBe(3);
  });
});
