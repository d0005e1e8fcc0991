import { useSyncExternalStore } from 'react';
import { useHerald } from '../herald';

/**
 * Where each of this tab's runs is (starting, sending, ended, failed), as one string that changes
 * only when a run moves: a list re-renders (and reads the campaigns again) then, not on every
 * message sent.
 */
export function useRunPhases(): string {
  const { runs } = useHerald();
  return useSyncExternalStore(
    (listener) => runs.subscribe(listener),
    () =>
      runs
        .phases()
        .map(([campaignId, phase]) => `${campaignId}:${phase}`)
        .join(' '),
  );
}
