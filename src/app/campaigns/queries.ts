import { CampaignStore, type CampaignPage, type CampaignRecord } from '../../store/campaigns';
import type { AppContext } from '../context';

/** Reading campaigns: what every screen shows of them. Reads need no right beyond seeing Herald. */

type Reads = Pick<AppContext, 'transport'>;

/** Most recently created first, a page at a time. */
export function listCampaigns(context: Reads, options: { after?: string; pageSize?: number } = {}): Promise<CampaignPage> {
  return new CampaignStore(context.transport).list(options);
}

export function loadCampaign(context: Reads, campaignId: string): Promise<CampaignRecord> {
  return new CampaignStore(context.transport).load(campaignId);
}
