import type { CampaignCounts } from '../../store/campaigns';
import type { Translate } from '../i18n/messages';

/** A cancelled campaign as its page and the list say it: how many went out before the cancel, how many never will. */
export function cancelledSummary(t: Translate, counts: Pick<CampaignCounts, 'sent' | 'unverified'>, total: number): string {
  const notSent = t('campaigns.progress.notSent', { count: Math.max(0, total - counts.sent - counts.unverified) });
  return t('campaigns.progress.cancelled', { count: counts.sent, notSent });
}
