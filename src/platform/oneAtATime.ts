import type { OneAtATime } from '../app/context';

/**
 * One at a time across this browser's tabs, by a Web Lock of the work's name: a second tab waits
 * until the first is done (and a closed tab lets go). Where the browser has no Web Locks, work runs
 * as it comes.
 */
export const browserOneAtATime: OneAtATime = async <T,>(name: string, work: () => Promise<T>): Promise<T> => {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return work();
  // The lock's promise resolves with what the work resolves with (a Promise<T> unwrapped by await).
  return (await locks.request(`herald-${name}`, work)) as T;
};
