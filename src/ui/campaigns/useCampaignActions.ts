import type { CampaignRunDeps, StartKind } from '../../app/campaigns/campaignRuns';
import type { RunOutcome } from '../../core/sending/runner';
import type { CampaignRecord, SentFrom } from '../../store/campaigns';
import type { ZafClient } from '../../zaf/types';
import { useZaf } from '../../zaf/ZafProvider';
import { useAppContext, useHerald } from '../herald';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/messages';
import { stopReasonMessage } from './sendingMessages';

/** The sending engine and a tab's ports for it download when a campaign first starts, stops or is cancelled here, not with the list. */
const loadEngine = () => Promise.all([import('../../app/campaigns/campaignRuns'), import('../../platform/browserEnginePorts')]);

/**
 * Start, pause, resume and cancel campaigns from this tab, through the use cases (src/app). The use
 * case stores how a run ended; the agent is told through Zendesk's notifications, since they may be
 * looking at another part of the app meanwhile.
 */
export function useCampaignRuns() {
  const context = useAppContext();
  const { runs } = useHerald();
  const { client } = useZaf();
  const { t } = useI18n();
  const otherTab = t('campaigns.page.otherTab');
  const engine = async () => {
    const [useCases, platform] = await loadEngine();
    const deps: CampaignRunDeps = { runs, ports: platform.browserEnginePorts(otherTab), onRunEnd: (campaign, outcome) => notifyOutcome(client, t, campaign, outcome) };
    return { useCases, deps };
  };
  return {
    start: async (campaignId: string, kind: StartKind, options: { resendUnverified?: 'all'; sendFrom?: SentFrom } = {}) => {
      const { useCases, deps } = await engine();
      await useCases.startCampaignRun(context, deps, campaignId, kind, options);
    },
    /** Wherever it runs: this tab's runner at once, a runner elsewhere (the Herald service, another browser) at its next heartbeat. */
    pause: async (campaignId: string) => {
      await (await engine()).useCases.pauseCampaign(context, { runs }, campaignId);
    },
    /** To the Herald service or to this browser; resolves once this browser sends it, or once the record names the service. */
    move: async (campaignId: string, to: SentFrom) => {
      const { useCases, deps } = await engine();
      return useCases.moveCampaign(context, deps, campaignId, to);
    },
    cancel: async (campaignId: string) => {
      const { useCases, deps } = await engine();
      await useCases.cancelCampaign(context, deps, campaignId);
    },
    startDue: async (campaigns: readonly CampaignRecord[]) => {
      const { useCases, deps } = await engine();
      return useCases.startDueCampaigns(context, deps, campaigns);
    },
    resendUnverified: async (campaignId: string, followUpName: string) => {
      const { useCases, deps } = await engine();
      return useCases.resendUnverified(context, deps, campaignId, followUpName);
    },
    acceptChange: async (campaignId: string) => (await engine()).useCases.acceptCampaignChange(context, campaignId),
    cancelUnreadable: async (campaignId: string) => (await engine()).useCases.cancelUnreadableCampaign(context, campaignId),
    /** What the wizard's launch runs with. */
    deps: async () => (await engine()).deps,
  };
}

function notifyOutcome(client: ZafClient, t: Translate, campaign: CampaignRecord, outcome: RunOutcome): void {
  const name = campaign.name;
  let message: string | undefined;
  let kind: 'notice' | 'alert' | 'error' = 'notice';
  if (outcome.status === 'completed') message = t('campaigns.notify.completed', { name, count: outcome.report.counts.sent });
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
