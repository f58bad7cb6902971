/**
 * The CNN-LSTM (moving line) in Node: where a training step's time goes, and what folding time
 * into the batch for the TimeDistributed convolution saves. TF.js' own TimeDistributed runs
 * its inner layer once per frame, forwards and backwards; the folded one runs it once.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { ModelSpec } from '../src/engine/modelSpec';
import { createRng } from '../src/engine/random';
import { buildModel } from '../src/engine/tfjs/buildModel';
import { defaultValues } from '../src/experiments/params';
import { movingLineExperiment } from '../src/experiments/movingline/experiment';

export interface CnnLstmRow {
  backend: string;
  /** What was trained: the whole model with or without folding, or its recurrent part alone. */
  variant: string;
  msPerBatch: number;
}

const BATCHES = 3;

/** Mean milliseconds of one trainOnBatch after a warm-up step. */
async function msPerBatch(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor): Promise<number> {
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
  await model.trainOnBatch(x, y);
  const started = performance.now();
  for (let i = 0; i < BATCHES; i++) await model.trainOnBatch(x, y);
  return (performance.now() - started) / BATCHES;
}

export async function benchCnnLstm(log: (line: string) => void): Promise<CnnLstmRow[]> {
  const values = defaultValues(movingLineExperiment.params);
  const spec = movingLineExperiment.model(values);
  const batch = movingLineExperiment.sampleBatch(values, createRng('bench-cnn-lstm'), values.bs);
  const rows: CnnLstmRow[] = [];
  for (const backend of ['cpu', 'wasm']) {
    await tf.setBackend(backend);
    const x = tf.tensor(batch.x, batch.xShape);
    const y = tf.tensor(batch.y, batch.yShape);
    // The recurrent part alone, on inputs of the shape the convolution stack hands it.
    const features = tf.tidy(() => {
      const convolution = buildModel({ ...spec, layers: spec.layers.slice(0, 3) }, createRng('features'));
      const out = convolution.predict(x) as tf.Tensor;
      convolution.dispose();
      return out;
    });
    const recurrentSpec: ModelSpec = { ...spec, inputShape: features.shape.slice(1), layers: spec.layers.slice(3) };
    const variants: [string, () => tf.LayersModel, tf.Tensor][] = [
      ['whole model, time folded into the batch', () => buildModel(spec, createRng('w')), x],
      ['whole model, one convolution call per frame', () => buildModel(spec, createRng('w'), { foldTime: false }), x],
      ['LSTM and Dense alone (no convolution)', () => buildModel(recurrentSpec, createRng('w')), features],
    ];
    for (const [variant, make, input] of variants) {
      const model = make();
      const ms = await msPerBatch(model, input, y);
      model.dispose();
      log(`cnn-lstm ${backend.padEnd(4)} ${variant.padEnd(46)} ${ms.toFixed(0)} ms per batch of ${values.bs}`);
      rows.push({ backend, variant, msPerBatch: ms });
    }
    tf.dispose([x, y, features]);
  }
  return rows;
}
