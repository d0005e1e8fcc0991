import type { RunOutcome } from '../../core/sending/runner';
import type { CampaignRecord, CampaignStore } from '../../store/campaigns';
import type { ZafClient } from '../../zaf/types';
import { useZaf } from '../../zaf/ZafProvider';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/messages';
import { useServices } from '../services';
import { tabSessionId } from './tabSession';
import { cancelTabRun, pauseTabRun, startTabRun } from './runRegistry';
import { stopReasonMessage } from './sendingMessages';

/**
 * Start, pause, resume and cancel a campaign from this tab. The outcome of a run is stored on the
 * campaign (status, report) before the page shows it, and the user is told through Zendesk's
 * notifications, since they may be looking at another part of the app meanwhile.
 */
export function useCampaignStarter() {
  const { transport, campaigns } = useServices();
  const { client, settings, currentUser } = useZaf();
  const { t } = useI18n();

  /** Starts (or resumes) the campaign in this tab; `onEnd` runs once its outcome is stored. */
  return async (campaign: CampaignRecord, options: { resendUnverified?: 'all'; onEnd?: () => Promise<void> | void } = {}) => {
    if (!settings.ok) return;
    // The sending engine downloads when a campaign starts, not with the campaign list.
    const { createCampaignRunner } = await import('./campaignEngine');
    if (campaign.status !== 'running') {
      await campaigns.update(campaign.id, {
        status: 'running',
        pauseReason: null,
        ...(campaign.startedAt === null ? { startedAt: Date.now() } : {}),
        launchedBy: currentUser.id,
        launchedByName: currentUser.name,
      });
    }
    const context = {
      transport,
      settings: settings.settings,
      agent: { id: currentUser.id, name: currentUser.name },
      sessionId: tabSessionId(),
      otherTabLabel: t('campaigns.page.otherTab'),
    };
    startTabRun(
      campaign.id,
      (onProgress) => createCampaignRunner(context, campaign, { onProgress, ...(options.resendUnverified ? { resendUnverified: options.resendUnverified } : {}) }),
      async (outcome) => {
        await storeOutcome(campaigns, campaign.id, outcome);
        notifyOutcome(client, t, campaign, outcome);
        await options.onEnd?.();
      },
    );
  };
}

/** The actions of one campaign's page. */
export function useCampaignActions(campaign: CampaignRecord | undefined, reload: () => Promise<void>) {
  const startCampaign = useCampaignStarter();
  return {
    start: async (options: { resendUnverified?: 'all' } = {}) => {
      if (!campaign) return;
      await startCampaign(campaign, { ...options, onEnd: reload });
      await reload();
    },
    pause: () => campaign && pauseTabRun(campaign.id),
    cancel: () => campaign && cancelTabRun(campaign.id),
  };
}

/** Stores how a run ended on its campaign (status, report, pause reason): what every page then shows. */
export async function storeOutcome(campaigns: CampaignStore, id: string, outcome: RunOutcome): Promise<void> {
  const now = Date.now();
  switch (outcome.status) {
    case 'completed':
      await campaigns.update(id, { status: 'completed', finishedAt: now, report: outcome.report, pauseReason: null });
      return;
    case 'cancelled':
      await campaigns.update(id, { status: 'cancelled', finishedAt: now, report: outcome.report, pauseReason: null });
      return;
    case 'paused':
      await campaigns.update(id, { status: 'paused', pauseReason: outcome.reason, report: outcome.report });
      return;
    case 'busy':
    case 'lease-lost':
      // Another runner has the campaign: its outcome is its to store.
      return;
  }
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
