import { CampaignNotificationSender } from '../../api/sunshine/notificationSender';
import { NotificationsClient } from '../../api/sunshine/notifications';
import type { Transport } from '../../api/transport/types';
import { messageFingerprint } from '../../core/campaign/fingerprint';
import type { Recipient } from '../../core/campaign/plan';
import { CampaignRunner, type RunnerOptions } from '../../core/sending/runner';
import { IndexedDbJournal } from '../../platform/indexedDbJournal';
import { TabLockedLease } from '../../platform/tabLockedLease';
import { createWorkerClock } from '../../platform/workerClock';
import { CampaignLease } from '../../store/campaignLease';
import { CampaignRunPersistence } from '../../store/campaignRun';
import type { CampaignRecord } from '../../store/campaigns';
import { ZendeskOptOutRecorder } from '../../store/optOuts';
import type { HeraldSettings } from '../../zaf/settings';

/**
 * Puts the sending engine together for one campaign in this browser tab: the Notification API
 * sender, the run's persistence in custom objects, the lease behind a Web Lock, this browser's
 * journal in IndexedDB and a Worker clock (a hidden tab keeps its pace). Everything the runner
 * needs comes from the stored campaign, so a campaign resumes from any browser without the wizard.
 */

export interface EngineContext {
  transport: Transport;
  settings: HeraldSettings;
  agent: { id: number; name: string };
  /** Names this tab in the lease, and survives a reload of it. */
  sessionId: string;
  /** How the holder is shown when another tab of this browser runs the campaign. */
  otherTabLabel: string;
}

export function campaignFingerprint(campaign: Pick<CampaignRecord, 'templateName' | 'templateLanguage'>, recipient: Pick<Recipient, 'phone' | 'values'>): string {
  return messageFingerprint({ phone: recipient.phone, templateName: campaign.templateName, language: campaign.templateLanguage, values: recipient.values });
}

/** The run's persistence alone: for freezing the audience, reading results, or watching. */
export function runPersistence(transport: Transport, campaignId: string): CampaignRunPersistence {
  return new CampaignRunPersistence(transport, campaignId);
}

export function createCampaignRunner(
  context: EngineContext,
  campaign: CampaignRecord,
  extra: Pick<RunnerOptions, 'onProgress' | 'resendUnverified'> = {},
): CampaignRunner {
  const { transport, settings, agent, sessionId } = context;
  const clock = createWorkerClock();
  const lease = new TabLockedLease(campaign.id, new CampaignLease(transport, campaign.id, { agentName: agent.name, agentId: agent.id, sessionId, clock }), context.otherTabLabel);
  const sender = new CampaignNotificationSender(new NotificationsClient(transport, settings.sunshine), {
    integration: { id: campaign.integrationId, channel: campaign.channel },
    template: { name: campaign.templateName, language: campaign.templateLanguage, content: campaign.definition.content, slots: campaign.definition.slots },
    ...(settings.whatsappNamespace ? { namespace: settings.whatsappNamespace } : {}),
  });
  return new CampaignRunner({
    clock,
    sender,
    persistence: new CampaignRunPersistence(transport, campaign.id, { clock }),
    lease,
    journal: typeof indexedDB === 'undefined' ? undefined : new IndexedDbJournal(campaign.id),
    optOuts: settings.optOutTag ? new ZendeskOptOutRecorder(transport, settings.optOutTag) : undefined,
    fingerprint: (recipient) => campaignFingerprint(campaign, recipient),
    rate: Math.max(1, Math.min(1000, Math.round(campaign.definition.ratePerSecond))),
    quietHours: campaign.definition.quietHours ?? undefined,
    ...extra,
  });
}

// In a module of its own, so that the campaign list can tell its tab without the engine's code.
export { tabSessionId } from './tabSession';
