/// <reference lib="webworker" />
/** The training worker: owns TensorFlow.js and hands every command to a TrainingSession. */
import * as tf from '@tensorflow/tfjs';
import { chooseBackend, type BackendChoice } from '../engine/backend';
import { browserBackends } from './browserBackends';
import type { TfjsBackendPreference, FromWorker, ToWorker } from './protocol';
import { TrainingSession } from './session';

declare const self: DedicatedWorkerGlobalScope;

let current: { preference: TfjsBackendPreference; choice: Promise<BackendChoice> } | null = null;

function selectBackend(preference: TfjsBackendPreference): Promise<BackendChoice> {
  if (!current || current.preference !== preference) {
    current = { preference, choice: chooseBackend(preference, browserBackends) };
    current.choice.catch(() => (current = null));
  }
  return current.choice;
}

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
