import { useEffect, useState } from 'react';
import { leaseHolderName, runPresence, type RunPresence } from '../../core/campaign/runPresence';
import { campaignsLockedInThisBrowser } from '../../platform/tabLockedLease';
import { tabSessionId } from '../../platform/tabSession';
import type { RunRegistry } from '../../app/campaigns/runRegistry';
import type { CampaignRecord } from '../../store/campaigns';
import { useHerald } from '../herald';
import { useRunPhases } from './useRunPhases';

/** How often the tab reads which campaigns this browser's tabs hold (a local call, no request). */
const LOCKS_INTERVAL_MS = 2_000;

/**
 * Who sends each campaign, as this tab sees it at `now`: here, elsewhere (by whom), or nobody. See
 * `runPresence` for why a lease of this very tab counts as nobody after a reload. The browser's
 * locks are read while `watch` (a campaign shown is running). A campaign for the Herald service
 * that it has not taken up yet counts as sent by it while `serviceConnected`.
 */
export function useRunPresence(now: number, watch: boolean, serviceConnected: boolean): (campaign: CampaignRecord) => RunPresence {
  const { base, runs } = useHerald();
  const ownHolder = leaseHolderName(base.actor.name, base.actor.id, tabSessionId());
  const locks = useCampaignLocks(watch, runs);
  return (campaign) =>
    runPresence({
      status: campaign.status,
      lease: campaign.lease,
      now,
      sendingHere: runs.isSending(campaign.id),
      ownHolder,
      lockedInThisBrowser: lockedElsewhere(locks, runs, campaign.id),
      sentFrom: campaign.sentFrom,
      serviceConnected,
    });
}

interface LocksRead {
  /** The campaigns a tab of this browser held. */
  ids: ReadonlySet<string>;
  /** Those this very tab was sending then: its own locks. */
  sendingHere: ReadonlySet<string>;
}

/**
 * Whether another tab of this browser holds the campaign. A lock seen while this tab sent the
 * campaign was this tab's own: once its run has ended, that lock went with it (read again at once),
 * and the campaign is not shown as "sent from another tab" meanwhile.
 */
function lockedElsewhere(locks: LocksRead | undefined, runs: RunRegistry, campaignId: string): boolean | undefined {
  if (locks === undefined) return undefined;
  if (locks.sendingHere.has(campaignId) && !runs.isSending(campaignId)) return false;
  return locks.ids.has(campaignId);
}

/** The campaigns a tab of this browser holds, kept up to date (and read again when a run of this tab moves); undefined until read, or without Web Locks. */
function useCampaignLocks(watch: boolean, runs: RunRegistry): LocksRead | undefined {
  const [locked, setLocked] = useState<LocksRead | undefined>();
  const phases = useRunPhases();
  useEffect(() => {
    if (!watch) return undefined;
    let live = true;
    const read = () => {
      const sendingHere = new Set(runs.phases().flatMap(([campaignId]) => (runs.isSending(campaignId) ? [campaignId] : [])));
      campaignsLockedInThisBrowser().then(
        (ids) => {
          // The same campaigns as before keep the same answer: no new render every two seconds.
          if (live && ids) setLocked((current) => (current && sameIds(current.ids, ids) && sameIds(current.sendingHere, sendingHere) ? current : { ids, sendingHere }));
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
  }, [watch, runs, phases]);
  return locked;
}

function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}
