import { createEmulator, ManualClock, type Emulator } from '../../emulator/index';
import { createInstallation } from '../../emulator/installation';
import { SEEDED_INTEGRATION_IDS } from '../../emulator/sunshine/seedIntegrations';
import type { SunshineConnection } from '../../src/api/sunshine/connection';
import { MessageTemplatesClient } from '../../src/api/sunshine/messageTemplates';
import { CampaignNotificationSender, type CampaignMessage } from '../../src/api/sunshine/notificationSender';
import { NotificationsClient } from '../../src/api/sunshine/notifications';
import type { Transport } from '../../src/api/transport/types';
import { ZafTransport } from '../../src/zaf/zafTransport';
import { CustomObjectsClient } from '../../src/api/zendesk/customObjects';
import { messageFingerprint } from '../../src/core/campaign/fingerprint';
import { templateSlots } from '../../src/core/campaign/mapping';
import { firstNameMappings } from './mappings';
import type { Recipient } from '../../src/core/campaign/plan';
import type { LocalJournal, SendClock } from '../../src/core/sending/ports';
import { CampaignRunner, type RunnerOptions } from '../../src/core/sending/runner';
import { fromMetaTemplate } from '../../src/core/template/meta';
import { CampaignLease } from '../../src/store/campaignLease';
import { CampaignRunPersistence } from '../../src/store/campaignRun';
import { frozenSendOf } from '../../src/store/campaignModel';
import { CampaignStore, type CampaignDraft } from '../../src/store/campaigns';
import { setUpHeraldObjects } from '../../src/store/setup';
import { FakeClock } from './fakeClock';
import { createFakeZafClient } from './fakeZafClient';
import { generateRecipients } from './recipients';

/**
 * A frozen campaign and runners for it, built as the app builds them: Herald's setup, the template
 * read through the API, the Notification API sender, the run persistence and the lease in custom
 * objects. `sendingSetup` does it against an emulator in this thread (tests); `frozenCampaign` and
 * `campaignRunner` against any emulator a transport reaches (the bench's, in a worker).
 */

export const FRANCE = SEEDED_INTEGRATION_IDS.whatsappFrance;
export const TEMPLATE = { name: 'spring_sale', language: 'fr' };

/** Where the campaign lives: a transport to Zendesk and Sunshine, and the Sunshine app. */
export interface CampaignTarget {
  transport: Transport;
  sunshine: SunshineConnection;
}

export interface FrozenCampaign {
  campaignId: string;
  recipients: Recipient[];
  message: CampaignMessage;
}

export interface RunnerSession {
  session: string;
  clock: SendClock;
  /** Defaults to the target's transport. */
  transport?: Transport;
  journal?: LocalJournal;
  rate?: number;
  options?: Partial<RunnerOptions>;
}

export async function frozenCampaign(target: CampaignTarget, options: { recipients: number; seed?: number; rate?: number }): Promise<FrozenCampaign> {
  const { transport } = target;
  await setUpHeraldObjects(new CustomObjectsClient(transport));
  const seeded = (await new MessageTemplatesClient(transport, target.sunshine).list(FRANCE, { name: TEMPLATE.name })).find(
    (template) => template.language === TEMPLATE.language,
  );
  if (!seeded) throw new Error(`The emulator has no ${TEMPLATE.name} ${TEMPLATE.language}`);
  const content = fromMetaTemplate(seeded);
  const slots = templateSlots(content);
  const message: CampaignMessage = { integration: { id: FRANCE, channel: 'whatsapp' }, template: { ...TEMPLATE, content, slots } };
  const recipients = uniquePhones(generateRecipients(options.recipients, { seed: options.seed ?? 7, slots: slots.length }));
  const draft: CampaignDraft = {
    name: 'Chaos',
    channel: 'whatsapp',
    integrationId: FRANCE,
    templateName: TEMPLATE.name,
    templateLanguage: TEMPLATE.language,
    templateCategory: 'MARKETING',
    query: 'tags:vip',
    definition: { content, slots, mappings: firstNameMappings(slots), ratePerSecond: options.rate ?? 80, quietHours: null },
    createdBy: 1,
  };
  const campaignId = await new CampaignStore(transport).create(draft);
  await new CampaignRunPersistence(transport, campaignId).freeze(recipients, frozenSendOf(draft));
  return { campaignId, recipients, message };
}

