import type { ModelSpec } from '../../engine/modelSpec';
import type { Rng } from '../../engine/random';
import { freshData } from '../generated';
import type { IntParam, ParamValues } from '../params';
import { trainingParams } from '../trainingParams';
import type { Experiment, Predict } from '../types';
import { movingLineBatch, type LinePath } from './data';
import { movingLinePredictor } from './predictor';

const params = {
  size: {
    kind: 'int',
    label: 'Frame size',
    help: 'Each video has this many frames of size × size pixels; the line crosses the whole frame.',
    section: 'problem',
    unit: 'px',
    default: 50,
    min: 4,
    max: 64,
  } satisfies IntParam,
  filters: {
    kind: 'int',
    label: 'Filters',
    help: 'Feature maps of the convolution, applied to every frame with the same weights.',
    section: 'model',
    default: 2,
    min: 1,
    max: 16,
  } satisfies IntParam,
  kernel: {
    kind: 'int',
    label: 'Kernel size',
    help: 'Side of the square convolution window, in pixels.',
    section: 'model',
    unit: 'px',
    default: 2,
    min: 1,
    max: 5,
  } satisfies IntParam,
  pool: {
    kind: 'int',
    label: 'Pool size',
    help: 'Side of the max-pooling window: each frame shrinks by this factor before the LSTM.',
    section: 'model',
    unit: 'px',
    default: 2,
    min: 1,
    max: 4,
  } satisfies IntParam,
  units: {
    kind: 'int',
    label: 'LSTM units',
    help: 'Memory cells in the LSTM that reads the sequence of frame features.',
    section: 'model',
    default: 50,
    min: 1,
    max: 256,
  } satisfies IntParam,
  ...trainingParams({ samples: 5000, batchSize: 32 }),
};

export type MovingLineValues = ParamValues<typeof params>;

export type Direction = 'right' | 'left';

export interface MovingLinePreview {
  size: number;
  path: LinePath;
  expected: Direction;
  predicted: Direction;
  /** The network's output: its probability that the line moves right. */
  probabilityRight: number;
}

const EVALUATION_SIZE = 100;
/** Videos per predict call in the evaluation (a 50-frame video of 50 × 50 is 125,000 numbers). */
const EVALUATION_CHUNK = 25;

const direction = (right: boolean): Direction => (right ? 'right' : 'left');

/** The network's P(right) for `rows` fresh videos, predicted a chunk at a time. */
async function predictVideos(size: number, predict: Predict, rng: Rng, rows: number) {
  const paths: LinePath[] = [];
  const outputs: number[] = [];
  for (let done = 0; done < rows; done += EVALUATION_CHUNK) {
    const batch = movingLineBatch(size, rng, Math.min(EVALUATION_CHUNK, rows - done));
    paths.push(...batch.paths);
    outputs.push(...(await predict(batch.x, batch.xShape)));
  }
  return { paths, outputs };
}

export const movingLineExperiment: Experiment<typeof params, MovingLinePreview> = {
  id: 'movingline',
  title: 'Moving line video',
  subtitle: 'CNN LSTM · sequence-of-images classification',
  group: 'Model types',
  explainer: {
    problem:
      'Each example is a short video: a line is drawn across the frame one column per frame, starting at the left ' +
      'or the right edge and wobbling up or down a row at a time. A small convolution reads every frame with the ' +
      'same weights, and an LSTM reads the sequence of frame features to say which way the line moves. The last ' +
      'frame cannot tell: both directions end with a line across the whole frame. The answer is in the first frames, ' +
      'so the LSTM has to carry it to the end of the video.',
    tryThis:
      'Shrink the frames to 10 px: the LSTM input drops from 1,152 to 32 features per frame and a run takes about a ' +
      'minute instead of many. Use 1 filter, or 5 LSTM units, and compare how many samples it needs. Set the pool ' +
      'size to 1 and watch the parameter count and the time per sample grow.',
    watch:
      'The model summary: at 50 px almost every parameter is in the LSTM input kernel (4 × units × features per ' +
      'frame), while the convolution has 10. The loss starts near ln 2 ≈ 0.69 (a coin toss) and falls once the ' +
      'network finds that the first frames matter; accuracy jumps from about 50% to 100% within the first thousand ' +
      'samples. This is the heaviest model here: without a GPU, expect a few samples a second at 50 px.',
  },
  params,
  predictor: movingLinePredictor,
  constrain(values) {
    const notes: string[] = [];
    let { kernel, pool } = values;
    if (kernel > values.size) {
      kernel = values.size;
      notes.push(`Kernel size ${values.kernel} is larger than a ${values.size} px frame; using ${kernel}.`);
    }
    const convolved = values.size - kernel + 1;
    if (pool > convolved) {
      pool = convolved;
      notes.push(`Pool size ${values.pool} is larger than the ${convolved} px convolved frame; using ${pool}.`);
    }
    return { values: notes.length ? { ...values, kernel, pool } : values, notes };
  },
  model(values): ModelSpec {
    return {
      inputShape: [values.size, values.size, values.size, 1],
      layers: [
        { type: 'timeDistributed', layer: { type: 'conv2d', filters: values.filters, kernelSize: values.kernel, activation: 'relu' } },
        { type: 'timeDistributed', layer: { type: 'maxPooling2d', poolSize: values.pool } },
        { type: 'timeDistributed', layer: { type: 'flatten' } },
        { type: 'lstm', units: values.units },
        { type: 'dense', units: 1, activation: 'sigmoid' },
      ],
      loss: 'binaryCrossentropy',
      metrics: ['accuracy'],
    };
  },
  ...freshData((values: MovingLineValues, rng, rows) => movingLineBatch(values.size, rng, rows)),
  evaluationMetrics: [{ key: 'accuracy', label: 'Accuracy', format: 'percent', note: `on ${EVALUATION_SIZE} fresh videos` }],
  async evaluate(values, predict, rng) {
    const { paths, outputs } = await predictVideos(values.size, predict, rng, EVALUATION_SIZE);
    const correct = paths.filter((path, i) => (outputs[i] ?? 0) > 0.5 === path.right).length;
    return { metrics: { accuracy: correct / EVALUATION_SIZE } };
  },
  async preview(values, predict, rng) {
    const { paths, outputs } = await predictVideos(values.size, predict, rng, 1);
    const path = paths[0] ?? { rows: [], right: true };
    const probabilityRight = outputs[0] ?? 0.5;
    return {
      size: values.size,
      path,
      expected: direction(path.right),
      predicted: direction(probabilityRight > 0.5),
      probabilityRight,
    };
  },
};
