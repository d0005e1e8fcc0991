import { scheduleState } from '../../core/campaign/schedule';
import { UsersClient } from '../../api/zendesk/users';
import { CampaignStore, type CampaignPage, type CampaignRecord, type UnreadableCampaign } from '../../store/campaigns';
import type { AppContext } from '../context';

/** Reading campaigns: what every screen shows of them. Reads need no right beyond seeing Herald. */

type Reads = Pick<AppContext, 'transport'>;

/** A campaign record that does not read, with the name of who last changed it (null when Zendesk does not say, or they are gone). */
export type UnreadableCampaignSeen = UnreadableCampaign & { changedByName: string | null };

export interface CampaignListPage extends Omit<CampaignPage, 'unreadable'> {
  unreadable: UnreadableCampaignSeen[];
}

/** Most recently created first, a page at a time; a record that does not read is named with who changed it. */
export async function listCampaigns(context: Reads, options: { after?: string; pageSize?: number } = {}): Promise<CampaignListPage> {
  const page = await new CampaignStore(context.transport).list(options);
  if (page.unreadable.length === 0) return { ...page, unreadable: [] };
  const users = new UsersClient(context.transport);
  const ids = [...new Set(page.unreadable.map((campaign) => campaign.lastChangedBy).filter((id): id is number => id !== null))];
  const names = new Map(await Promise.all(ids.map(async (id) => [id, await users.show(id).then((user) => user.name ?? null, () => null)] as const)));
  return { ...page, unreadable: page.unreadable.map((campaign) => ({ ...campaign, changedByName: campaign.lastChangedBy === null ? null : (names.get(campaign.lastChangedBy) ?? null) })) };
}

export function loadCampaign(context: Reads, campaignId: string): Promise<CampaignRecord> {
  return new CampaignStore(context.transport).load(campaignId);
}

/**
 * The scheduled campaigns whose time has come (not those left for a person: see scheduleState) that
 * a browser starts: one to be sent from the Herald service is the service's to start, and a person's
 * while the service is away (moved to a browser, or started now), never a browser's on its own.
 */
export async function dueCampaigns(context: Reads & Pick<AppContext, 'clock'>): Promise<CampaignRecord[]> {
  const now = context.clock.now();
  const scheduled = await new CampaignStore(context.transport).scheduled();
  return scheduled.filter((campaign) => campaign.sentFrom === 'browser' && campaign.scheduledAt !== null && scheduleState(campaign.scheduledAt, now) === 'due');
}
