import type { ModelSpec } from '../../engine/modelSpec';
import { freshData } from '../generated';
import type { IntParam, ParamValues } from '../params';
import { trainingParams } from '../trainingParams';
import type { Experiment } from '../types';
import { rectangleBatch, type Point } from './data';
import { generateShape } from './generate';
import { fitRectangle, type RectangleFit } from './rectangularity';
import { rectanglesPredictor } from './predictor';

const training = trainingParams({ samples: 25_000, batchSize: 1 });

const params = {
  units: {
    kind: 'int',
    label: 'LSTM units',
    help: 'Memory cells in the LSTM layer that maps a corner to the next one.',
    section: 'model',
    default: 10,
    min: 1,
    max: 256,
  } satisfies IntParam,
  ...training,
  samples: {
    ...training.samples,
    label: 'Training rectangles',
    help: 'How many random rectangles the network sees; each gives its 3 corner pairs. Progress counts rectangles.',
  } satisfies IntParam,
  bs: {
    ...training.bs,
    label: 'Rectangles per update',
    help: 'Rectangles per weight update, each as its 3 corner pairs in order; 1 (the reference) is a batch of 3 pairs.',
    max: 256,
  } satisfies IntParam,
};

export type RectanglesValues = ParamValues<typeof params>;

export interface RectanglesPreview {
  /** The generated shape: the start (0, 0) and the 3 corners the network drew from it. */
  shape: Point[];
  fit: RectangleFit;
}

/** Rectangles seen after which the view keeps the generated shape. */
export const SNAPSHOT_POINTS = [100, 500, 1000, 5000, 10_000] as const;
const EVALUATION_SIZE = 1000;

async function generatePreview(predict: Parameters<typeof generateShape>[0]): Promise<RectanglesPreview> {
  const shape = await generateShape(predict);
  return { shape, fit: fitRectangle(shape) };
}

export const rectanglesExperiment: Experiment<typeof params, RectanglesPreview> = {
  id: 'rectangles',
  title: 'Rectangle generation',
  subtitle: 'Generative LSTM · one-to-one, fed back',
  group: 'Model types',
  explainer: {
    problem:
      'The network learns to draw a rectangle one corner at a time. It trains on random rectangles (width and ' +
      'height uniform in 0–1) cut into three pairs — bottom-left → bottom-right, bottom-right → top-right, ' +
      'top-right → top-left — one rectangle per update, in order. To draw, it starts at (0, 0), predicts the next ' +
      'corner and is fed its own prediction back, three times: the four points should make a rectangle.',
    tryThis:
      'Compare the snapshots after 100, 500, 1,000, 5,000 and 10,000 rectangles. Cut the LSTM to 1 or 2 units; ' +
      'raise the learning rate to 0.01 and see how much sooner the shape squares up; train on 10 rectangles per ' +
      'update. Change the seed: the size of the drawn shape moves a little, its squareness should not.',
    watch:
      'The loss cannot reach 0: from (0, 0) nothing tells the width of the next rectangle, nor its height from the ' +
      'bottom-right corner, so the best guess is a typical size and the one-step error stays near 0.083 (a quarter ' +
      'off on 2 of the 6 coordinates). That is why a trained model always draws the same middle-sized shape. What ' +
      'keeps improving is the rectangularity error: the mean distance of the corners from the nearest axis-aligned rectangle.',
  },
  params,
  predictor: rectanglesPredictor,
  model(values): ModelSpec {
    return {
      inputShape: [1, 2],
      layers: [
        { type: 'lstm', units: values.units },
        { type: 'dense', units: 2, activation: 'linear' },
      ],
      loss: 'meanAbsoluteError',
      metrics: [],
    };
  },
  /** totalSamples and batchSize count rectangles (3 training pairs each), as Batch.samples does. */
  ...freshData((_values: RectanglesValues, rng, rows) => rectangleBatch(rng, rows)),
  snapshotsAt(values) {
    return SNAPSHOT_POINTS.filter((point) => point <= values.samples);
  },
  evaluationMetrics: [
    {
      key: 'deviation',
      label: 'Rectangularity error',
      format: 'decimal',
      note:
        'mean distance of the 4 drawn corners from those of the nearest axis-aligned rectangle (each side at the mean ' +
        'of the two corners on it); 0 is a true rectangle',
    },
    { key: 'width', label: 'Drawn width', format: 'decimal', note: 'of that nearest rectangle' },
    { key: 'height', label: 'Drawn height', format: 'decimal', note: 'of that nearest rectangle' },
    {
      key: 'mae',
      label: 'One-step MAE',
      format: 'decimal',
      note: `next corner from the true one, on ${EVALUATION_SIZE.toLocaleString('en')} fresh rectangles; about 0.083 at best`,
    },
  ],
  async evaluate(_values, predict, rng) {
    const { fit } = await generatePreview(predict);
    const batch = rectangleBatch(rng, EVALUATION_SIZE);
    const output = await predict(batch.x, batch.xShape);
    let error = 0;
    for (let i = 0; i < batch.y.length; i++) error += Math.abs((output[i] ?? 0) - (batch.y[i] ?? 0));
    return { metrics: { deviation: fit.deviation, width: fit.width, height: fit.height, mae: error / batch.y.length } };
  },
  preview(_values, predict) {
    // Generation from (0, 0) is deterministic: no fresh data needed.
    return generatePreview(predict);
  },
};
