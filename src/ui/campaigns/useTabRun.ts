import { useSyncExternalStore } from 'react';
import type { RunState } from '../../app/campaigns/runRegistry';
import { useHerald } from '../herald';

/** This tab's run of the campaign, if any, kept up to date. */
export function useTabRun(campaignId: string): RunState | undefined {
  const { runs } = useHerald();
  return useSyncExternalStore(
    (listener) => runs.subscribe(listener),
    () => runs.state(campaignId),
  );
}
