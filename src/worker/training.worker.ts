/// <reference lib="webworker" />
/** The training worker: owns TensorFlow.js and hands every command to a TrainingSession. */
import * as tf from '@tensorflow/tfjs';
import { chooseBackend, serialBackendSelector } from '../engine/backend';
import { browserBackends } from './browserBackends';
import type { FromWorker, ToWorker } from './protocol';
import { TrainingSession } from './session';

declare const self: DedicatedWorkerGlobalScope;

/** One backend choice at a time (see serialBackendSelector). */
const selectBackend = serialBackendSelector((preference) => chooseBackend(preference, browserBackends));

/** A macrotask without timer clamping (setTimeout clamps to 4 ms): lets queued messages in between batches. */
const yieldChannel = new MessageChannel();
const yielded: (() => void)[] = [];
yieldChannel.port1.onmessage = () => yielded.shift()?.();
function yieldToQueue(): Promise<void> {
  return new Promise((resolve) => {
    yielded.push(resolve);
    yieldChannel.port2.postMessage(null);
  });
}

const session = new TrainingSession({
  post: (message: FromWorker) => self.postMessage(message),
  selectBackend,
  yieldToQueue,
  now: () => performance.now(),
  tensorCount: () => tf.memory().numTensors,
});

self.onmessage = (event: MessageEvent<ToWorker>) => session.handle(event.data);
