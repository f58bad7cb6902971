import type { ParamValues } from './params';
import type { TrainingPlan } from './types';
import type { trainingParams } from './trainingParams';

/**
 * Batches of freshly generated examples: `total` examples in batches of
 * `batchSize` (the last one smaller when it does not divide), each made by `make`.
 */
export function* freshBatches<B>(total: number, batchSize: number, make: (rows: number) => B): Generator<B> {
  for (let done = 0; done < total; done += batchSize) yield make(Math.min(batchSize, total - done));
}

type TrainingValues = ParamValues<ReturnType<typeof trainingParams>>;

/** The training plan read from the shared training knobs. */
export function planFromTrainingParams(values: TrainingValues): TrainingPlan {
  return {
    optimizer: {
      name: values.opt,
      learningRate: values.lr,
      ...(values.opt === 'sgd' ? { momentum: values.mom } : {}),
    },
    batchSize: values.bs,
    totalSamples: values.samples,
  };
}
