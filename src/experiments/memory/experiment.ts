import type { ModelSpec } from '../../engine/modelSpec';
import { argmax } from '../encoding';
import type { ChoiceParam, IntParam, ParamValues } from '../params';
import { epochsParam, optimizerOf, optimizerParams } from '../trainingParams';
import type { Batch, Experiment, Predict, ResetStates } from '../types';
import { epochBatches, PAIRS, SEQUENCES, sequenceInputs, STEPS, SYMBOLS, type MemoryMode } from './data';
import { memoryPredictor } from './predictor';

const params = {
  mode: {
    kind: 'choice',
    label: 'How it is trained',
    help: 'Stateful one step per batch (the reference), the whole sequence per batch, or stateless: no memory between steps.',
    section: 'model',
    default: 'stateful' as MemoryMode,
    options: [
      { value: 'stateful', label: 'Stateful, one step at a time' },
      { value: 'sequence', label: 'Through the whole sequence' },
      { value: 'stateless', label: 'Stateless, one step at a time' },
    ],
  } satisfies ChoiceParam<MemoryMode>,
  units: {
    kind: 'int',
    label: 'LSTM units',
    help: 'Memory cells in the LSTM layer.',
    section: 'model',
    default: 20,
    min: 1,
    max: 256,
  } satisfies IntParam,
  epochs: epochsParam(250, 20_000),
  ...optimizerParams(),
};

export type MemoryValues = ParamValues<typeof params>;

/** One step of a sequence: what went in, what should come out, and what did. */
export interface MemoryStep {
  x: number;
  y: number;
  predicted: number;
  /** The 5 sigmoid outputs. */
  outputs: number[];
}

export interface MemoryPreview {
  mode: MemoryMode;
  /** Per sequence, its 4 steps in order. */
  sequences: MemoryStep[][];
}

/** Both sequences through the model, each from zero state, as the mode reads them. */
export async function predictSequences(mode: MemoryMode, predict: Predict, resetStates?: ResetStates): Promise<MemoryStep[][]> {
  const table: MemoryStep[][] = [];
  for (let s = 0; s < SEQUENCES.length; s++) {
    resetStates?.();
    const outputs: number[][] = [];
    for (const batch of sequenceInputs(mode, s)) {
      const out = await predict(batch.x, batch.xShape);
      for (let row = 0; row < out.length / SYMBOLS; row++) outputs.push(Array.from(out.subarray(row * SYMBOLS, (row + 1) * SYMBOLS)));
    }
    table.push(
      PAIRS.filter((p) => p.sequence === s).map((pair, step) => {
        const stepOutputs = outputs[step] ?? [];
        return { x: pair.x, y: pair.y, predicted: argmax(stepOutputs), outputs: stepOutputs };
      }),
    );
  }
  resetStates?.();
  return table;
}

/** The share of the 8 steps predicted right, and of the 2 conflicting last steps (2→3, 2→4). */
export function scoreTable(table: readonly MemoryStep[][]): { steps: number; conflict: number } {
  const all = table.flat();
  const last = table.map((steps) => steps[STEPS - 1]).filter((step): step is MemoryStep => step !== undefined);
  const right = (steps: readonly MemoryStep[]) => steps.filter((step) => step.predicted === step.y).length;
  return { steps: right(all) / all.length, conflict: right(last) / last.length };
}

export const memoryExperiment: Experiment<typeof params, MemoryPreview> = {
  id: 'memory',
  title: 'Memory demonstration',
  subtitle: 'Stateful LSTM · what state can and cannot learn',
  group: 'Tutorials',
  explainer: {
    problem:
      'Two sequences, 3 0 1 2 3 and 4 0 1 2 4, are cut into one-step pairs: after 0 comes 1, after 1 comes 2, and after 2 ' +
      'comes 3 — or 4. Only a memory of how the sequence began tells the last two pairs apart. A stateful LSTM keeps its ' +
      'state from one batch to the next, so it could carry that first value along; the state is reset after each sequence.',
    tryThis:
      'Train the reference (stateful, one step at a time) and then repeat it over 20 seeds: it gets both conflicting steps ' +
      'right only in a minority of seeds. Switch to "through the whole sequence" and repeat again. Then try "stateless".',
    watch:
      'The six unambiguous steps are always learned. Trained one step per batch, no gradient reaches the step that saw 3 or 4, ' +
      'so remembering it is luck; trained through the whole sequence, the gradient flows back and it is learned almost every ' +
      'time. Without state, the model can only answer 2→3 and 2→4 alike: 7 of 8 at best.',
  },
  params,
  predictor: memoryPredictor,
  model(values): ModelSpec {
    const head = { type: 'dense', units: SYMBOLS, activation: 'sigmoid' } as const;
    const common = { loss: 'binaryCrossentropy', metrics: ['accuracy'] } as const;
    switch (values.mode) {
      case 'sequence':
        return {
          inputShape: [STEPS, SYMBOLS],
          layers: [{ type: 'lstm', units: values.units, returnSequences: true }, { ...head, type: 'timeDistributedDense' }],
          ...common,
        };
      case 'stateful':
        return { inputShape: [1, SYMBOLS], batchSize: 1, layers: [{ type: 'lstm', units: values.units, stateful: true }, head], ...common };
      case 'stateless':
        return { inputShape: [1, SYMBOLS], layers: [{ type: 'lstm', units: values.units }, head], ...common };
    }
  },
  plan(values) {
    return {
      optimizer: optimizerOf(values),
      batchSize: 1,
      totalSamples: values.epochs * PAIRS.length,
    };
  },
  *batches(values) {
    const epoch = epochBatches(values.mode);
    for (let e = 0; e < values.epochs; e++) yield* epoch;
  },
  epochs: (values) => values.epochs,
  /** The whole data set: 8 one-step pairs, or 2 sequences of 4 steps. */
  sampleBatch(values): Batch {
    const take = epochBatches(values.mode);
    const timesteps = values.mode === 'sequence' ? STEPS : 1;
    const join = (part: 'x' | 'y') => {
      const out = new Float32Array(take.reduce((n, b) => n + b[part].length, 0));
      let offset = 0;
      for (const b of take) {
        out.set(b[part], offset);
        offset += b[part].length;
      }
      return out;
    };
    const first = take[0] as Batch;
    return { x: join('x'), xShape: [take.length, timesteps, SYMBOLS], y: join('y'), yShape: [take.length, ...first.yShape.slice(1)] };
  },
  evaluationMetrics: [
    { key: 'steps', label: 'Steps right', format: 'percent', note: 'of the 8 steps of both sequences' },
    { key: 'conflict', label: 'Conflicting steps right', format: 'percent', note: 'of 2→3 and 2→4, the steps that need memory' },
  ],
  contrast(values, x) {
    // Through the whole sequence, the probe reads a sequence at once: the other first value.
    if (values.mode !== 'sequence') return null;
    const first = argmax(x, 0, SYMBOLS);
    const other = first === 3 ? 4 : 3;
    const variant = Float32Array.from(x);
    variant.fill(0, 0, SYMBOLS);
    variant[other] = 1;
    return { x: variant, label: `the sequence starts with ${other} instead of ${first}` };
  },
  success: { label: 'all 8 steps right', test: (metrics) => metrics.steps === 1 },
  async evaluate(values, predict, _rng, resetStates) {
    return { metrics: scoreTable(await predictSequences(values.mode, predict, resetStates)) };
  },
  async preview(values, predict, _rng, resetStates) {
    return { mode: values.mode, sequences: await predictSequences(values.mode, predict, resetStates) };
  },
};
