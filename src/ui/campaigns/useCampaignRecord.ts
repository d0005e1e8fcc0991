import { useCallback, useEffect, useState } from 'react';
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

/**
 * One campaign as stored, read again every few seconds while `watching` (someone else sends it):
 * a re-read keeps showing the last campaign read, so the page never flickers back to "loading".
 */
export function useCampaignRecord(campaignId: string, watching: (campaign: CampaignRecord) => boolean): CampaignRecordState {
  const { base } = useHerald();
  const [state, setState] = useState<{ id: string; campaign: CampaignRecord | undefined; error: unknown }>({ id: campaignId, campaign: undefined, error: undefined });

  const reload = useCallback(async () => {
    try {
      const campaign = await loadCampaign(base, campaignId);
      setState({ id: campaignId, campaign, error: undefined });
    } catch (error) {
      setState((current) => ({ ...current, id: campaignId, error }));
    }
  }, [base, campaignId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const current = state.id === campaignId ? state.campaign : undefined;
  const watch = current !== undefined && watching(current);
  useEffect(() => {
    if (!watch) return undefined;
    const timer = setInterval(() => void reload(), WATCH_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [watch, reload]);

  return { campaign: current, error: state.id === campaignId ? state.error : undefined, reload };
}
