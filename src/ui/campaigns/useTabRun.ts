import { useSyncExternalStore } from 'react';
import { subscribeRuns, tabRun, type TabRun } from './runRegistry';

/** This tab's run of the campaign, if any, kept up to date. */
export function useTabRun(campaignId: string): TabRun | undefined {
  return useSyncExternalStore(subscribeRuns, () => tabRun(campaignId));
}
