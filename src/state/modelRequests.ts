/**
 * Requests of the model life cycle to the worker, and their replies: each
 * request is a promise that its reply settles (a modelError rejects it). A
 * request whose run is gone (a new run, a reset, a crashed worker) is
 * rejected, since its reply will never come. Small: part of the page's main code.
 */
import type { ModelCommand, ModelReply } from '../worker/modelProtocol';
import { useStore } from './store';

type Reply<T extends ModelReply['type']> = Extract<ModelReply, { type: T }>;

interface Pending {
  runId: number;
  resolve(reply: ModelReply): void;
  reject(error: Error): void;
  onProgress?(reply: Reply<'updateProgress'>): void;
}

const pending = new Map<number, Pending>();
let lastRequestId = 0;

/** Sends a command (made from its request id) and resolves to its reply. */
export function requestModel(
  runId: number,
  send: (requestId: number) => ModelCommand,
  sendCommand: (command: ModelCommand) => void,
  onProgress?: (reply: Reply<'updateProgress'>) => void,
): Promise<ModelReply> {
  const requestId = ++lastRequestId;
  return new Promise<ModelReply>((resolve, reject) => {
    pending.set(requestId, { runId, resolve, reject, ...(onProgress ? { onProgress } : {}) });
    sendCommand(send(requestId));
  });
}

export function handleModelReply(reply: ModelReply): void {
  const request = pending.get(reply.requestId);
  if (!request) return;
  if (reply.type === 'updateProgress') {
    request.onProgress?.(reply);
    return;
  }
  pending.delete(reply.requestId);
  if (reply.type === 'modelError') request.reject(new Error(reply.message));
  else request.resolve(reply);
}

/** Rejects every request but those of `keepRunId`. */
function rejectPending(reason: string, keepRunId: number | null): void {
  for (const [id, request] of pending) {
    if (request.runId === keepRunId) continue;
    pending.delete(id);
    request.reject(new Error(reason));
  }
}

useStore.subscribe((state, previous) => {
  if (pending.size === 0) return;
  if (state.status === 'error' && previous.status !== 'error') rejectPending(state.error ?? 'The training worker stopped.', null);
  else if (state.status === 'starting' || state.run?.id !== previous.run?.id) rejectPending('A new run started: the model changed.', state.status === 'starting' ? null : (state.run?.id ?? null));
});
