import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../src/engine/modelSpec';
import { largestRelativeDifference, parseScriptOutput, referenceUnsupportedReason, torchEngineLabel, torchPythonCandidates, torchTarget } from './pytorchReport';

describe('the PyTorch reference report', () => {
  it('reads the info line and one row per experiment, leaving out what is not a JSON object', () => {
    const stdout = [
      'a warning torch printed',
      JSON.stringify({ info: { torch: '1.13.0a0', threads: 1, interopThreads: 1 } }),
      '42',
      JSON.stringify({
        experiment: 'echo',
        batchSize: 1,
        samples: 3999,
        samplesPerCpuSec: 800.5,
        samplesPerWallSec: null,
        torchParams: 3960,
        extraBiasParams: 100,
        lossFirstTenth: 2.2,
        lossLastTenth: 0.9,
        firstStepLoss: 2.30211,
        firstStepGradNorms: [1, 2.000002, 0],
      }),
      JSON.stringify({ experiment: 'movingline', batchSize: 32, error: 'not built in PyTorch here: layer conv2d' }),
      '',
    ].join('\n');
    const out = parseScriptOutput(stdout, { echo: 3860 }, { echo: { loss: 2.30212, gradNorms: [1, 2, 0] } });
    expect(out.torch).toBe('1.13.0a0');
    expect(out.threads).toBe(1);
    expect(out.rows.map((r) => r.experiment)).toEqual(['echo', 'movingline']);
    const echo = out.rows[0];
    expect(echo?.samplesPerCpuSec).toBe(800.5);
    expect(echo?.samplesPerWallSec).toBeNaN();
    expect(echo?.ourParams).toBe(3860);
    expect(echo?.torchParams).toBe(3960);
    expect(echo?.firstLoss).toEqual({ ours: 2.30212, torch: 2.30211 });
    expect(echo?.gradNormDifference).toBeCloseTo(1e-6, 9);
    expect(out.rows[1]?.error).toContain('conv2d');
    expect(out.rows[1]?.ourParams).toBeNaN();
    expect(torchEngineLabel(out)).toBe('PyTorch 1.13.0a0 (1 thread)');
  });

  it('compares gradient norms relative to ours, and not at all when the weight arrays do not line up', () => {
    expect(largestRelativeDifference([2, 0], [2.2, 0])).toBeCloseTo(0.1, 9);
    expect(largestRelativeDifference([1, 1], [1, 1])).toBe(0);
    expect(largestRelativeDifference([1, 1], [1])).toBeNaN();
    expect(largestRelativeDifference([], [])).toBeNaN();
  });

  it("holds issue 11's targets at batch 1 and 32 and none elsewhere", () => {
    expect(torchTarget(1)).toBe(5);
    expect(torchTarget(32)).toBe(1);
    expect(torchTarget(10)).toBeNull();
  });

  it('tries PLAYGROUND_TORCH_PYTHON alone when it is set, else python3 and Debian’s python', () => {
    expect(torchPythonCandidates({ PLAYGROUND_TORCH_PYTHON: ' /opt/py/bin/python ' })).toEqual(['/opt/py/bin/python']);
    expect(torchPythonCandidates({ PLAYGROUND_TORCH_PYTHON: '' })).toEqual(['python3', '/usr/bin/python3']);
    expect(torchPythonCandidates({})).toEqual(['python3', '/usr/bin/python3']);
  });

  it('builds sequence models of LSTM, Bidirectional, Dense, TimeDistributed(Dense) and RepeatVector only', () => {
    const sequence: ModelSpec = {
      inputShape: [7, 3],
      layers: [
        { type: 'bidirectional', mergeMode: 'sum', layer: { type: 'lstm', units: 4, returnSequences: true } },
        { type: 'lstm', units: 5 },
        { type: 'repeatVector', n: 2 },
        { type: 'timeDistributedDense', units: 3, activation: 'softmax' },
      ],
      loss: 'categoricalCrossentropy',
      metrics: [],
    };
    expect(referenceUnsupportedReason(sequence)).toBeNull();
    expect(referenceUnsupportedReason({ ...sequence, layers: [{ type: 'flatten' }] })).toBe('layer flatten');
    expect(referenceUnsupportedReason({ ...sequence, inputShape: [5, 8, 8, 1] })).toBe('inputs of shape [5, 8, 8, 1]');
  });
});
