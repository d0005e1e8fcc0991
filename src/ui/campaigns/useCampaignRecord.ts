import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CampaignRecord } from '../../store/campaigns';
import { loadCampaign } from '../../app/campaigns/queries';
import { useHerald } from '../herald';

/** How often a page re-reads a campaign someone else is sending (its counts are published every 15 s). */
const WATCH_INTERVAL_MS = 5_000;

export interface CampaignRecordState {
  campaign: CampaignRecord | undefined;
  /** The last read failed (the campaign shown, if any, is the one read before). */
  error: unknown;
  reload: () => Promise<void>;
}

interface Shown {
  id: string;
  campaign: CampaignRecord | undefined;
  error: unknown;
  /** The last campaign `written` taken as it is (or the one there was when the page opened). */
  adopted: CampaignRecord | undefined;
}

/**
 * One campaign as stored, read again every few seconds while `watching` (someone else sends it):
 * a re-read keeps showing the last campaign read, so the page never flickers back to "loading".
 *
 * `written`: the campaign as this tab last stored it (a run's outcome). Once it changes it is shown
 * at once, in the same render as the change, and a read that started before it is dropped: the page
 * never shows the campaign as it was before that write (a run that has just paused still "sending",
 * nobody sending it, its counts from its start). Only the latest read is ever shown.
 */
export function useCampaignRecord(campaignId: string, watching: (campaign: CampaignRecord) => boolean, written?: CampaignRecord): CampaignRecordState {
  const { base } = useHerald();
  // What this tab had written before the page opened is older than the first read: it is not shown.
  const [state, setState] = useState<Shown>({ id: campaignId, campaign: undefined, error: undefined, adopted: written });
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const read = (latest.current += 1);
    try {
      const campaign = await loadCampaign(base, campaignId);
      if (read === latest.current) setState((current) => (current.id === campaignId ? { ...current, campaign, error: undefined } : current));
    } catch (error) {
      if (read === latest.current) setState((current) => (current.id === campaignId ? { ...current, error } : current));
    }
  }, [base, campaignId]);

  // Another campaign opened: what this tab wrote of it before is older than its first read, too.
  if (state.id !== campaignId) setState({ id: campaignId, campaign: undefined, error: undefined, adopted: written });
  const adopted = state.id === campaignId ? state.adopted : written;
  const fresh = written !== undefined && written.id === campaignId && written !== adopted ? written : undefined;
  useLayoutEffect(() => {
    if (!fresh) return;
    // A read under way started before this write: what it brings back is older.
    latest.current += 1;
    setState({ id: campaignId, campaign: fresh, error: undefined, adopted: fresh });
  }, [fresh, campaignId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const current = fresh ?? (state.id === campaignId ? state.campaign : undefined);
  const watch = current !== undefined && watching(current);
  useEffect(() => {
    if (!watch) return undefined;
    const timer = setInterval(() => void reload(), WATCH_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [watch, reload]);

  return { campaign: current, error: fresh || state.id !== campaignId ? undefined : state.error, reload };
}
