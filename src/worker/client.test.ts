import { describe, expect, it } from 'vitest';
import { MAX_CRASHES, TrainingClient } from './client';
import type { FromWorker, ToWorker } from './protocol';

/** A stand-in Worker: records what it is sent and can fail like a crashed worker. */
class FakeWorker {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as unknown as ErrorEvent);
  }
  reply(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const crashes: [number, string, boolean][] = [];
  const messages: FromWorker[] = [];
  const client = new TrainingClient(
    { onMessage: (m) => messages.push(m), onCrash: (runId, message, restarted) => crashes.push([runId, message, restarted]) },
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    },
  );
  return { client, workers, crashes, messages };
}

describe('training client', () => {
  it('a crashed worker is replaced and its run reported; the old run’s late messages are dropped', () => {
    const { client, workers, crashes, messages } = setup();
    const runId = client.start('echo', {}, 1, 'auto');
    workers[0]?.crash('out of memory');
    expect(crashes).toEqual([[runId, 'out of memory', true]]);
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated).toBe(true);
    workers[1]?.reply({ type: 'paused', runId, paused: true });
    expect(messages).toEqual([]);
    const next = client.start('echo', {}, 1, 'auto');
    expect(workers[1]?.sent.map((m) => m.type)).toEqual(['start']);
    workers[1]?.reply({ type: 'paused', runId: next, paused: true });
    expect(messages).toHaveLength(1);
  });

  it('workers that keep dying as they start are not replaced in a loop; the next start tries once more', () => {
    const { client, workers, crashes } = setup();
    client.start('echo', {}, 1, 'auto');
    for (let i = 0; i < MAX_CRASHES; i++) workers.at(-1)?.crash('cannot load');
    expect(workers).toHaveLength(MAX_CRASHES);
    expect(crashes.map(([, , restarted]) => restarted)).toEqual([true, true, false]);
    // Commands other than start go nowhere; a start spawns a fresh worker.
    client.pause();
    client.prepare('auto');
    expect(workers).toHaveLength(MAX_CRASHES);
    client.start('echo', {}, 1, 'auto');
    expect(workers).toHaveLength(MAX_CRASHES + 1);
    expect(workers.at(-1)?.sent.map((m) => m.type)).toEqual(['start']);
  });

  it('prepare goes to the worker spawned with the client, ahead of the first start', () => {
    const { client, workers } = setup();
    client.prepare('fused');
    client.start('echo', {}, 1, 'fused');
    expect(workers).toHaveLength(1);
    expect(workers[0]?.sent).toMatchObject([{ type: 'prepare', backend: 'fused' }, { type: 'start', backend: 'fused' }]);
  });
});
