import { useCallback, useEffect, useState } from 'react';

export type Polled<T> = { status: 'loading' } | { status: 'success'; data: T } | { status: 'error'; error: unknown };

const LOADING = { status: 'loading' } as const;

/**
 * Reads once, then again every `everyMs` while `active`: for what someone else writes while a page
 * is open (what the Herald service heard). `load` must keep its identity (useCallback) while it
 * reads the same thing: a new `load` starts over from "loading". One read at a time (a slow answer
 * is not stacked with the next), and a failed re-read keeps showing what was read before.
 */
export function usePolling<T>(load: () => Promise<T>, options: { everyMs: number; active: boolean }): Polled<T> & { reload: () => void } {
  const [shown, setShown] = useState<{ of: () => Promise<T>; state: Polled<T> }>({ of: load, state: LOADING });
  const [attempt, setAttempt] = useState(0);
  const { everyMs, active } = options;

  useEffect(() => {
    let live = true;
    let busy = false;
    const read = () => {
      if (busy) return;
      busy = true;
      load()
        .then(
          (data) => live && setShown({ of: load, state: { status: 'success', data } }),
          (error: unknown) => live && setShown((previous) => (previous.of === load && previous.state.status === 'success' ? previous : { of: load, state: { status: 'error', error } })),
        )
        .finally(() => {
          busy = false;
        });
    };
    read();
    const timer = active ? setInterval(read, everyMs) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [load, active, everyMs, attempt]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  return { ...(shown.of === load ? shown.state : LOADING), reload };
}
