import {
  cancelCampaign,
  pauseCampaignRun,
  resendUnverified,
  startCampaignRun,
  startDueCampaigns,
  type CampaignRunDeps,
  type StartKind,
} from '../../app/campaigns/campaignRuns';
import type { RunOutcome } from '../../core/sending/runner';
import type { CampaignRecord } from '../../store/campaigns';
import type { ZafClient } from '../../zaf/types';
import { useZaf } from '../../zaf/ZafProvider';
import { useAppContext, useHerald } from '../herald';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/messages';
import { stopReasonMessage } from './sendingMessages';

/**
 * Start, pause, resume and cancel campaigns from this tab, through the use cases (src/app). The use
 * case stores how a run ended; the agent is told through Zendesk's notifications, since they may be
 * looking at another part of the app meanwhile.
 */
export function useCampaignRuns() {
  const context = useAppContext();
  const { runs, ports } = useHerald();
  const { client } = useZaf();
  const { t } = useI18n();
  const deps: CampaignRunDeps = { runs, ports, onRunEnd: (campaign, outcome) => notifyOutcome(client, t, campaign, outcome) };
  return {
    start: (campaignId: string, kind: StartKind, options: { resendUnverified?: 'all' } = {}) => startCampaignRun(context, deps, campaignId, kind, options),
    pause: (campaignId: string) => pauseCampaignRun(context, runs, campaignId),
    cancel: (campaignId: string) => cancelCampaign(context, deps, campaignId),
    startDue: (campaigns: readonly CampaignRecord[]) => startDueCampaigns(context, deps, campaigns),
    resendUnverified: (campaignId: string, followUpName: string) => resendUnverified(context, deps, campaignId, followUpName),
    deps,
  };
}

function notifyOutcome(client: ZafClient, t: Translate, campaign: CampaignRecord, outcome: RunOutcome): void {
  const name = campaign.name;
  let message: string | undefined;
  let kind: 'notice' | 'alert' | 'error' = 'notice';
  if (outcome.status === 'completed') message = t('campaigns.notify.completed', { name, sent: outcome.report.counts.sent });
  else if (outcome.status === 'cancelled') message = t('campaigns.notify.cancelled', { name });
  else if (outcome.status === 'paused' && outcome.reason !== 'user') {
    message = t('campaigns.notify.paused', { name, reason: stopReasonMessage(t, outcome.reason) });
    kind = 'error';
  } else if (outcome.status === 'lease-lost') {
    message = t('campaigns.notify.leaseLost', { name });
    kind = 'alert';
  }
  // Where the location cannot show notifications, the page itself says it.
  if (message) void client.invoke('notify', message, kind).catch(() => undefined);
}
