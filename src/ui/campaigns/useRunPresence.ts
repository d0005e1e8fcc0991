import { useEffect, useState } from 'react';
import { leaseHolderName, runPresence, type RunPresence } from '../../core/campaign/runPresence';
import { campaignsLockedInThisBrowser } from '../../platform/tabLockedLease';
import { tabSessionId } from '../../platform/tabSession';
import type { CampaignRecord } from '../../store/campaigns';
import { useHerald } from '../herald';

/** How often the tab reads which campaigns this browser's tabs hold (a local call, no request). */
const LOCKS_INTERVAL_MS = 2_000;

/**
 * Who sends each campaign, as this tab sees it at `now`: here, elsewhere (by whom), or nobody. See
 * `runPresence` for why a lease of this very tab counts as nobody after a reload. The browser's
 * locks are read while `watch` (a campaign shown is running).
 */
export function useRunPresence(now: number, watch: boolean): (campaign: CampaignRecord) => RunPresence {
  const { base, runs } = useHerald();
  const ownHolder = leaseHolderName(base.actor.name, base.actor.id, tabSessionId());
  const locked = useCampaignLocks(watch);
  return (campaign) =>
    runPresence({
      status: campaign.status,
      lease: campaign.lease,
      now,
      sendingHere: runs.isSending(campaign.id),
      ownHolder,
      lockedInThisBrowser: locked === undefined ? undefined : locked.has(campaign.id),
    });
}

/** The campaigns a tab of this browser holds, kept up to date; undefined until read, or without Web Locks. */
function useCampaignLocks(watch: boolean): ReadonlySet<string> | undefined {
  const [locked, setLocked] = useState<ReadonlySet<string> | undefined>();
  useEffect(() => {
    if (!watch) return undefined;
    let live = true;
    const read = () => {
      campaignsLockedInThisBrowser().then(
        (ids) => {
          // The same campaigns as before keep the same set: no new render every two seconds.
          if (live) setLocked((current) => (sameIds(current, ids) ? current : ids));
        },
        () => undefined,
      );
    };
    read();
    const timer = setInterval(read, LOCKS_INTERVAL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [watch]);
  return locked;
}

function sameIds(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.size === b.size && [...a].every((id) => b.has(id));
}
