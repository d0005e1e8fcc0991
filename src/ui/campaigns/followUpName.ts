import type { CampaignRecord } from '../../store/campaigns';
import type { Translate } from '../i18n/messages';

/** A follow-up's name: the campaign's, marked once (a follow-up of a follow-up keeps its name, never "(retry) (retry)"). */
export function followUpName(t: Translate, campaign: Pick<CampaignRecord, 'name' | 'followUpOf'>): string {
  return campaign.followUpOf === null ? t('campaigns.results.followUpName', { name: campaign.name }) : campaign.name;
}
