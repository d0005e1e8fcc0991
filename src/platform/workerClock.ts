import type { SendClock } from '../core/sending/ports';
import { realClock } from '../api/clock';

/**
 * The sending engine's clock in the browser: `sleep` is woken by a dedicated Worker, so a campaign
 * keeps its pace while its tab is hidden. Where Workers are missing, or the worker fails to load
 * (a content policy, a missing chunk), it falls back to the page's timers: slower in a hidden tab,
 * but a wait never hangs.
 */

type WorkerFactory = () => Worker;

const defaultWorker: WorkerFactory = () => new Worker(new URL('./clockWorker.ts', import.meta.url), { type: 'module' });

interface Wait {
  due: number;
  wake: () => void;
}

export function createWorkerClock(createWorker: WorkerFactory | null = typeof Worker === 'undefined' ? null : defaultWorker): SendClock {
  if (!createWorker) return realClock;
  let worker: Worker | undefined;
  try {
    worker = createWorker();
  } catch {
    return realClock;
  }
  let nextId = 1;
  const waiting = new Map<number, Wait>();

  const fallBack = (): void => {
    worker?.terminate();
    worker = undefined;
    // Every wait still pending goes on with the page's timers, for the time it has left.
    for (const [id, wait] of waiting) {
      waiting.delete(id);
      void realClock.sleep(wait.due - Date.now()).then(wait.wake);
    }
  };
  worker.onmessage = (event: MessageEvent<{ id: number }>) => {
    const wait = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    wait?.wake();
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fallBack();
  };

  return {
    now: () => Date.now(),
    sleep: (ms, signal) => {
      if (!worker) return realClock.sleep(ms, signal);
      const active = worker;
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const id = nextId++;
        const onAbort = (): void => {
          waiting.delete(id);
          active.postMessage({ id, cancel: true });
          reject(signal?.reason);
        };
        waiting.set(id, {
          due: Date.now() + Math.max(0, ms),
          wake: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        });
        signal?.addEventListener('abort', onAbort, { once: true });
        active.postMessage({ id, ms: Math.max(0, ms) });
      });
    },
  };
}
