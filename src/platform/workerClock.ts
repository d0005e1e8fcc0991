import type { SendClock } from '../core/sending/ports';
import { realClock } from '../core/time/clock';

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

/** A worker with nothing to wake is stopped after this long (a new one starts with the next sleep). */
export const IDLE_WORKER_MS = 30_000;

export function createWorkerClock(createWorker: WorkerFactory | null = typeof Worker === 'undefined' ? null : defaultWorker): SendClock {
  if (!createWorker) return realClock;
  let worker: Worker | undefined;
  // Set once the worker could not be made or failed: the page's timers from then on.
  let failed = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  const waiting = new Map<number, Wait>();

  const fallBack = (): void => {
    failed = true;
    worker?.terminate();
    worker = undefined;
    // Every wait still pending goes on with the page's timers, for the time it has left.
    for (const [id, wait] of waiting) {
      waiting.delete(id);
      void realClock.sleep(wait.due - Date.now()).then(wait.wake);
    }
  };

  const start = (): Worker | undefined => {
    try {
      const started = createWorker();
      started.onmessage = (event: MessageEvent<{ id: number }>) => {
        const wait = waiting.get(event.data.id);
        waiting.delete(event.data.id);
        wait?.wake();
        whenIdle();
      };
      started.onerror = (event) => {
        event.preventDefault();
        fallBack();
      };
      worker = started;
      return started;
    } catch {
      failed = true;
      return undefined;
    }
  };

  // A finished campaign leaves no thread behind: the worker stops once nothing has waited for a while.
  const whenIdle = (): void => {
    if (waiting.size > 0 || !worker) return;
    clearTimeout(idle);
    idle = setTimeout(() => {
      if (waiting.size > 0) return;
      worker?.terminate();
      worker = undefined;
    }, IDLE_WORKER_MS);
  };

  if (!start()) return realClock;

  return {
    now: () => Date.now(),
    sleep: (ms, signal) => {
      clearTimeout(idle);
      const active = failed ? undefined : (worker ?? start());
      if (!active) return realClock.sleep(ms, signal);
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          whenIdle();
          return;
        }
        const id = nextId++;
        const onAbort = (): void => {
          waiting.delete(id);
          active.postMessage({ id, cancel: true });
          reject(signal?.reason);
          whenIdle();
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
