import { useSyncExternalStore } from 'react';

/**
 * Herald's custom objects created from one screen: every other screen of the page that found them
 * missing reads again, without a reload. The nav bar's sections stay mounted side by side
 * (NavBarApp): an admin who creates the objects from Campaigns then finds Templates, the lists and
 * Settings as they now are, not as they were before. One count per page, as a tab's runs are.
 */

let setUps = 0;
const listeners = new Set<() => void>();

/** Says that the objects were just created (useHeraldSetup, once its setup has succeeded). */
export function announceObjectsSetUp(): void {
  setUps += 1;
  for (const listener of listeners) listener();
}

/** How many times the objects were created in this page: a read that found them missing depends on it. */
export function useObjectsSetUps(): number {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => setUps,
  );
}