/** A runner in a new browser session (a tab, or another agent's browser). */
export function campaignRunner(
  target: CampaignTarget,
  campaign: FrozenCampaign,
  { session, clock, transport = target.transport, journal, rate = 80, options = {} }: RunnerSession,
): { runner: CampaignRunner; persistence: CampaignRunPersistence } {
  const persistence = new CampaignRunPersistence(transport, campaign.campaignId, { clock });
  const lease = new CampaignLease(transport, campaign.campaignId, { agentName: 'Alex Martin', agentId: 1, sessionId: session, clock });
  const runner = new CampaignRunner({
    clock,
    sender: new CampaignNotificationSender(new NotificationsClient(transport, target.sunshine), { ...campaign.message, campaignId: campaign.campaignId }),
    persistence,
    lease,
    journal,
    rate,
    fingerprint: (recipient) => messageFingerprint({ phone: recipient.phone, templateName: TEMPLATE.name, language: TEMPLATE.language, values: recipient.values }),
    ...options,
  });
  return { runner, persistence };
}

export interface SendingSetup extends FrozenCampaign {
  emulator: Emulator;
  /** The emulator's time, which tests move (see `fakeClockFor`). */
  manual: ManualClock;
  /** The transport to the emulator, before any wrapping. */
  direct: Transport;
  runner(session: RunnerSession): { runner: CampaignRunner; persistence: CampaignRunPersistence };
}

/** A frozen campaign against an emulator in this thread, reached through the emulated ZAF proxy. */
export async function sendingSetup(options: { recipients: number; seed?: number }): Promise<SendingSetup> {
  const manual = new ManualClock();
  const emulator = createEmulator({ clock: manual, zendesk: { endUsers: 10, jobDelayMs: 0 } });
  const direct: Transport = new ZafTransport(createFakeZafClient({ emulator, installation: createInstallation(emulator) }));
  const target: CampaignTarget = { transport: direct, sunshine: sunshineOf(emulator) };
  const campaign = await frozenCampaign(target, options);
  return { ...campaign, emulator, manual, direct, runner: (session) => campaignRunner(target, campaign, session) };
}

/** The Sunshine app of an emulator, at the base URL the app uses through Zendesk. */
export function sunshineOf(emulator: Pick<Emulator, 'config'>): SunshineConnection {
  return { baseUrl: `${emulator.config.zendeskOrigin}/sc`, appId: emulator.config.sunshine.appId };
}

/** A fake clock that moves the emulator's time along. */
export function fakeClockFor(setup: SendingSetup): FakeClock {
  return FakeClock.driving(setup.manual);
}

/** The audience step never keeps a phone twice; generated numbers may repeat. */
function uniquePhones(recipients: Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((recipient) => !seen.has(recipient.phone) && Boolean(seen.add(recipient.phone)));
}

/** Accepted notifications per destination phone, as the emulator recorded them. */
export function acceptedByPhone(emulator: Emulator): Map<string, number> {
  const counts = new Map<string, number>();
  for (const notification of emulator.sunshine.notifications()) counts.set(notification.destinationId, (counts.get(notification.destinationId) ?? 0) + 1);
  return counts;
}

/**
 * Custom-object requests to Zendesk from the `from`-th request the emulator received: the most in
 * any window of `windowMs`, and the total.
 */
export function customObjectLoad(emulator: Pick<Emulator, 'requests'>, from: number, windowMs = 60_000): { total: number; writes: number; peakPerWindow: number } {
  const requests = emulator.requests.slice(from).filter((request) => request.service === 'zendesk' && request.url.includes('/custom_objects/'));
  return {
    total: requests.length,
    writes: requests.filter((request) => request.method !== 'GET').length,
    peakPerWindow: busiestWindow(
      requests.map((request) => request.at),
      windowMs,
    ),
  };
}

/** The most events in any window of `windowMs` (times in ascending order). */
export function busiestWindow(times: readonly number[], windowMs: number): number {
  let peak = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}
