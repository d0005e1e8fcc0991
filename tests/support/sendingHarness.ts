import { createEmulator, ManualClock, type Emulator } from '../../emulator/index';
import { createInstallation } from '../../emulator/installation';
import { SEEDED_INTEGRATION_IDS } from '../../emulator/sunshine/seedIntegrations';
import { CampaignNotificationSender, type CampaignMessage } from '../../src/api/sunshine/notificationSender';
import { NotificationsClient } from '../../src/api/sunshine/notifications';
import type { Transport } from '../../src/api/transport/types';
import { ZafTransport } from '../../src/api/transport/zafTransport';
import { CustomObjectsClient } from '../../src/api/zendesk/customObjects';
import { messageFingerprint } from '../../src/core/campaign/fingerprint';
import { defaultMappings, templateSlots } from '../../src/core/campaign/mapping';
import type { Recipient } from '../../src/core/campaign/plan';
import type { LocalJournal, SendClock } from '../../src/core/sending/ports';
import { CampaignRunner, type RunnerOptions } from '../../src/core/sending/runner';
import { fromMetaTemplate, type MetaTemplate } from '../../src/core/template/meta';
import { CampaignLease } from '../../src/store/campaignLease';
import { CampaignRunPersistence } from '../../src/store/campaignRun';
import { CampaignStore } from '../../src/store/campaigns';
import { setUpHeraldObjects } from '../../src/store/setup';
import { createFakeZafClient } from './fakeZafClient';
import { generateRecipients } from './recipients';

/**
 * A frozen campaign against the emulator, and runners for it built as the app builds them: the
 * Notification API sender, the run persistence and the lease in custom objects, all through the
 * ZAF transport (wrapped by the test, for latency and faults).
 */

export const FRANCE = SEEDED_INTEGRATION_IDS.whatsappFrance;
export const TEMPLATE = { name: 'spring_sale', language: 'fr' };

export interface SendingSetup {
  emulator: Emulator;
  manual: ManualClock;
  /** The transport to the emulator, before any wrapping. */
  direct: Transport;
  campaignId: string;
  recipients: Recipient[];
  message: CampaignMessage;
  /** A runner in a new browser session (a tab or another agent's browser). */
  runner(options: RunnerSession): { runner: CampaignRunner; persistence: CampaignRunPersistence };
}

export interface RunnerSession {
  session: string;
  clock: SendClock & { sleep(ms: number, signal?: AbortSignal): Promise<void> };
  transport?: Transport;
  journal?: LocalJournal;
  rate?: number;
  options?: Partial<RunnerOptions>;
}

export async function sendingSetup(options: { recipients: number; seed?: number; manual?: ManualClock; sunshineLatencyMs?: number }): Promise<SendingSetup> {
  const manual = options.manual ?? new ManualClock();
  const emulator = createEmulator({ clock: manual, zendesk: { endUsers: 10, jobDelayMs: 0 } });
  const direct: Transport = new ZafTransport(createFakeZafClient({ emulator, installation: createInstallation(emulator) }));
  await setUpHeraldObjects(new CustomObjectsClient(direct));

  const seeded = emulator.sunshine.messageTemplate(FRANCE, TEMPLATE.name, TEMPLATE.language);
  if (!seeded) throw new Error(`The emulator has no ${TEMPLATE.name} ${TEMPLATE.language}`);
  const content = fromMetaTemplate(seeded as unknown as MetaTemplate);
  const slots = templateSlots(content);
  const message: CampaignMessage = { integration: { id: FRANCE, channel: 'whatsapp' }, template: { ...TEMPLATE, content, slots } };
  const recipients = uniquePhones(generateRecipients(options.recipients, { seed: options.seed ?? 7, slots: slots.length }));

  const store = new CampaignStore(direct);
  const campaignId = await store.create({
    name: 'Chaos',
    channel: 'whatsapp',
    integrationId: FRANCE,
    templateName: TEMPLATE.name,
    templateLanguage: TEMPLATE.language,
    templateCategory: 'MARKETING',
    query: 'tags:vip',
    definition: { content, slots, mappings: defaultMappings(slots), ratePerSecond: 80, quietHours: null },
    createdBy: 1,
  });
  await new CampaignRunPersistence(direct, campaignId).freeze(recipients);

  return {
    emulator,
    manual,
    direct,
    campaignId,
    recipients,
    message,
    runner({ session, clock, transport = direct, journal, rate = 80, options: extra = {} }) {
      const persistence = new CampaignRunPersistence(transport, campaignId, { clock });
      const lease = new CampaignLease(transport, campaignId, { agentName: 'Alex Martin', agentId: 1, sessionId: session, clock });
      const client = new NotificationsClient(transport, { baseUrl: `${emulator.config.zendeskOrigin}/sc`, appId: emulator.config.sunshine.appId });
      const runner = new CampaignRunner({
        clock,
        sender: new CampaignNotificationSender(client, message),
        persistence,
        lease,
        journal,
        rate,
        fingerprint: (recipient) => messageFingerprint({ phone: recipient.phone, templateName: TEMPLATE.name, language: TEMPLATE.language, values: recipient.values }),
        ...extra,
      });
      return { runner, persistence };
    },
  };
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
export function customObjectLoad(emulator: Emulator, from: number, windowMs = 60_000): { total: number; writes: number; peakPerWindow: number } {
  const requests = emulator.requests.slice(from).filter((request) => request.service === 'zendesk' && request.url.includes('/custom_objects/'));
  let peak = 0;
  let start = 0;
  for (let end = 0; end < requests.length; end++) {
    while ((requests[end]!.at - requests[start]!.at) >= windowMs) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return { total: requests.length, writes: requests.filter((request) => request.method !== 'GET').length, peakPerWindow: peak };
}
