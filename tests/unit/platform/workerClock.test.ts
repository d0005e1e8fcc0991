import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWorkerClock, IDLE_WORKER_MS } from '../../../src/platform/workerClock';

/**
 * The worker clock with the real worker script (clockWorker.ts) run in this process: a fake Worker
 * carries the messages both ways, as the browser would, and fake timers stand for the worker's.
 */

interface WorkerScope {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}

const scope: WorkerScope = { onmessage: null, postMessage: () => undefined };

class FakeWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  readonly sent: unknown[] = [];
  terminated = false;

  constructor() {
    scope.postMessage = (message) => {
      if (!this.terminated) this.onmessage?.({ data: message });
    };
  }

  postMessage(message: unknown): void {
    this.sent.push(message);
    if (!this.terminated) scope.onmessage?.({ data: message });
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The script failed to load: the browser fires `error` on the Worker object. */
  fail(): void {
    this.terminated = true;
    this.onerror?.({ preventDefault: () => undefined });
  }
}

beforeAll(async () => {
  vi.stubGlobal('self', scope);
  await import('../../../src/platform/clockWorker');
});

afterEach(() => {
  vi.useRealTimers();
});

function workerClock() {
  const workers: FakeWorker[] = [];
  const clock = createWorkerClock(() => {
    const made = new FakeWorker();
    workers.push(made);
    return made as unknown as Worker;
  });
  return { clock, worker: () => workers.at(-1)!, workers };
}

describe('the worker clock', () => {
  it('wakes each sleep through the worker, when its time comes', async () => {
    vi.useFakeTimers();
    const { clock, worker } = workerClock();
    const woken: number[] = [];
    void clock.sleep(300).then(() => woken.push(300));
    void clock.sleep(100).then(() => woken.push(100));
    await vi.advanceTimersByTimeAsync(99);
    expect(woken).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(woken).toEqual([100]);
    await vi.advanceTimersByTimeAsync(200);
    expect(woken).toEqual([100, 300]);
    expect(worker().sent).toHaveLength(2);
  });

  it('ends a sleep at once on abort, and tells the worker to drop its timer', async () => {
    vi.useFakeTimers();
    const { clock, worker } = workerClock();
    const stop = new AbortController();
    const sleeping = clock.sleep(60_000, stop.signal);
    stop.abort(new Error('paused'));
    await expect(sleeping).rejects.toThrow('paused');
    expect(worker().sent.at(-1)).toMatchObject({ cancel: true });
    await expect(clock.sleep(10, stop.signal)).rejects.toThrow('paused');
  });

  it('falls back to the page’s timers when the worker fails to load: no wait hangs', async () => {
    vi.useFakeTimers();
    const { clock, worker } = workerClock();
    let woken = false;
    void clock.sleep(500).then(() => (woken = true));
    worker().fail();
    await vi.advanceTimersByTimeAsync(500);
    expect(woken).toBe(true);
    let again = false;
    void clock.sleep(200).then(() => (again = true));
    await vi.advanceTimersByTimeAsync(200);
    expect(again).toBe(true);
    expect(worker().sent).toHaveLength(1);
  });

  it('stops its worker once nothing has waited for a while, and starts another for the next sleep', async () => {
    vi.useFakeTimers();
    const { clock, workers } = workerClock();
    await Promise.all([clock.sleep(100), vi.advanceTimersByTimeAsync(100)]);
    await vi.advanceTimersByTimeAsync(IDLE_WORKER_MS - 1);
    expect(workers[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(workers[0]!.terminated).toBe(true);
    // A sleep in the meantime keeps it: only an idle worker goes.
    let woken = false;
    void clock.sleep(IDLE_WORKER_MS * 2).then(() => (woken = true));
    expect(workers).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(IDLE_WORKER_MS * 2);
    expect(woken).toBe(true);
    expect(workers[1]!.terminated).toBe(false);
  });

  it('uses the page’s timers where there are no Workers', async () => {
    vi.useFakeTimers();
    const clock = createWorkerClock(null);
    let woken = false;
    void clock.sleep(50).then(() => (woken = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(woken).toBe(true);
  });
});
