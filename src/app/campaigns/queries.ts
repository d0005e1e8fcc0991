import { loadCampaignResults as readResults } from '../../store/campaignResults';
import { CampaignRunPersistence } from '../../store/campaignRun';
import { CampaignStore, type CampaignPage, type CampaignRecord } from '../../store/campaigns';
import type { ResultRow } from '../../core/campaign/results';
import type { AppContext } from '../context';
import { checkCampaignChange, LaunchRights, UntrustedChangeError } from './runTrust';

/** Reading campaigns: what every screen shows of them. Reads need no right beyond seeing Herald. */

type Reads = Pick<AppContext, 'transport'>;

/** Most recently created first, a page at a time. */
export function listCampaigns(context: Reads, options: { after?: string; pageSize?: number } = {}): Promise<CampaignPage> {
  return new CampaignStore(context.transport).list(options);
}

export function loadCampaign(context: Reads, campaignId: string): Promise<CampaignRecord> {
  return new CampaignStore(context.transport).load(campaignId);
}

/** Every recipient's outcome, from the campaign's frozen audience and ledger. */
export function loadCampaignResults(context: Reads, campaignId: string): Promise<ResultRow[]> {
  return readResults(new CampaignRunPersistence(context.transport, campaignId));
}

export type CampaignTrust = { trusted: true } | { trusted: false; changedBy: { id: number | null; name: string | null } };

/**
 * Whether the campaign's last change is one Herald may run on (runTrust.ts): asked before offering
 * to start, resume or launch it, and to name whoever changed it when it is not.
 */
export async function campaignTrust(context: Pick<AppContext, 'transport' | 'settings'>, campaign: CampaignRecord): Promise<CampaignTrust> {
  const definition = campaign.reservedThrough === null ? undefined : (await new CampaignRunPersistence(context.transport, campaign.id).loadDefinition()).definition;
  try {
    await checkCampaignChange(new LaunchRights(context.transport, context.settings.permissions.senders), campaign, definition);
    return { trusted: true };
  } catch (error) {
    if (error instanceof UntrustedChangeError) return { trusted: false, changedBy: error.changedBy };
    throw error;
  }
}
