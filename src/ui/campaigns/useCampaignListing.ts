import { useCallback, useEffect, useState } from 'react';
import type { CampaignRecord } from '../../store/campaigns';
import { listCampaigns, type UnreadableCampaignSeen } from '../../app/campaigns/queries';
import { useHerald } from '../herald';
import { useObjectsSetUps } from '../hooks/useObjectsSetUp';

const PAGE_SIZE = 25;

export interface CampaignListing {
  status: 'loading' | 'ready' | 'failed';
  campaigns: CampaignRecord[];
  unreadable: UnreadableCampaignSeen[];
  error: unknown;
  hasMore: boolean;
  more: () => Promise<void>;
  reload: () => Promise<void>;
}

/** The campaigns, newest first, a page at a time; a reload keeps the list shown meanwhile. */
export function useCampaignListing(): CampaignListing {
  const { base } = useHerald();
  const [state, setState] = useState<Omit<CampaignListing, 'more' | 'reload'> & { next: string | undefined }>({
    status: 'loading',
    campaigns: [],
    unreadable: [],
    error: undefined,
    hasMore: false,
    next: undefined,
  });

  const reload = useCallback(async () => {
    try {
      const page = await listCampaigns(base, { pageSize: PAGE_SIZE });
      setState({ status: 'ready', campaigns: page.campaigns, unreadable: page.unreadable, error: undefined, hasMore: page.next !== undefined, next: page.next });
    } catch (error) {
      setState((current) => ({ ...current, status: current.campaigns.length > 0 ? 'ready' : 'failed', error }));
    }
  }, [base]);

  const more = async () => {
    if (!state.next) return;
    const page = await listCampaigns(base, { pageSize: PAGE_SIZE, after: state.next });
    setState((current) => ({
      ...current,
      campaigns: [...current.campaigns, ...page.campaigns],
      unreadable: [...current.unreadable, ...page.unreadable],
      hasMore: page.next !== undefined,
      next: page.next,
    }));
  };

  // Read again when Herald's objects were just created, from this screen or another.
  const setUps = useObjectsSetUps();
  useEffect(() => {
    void reload();
  }, [reload, setUps]);

  return { ...state, more, reload };
}
