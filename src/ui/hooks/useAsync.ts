import { useCallback, useEffect, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'success'; data: T; error?: undefined }
  | { status: 'error'; data?: undefined; error: unknown };

const LOADING = { status: 'loading' } as const;

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}

/**
 * Runs `load` on mount, whenever `deps` change and on `reload()`. Each run has its own token: a
 * result is shown only while its run is the current one, so a slow old answer never overwrites a
 * fresh one, and changing `deps` shows "loading" at once.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> & { reload: () => void } {
  const [run, setRun] = useState<object>(() => ({}));
  const [lastDeps, setLastDeps] = useState(deps);
  const [settled, setSettled] = useState<{ run: object; state: AsyncState<T> } | null>(null);

  // React's pattern for "reset when an input changes": compare during render, not in an effect.
  if (!sameDeps(lastDeps, deps)) {
    setLastDeps(deps);
    setRun({});
  }

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setSettled({ run, state: { status: 'success', data } }),
      (error: unknown) => current && setSettled({ run, state: { status: 'error', error } }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new `run` is made exactly when `load` must run again
  }, [run]);

  const reload = useCallback(() => setRun({}), []);
  const state: AsyncState<T> = settled && settled.run === run ? settled.state : LOADING;
  return { ...state, reload };
}
