import { describe, expect, it } from 'vitest';
import type { BackendName, TfjsBackendPreference } from '../worker/protocol';
import { chooseBackend, serialBackendSelector, type BackendChoice, type BackendProbe } from './backend';

interface FakeProbe extends BackendProbe {
  unsuitableCalls: number;
  activateCalls: number;
}

/** A probe with a fixed verdict and start result; counts its calls. */
function probe(unsuitable: string | null | Error, starts: boolean | Error = true): FakeProbe {
  const fake: FakeProbe = {
    unsuitableCalls: 0,
    activateCalls: 0,
    async unsuitable() {
      fake.unsuitableCalls++;
      if (unsuitable instanceof Error) throw unsuitable;
      return unsuitable;
    },
    async activate() {
      fake.activateCalls++;
      if (starts instanceof Error) throw starts;
      return starts;
    },
  };
  return fake;
}

function all(overrides: Partial<Record<BackendName, FakeProbe>> = {}): Record<BackendName, FakeProbe> {
  return { webgpu: probe(null), webgl: probe(null), wasm: probe(null), cpu: probe(null), ...overrides };
}

describe('chooseBackend', () => {
  it('auto takes the first suitable backend in the order WebGPU → WebGL → WASM → CPU', async () => {
    const probes = all();
    expect(await chooseBackend('auto', probes)).toEqual({ backend: 'webgpu', skipped: [] });
    expect(probes.webgl.unsuitableCalls + probes.webgl.activateCalls).toBe(0);
  });

  it('auto skips unsuitable backends with their reasons and falls through', async () => {
    const probes = all({
      webgpu: probe('no WebGPU adapter (no usable GPU)'),
      webgl: probe('software renderer (SwiftShader): several times slower than WebAssembly'),
    });
    expect(await chooseBackend('auto', probes)).toEqual({
      backend: 'wasm',
      skipped: [
        { name: 'webgpu', reason: 'no WebGPU adapter (no usable GPU)' },
        { name: 'webgl', reason: 'software renderer (SwiftShader): several times slower than WebAssembly' },
      ],
    });
    expect(probes.webgpu.activateCalls).toBe(0);
    expect(probes.webgl.activateCalls).toBe(0);
    expect(probes.cpu.unsuitableCalls).toBe(0);
  });

  it('a probe whose check throws counts as unsuitable, with the error as reason', async () => {
    const probes = all({ webgpu: probe(new Error('requestAdapter exploded')) });
    expect(await chooseBackend('auto', probes)).toEqual({ backend: 'webgl', skipped: [{ name: 'webgpu', reason: 'requestAdapter exploded' }] });
  });

  it('missing probes are recorded as not available', async () => {
    const { cpu } = all();
    expect(await chooseBackend('auto', { cpu })).toEqual({
      backend: 'cpu',
      skipped: [
        { name: 'webgpu', reason: 'not available on this platform' },
        { name: 'webgl', reason: 'not available on this platform' },
        { name: 'wasm', reason: 'not available on this platform' },
      ],
    });
  });

  it('a forced backend is tried first even when auto would skip it, with auto\'s reason as a caution', async () => {
    const probes = all({ webgl: probe('software renderer (SwiftShader)') });
    expect(await chooseBackend('webgl', probes)).toEqual({ backend: 'webgl', skipped: [], caution: 'software renderer (SwiftShader)' });
    expect(probes.webgl.activateCalls).toBe(1);
    expect(probes.webgpu.activateCalls).toBe(0);
    expect(probes.webgpu.unsuitableCalls).toBe(0);
  });

  it('a forced backend auto would use too gets no caution', async () => {
    const probes = all();
    expect(await chooseBackend('wasm', probes)).toEqual({ backend: 'wasm', skipped: [] });
    // A probe whose check throws after the start does not turn into a caution either.
    const throwing = all({ webgl: probe(new Error('lost context')) });
    expect(await chooseBackend('webgl', throwing)).toEqual({ backend: 'webgl', skipped: [] });
  });

  it('a forced backend that fails falls back in the usual order, skipping unsuitable ones', async () => {
    const probes = all({ cpu: probe(null, false), webgpu: probe('no adapter') });
    expect(await chooseBackend('cpu', probes)).toEqual({
      backend: 'webgl',
      skipped: [
        { name: 'cpu', reason: 'failed to start' },
        { name: 'webgpu', reason: 'no adapter' },
      ],
    });
  });

  it('a forced backend that refuses to start says why, as far as its probe can tell', async () => {
    const probes = all({ webgl: probe('software renderer (SwiftShader)', false), webgpu: probe(new Error('no navigator.gpu'), false) });
    expect(await chooseBackend('webgl', probes)).toEqual({
      backend: 'wasm',
      skipped: [
        { name: 'webgl', reason: 'failed to start (software renderer (SwiftShader))' },
        { name: 'webgpu', reason: 'no navigator.gpu' },
      ],
    });
    const forcedGpu = all({ webgpu: probe(new Error('no navigator.gpu'), false) });
    expect((await chooseBackend('webgpu', forcedGpu)).skipped).toEqual([{ name: 'webgpu', reason: 'failed to start' }]);
  });

  it('a failing activate() is recorded and the next backend used', async () => {
    const probes = all({ webgpu: probe(null, new Error('device lost')), webgl: probe(null, false) });
    expect(await chooseBackend('auto', probes)).toEqual({
      backend: 'wasm',
      skipped: [
        { name: 'webgpu', reason: 'failed to start: device lost' },
        { name: 'webgl', reason: 'failed to start' },
      ],
    });
    expect(probes.webgpu.activateCalls).toBe(1);
    expect(probes.webgl.activateCalls).toBe(1);
  });

  it('throws a readable error naming every backend when none starts', async () => {
    const probes = all({
      webgpu: probe('no adapter'),
      webgl: probe(null, new Error('context lost')),
      wasm: probe(null, false),
    });
    // Something that is not an Error is quoted as text.
    probes.cpu.activate = () => Promise.reject('plain string');
    await expect(chooseBackend('auto', probes)).rejects.toThrow(
      'No TensorFlow.js backend could start (webgpu: no adapter; webgl: failed to start: context lost; wasm: failed to start; cpu: failed to start: plain string).',
    );
  });
});

describe('serialBackendSelector', () => {
  /** A chooser whose choices the test settles by hand, recording when each starts. */
  function manual() {
    const started: TfjsBackendPreference[] = [];
    const settle: ((outcome: BackendChoice | Error) => void)[] = [];
    const choose = (preference: TfjsBackendPreference) =>
      new Promise<BackendChoice>((resolve, reject) => {
        started.push(preference);
        settle.push((outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)));
      });
    return { started, settle, select: serialBackendSelector(choose) };
  }
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('starts a new choice only once the previous one has settled, and keeps the latest', async () => {
    const { started, settle, select } = manual();
    const auto = select('auto');
    const wasm = select('wasm');
    await flush();
    expect(started).toEqual(['auto']); // wasm waits: two choices would switch TF.js under each other
    settle[0]?.({ backend: 'wasm', skipped: [{ name: 'webgl', reason: 'software renderer' }] });
    await expect(auto).resolves.toMatchObject({ backend: 'wasm' });
    await flush();
    expect(started).toEqual(['auto', 'wasm']);
    settle[1]?.({ backend: 'wasm', skipped: [] });
    await expect(wasm).resolves.toEqual({ backend: 'wasm', skipped: [] });
    // Asked again: the kept choice, nothing started.
    expect(select('wasm')).toBe(wasm);
    expect(started).toHaveLength(2);
  });

  it('a failed choice is forgotten and does not hold up the next one', async () => {
    const { started, settle, select } = manual();
    const cpu = select('cpu');
    await flush();
    settle[0]?.(new Error('cannot start'));
    await expect(cpu).rejects.toThrow('cannot start');
    const again = select('cpu');
    await flush();
    expect(started).toEqual(['cpu', 'cpu']);
    settle[1]?.({ backend: 'cpu', skipped: [] });
    await expect(again).resolves.toMatchObject({ backend: 'cpu' });

    const webgl = select('webgl');
    const wasm = select('wasm');
    await flush();
    settle[2]?.(new Error('no WebGL'));
    await expect(webgl).rejects.toThrow('no WebGL');
    await flush();
    expect(started).toEqual(['cpu', 'cpu', 'webgl', 'wasm']);
    settle[3]?.({ backend: 'wasm', skipped: [] });
    await expect(wasm).resolves.toMatchObject({ backend: 'wasm' });
  });
});
