import { describe, expect, it } from 'vitest';
import { createEmulator, ManualClock } from '../../emulator/index';
import { createInstallation } from '../../emulator/installation';
import { DELIVERY_FAILURES, onTheCall } from '../../emulator/sunshine/deliveryFailures';
import { SEEDED_INTEGRATION_IDS } from '../../emulator/sunshine/seedIntegrations';
import { CampaignNotificationSender, type CampaignMessage } from '../../src/api/sunshine/notificationSender';
import { NotificationsClient } from '../../src/api/sunshine/notifications';
import { ZafTransport } from '../../src/zaf/zafTransport';
import { templateSlots } from '../../src/core/campaign/mapping';
import type { Recipient } from '../../src/core/campaign/plan';
import { sendTestMessage } from '../../src/core/sending/testSend';
import { fromMetaTemplate, type MetaTemplate } from '../../src/core/template/meta';
import { createFakeZafClient } from '../support/fakeZafClient';

/** The test send: the real rendered message to one person, through the campaign's own sender. */

const FRANCE = SEEDED_INTEGRATION_IDS.whatsappFrance;

function setUp(templateName: string) {
  const emulator = createEmulator({ clock: new ManualClock() });
  const transport = new ZafTransport(createFakeZafClient({ emulator, installation: createInstallation(emulator) }));
  const client = new NotificationsClient(transport, { baseUrl: `${emulator.config.zendeskOrigin}/sc`, appId: emulator.config.sunshine.appId });
  const seeded = emulator.sunshine.messageTemplate(FRANCE, templateName, 'fr');
  if (!seeded) throw new Error(`No seeded ${templateName}`);
  const content = fromMetaTemplate(seeded as unknown as MetaTemplate);
  const message: CampaignMessage = {
    integration: { id: FRANCE, channel: 'whatsapp' },
    template: { name: templateName, language: 'fr', content, slots: templateSlots(content) },
  };
  const recipient = (phone: string): Recipient => ({
    userId: 7,
    phone,
    country: 'FR',
    locale: 'fr',
    timeZone: null,
    values: templateSlots(content).map((slot) => (slot.component === 'button' ? 'A-1042' : 'Ana')),
  });
  return { emulator, sender: new CampaignNotificationSender(client, message), recipient };
}

describe('sendTestMessage', () => {
  it('sends the real message once, with the person’s values', async () => {
    const { emulator, sender, recipient } = setUp('order_update');
    const outcome = await sendTestMessage(sender, recipient('+33612345678'));
    expect(outcome).toMatchObject({ kind: 'sent' });
    const notifications = emulator.sunshine.notifications();
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ destinationId: '+33612345678', message: { type: 'template', template: { name: 'order_update' } } });
    expect(JSON.stringify(notifications[0]?.message)).toContain('Ana');
  });

  it('tells why the channel refused it: this number, this person’s choice, or the whole campaign', async () => {
    const { emulator, sender, recipient } = setUp('spring_sale');
    // Refusals on the call (WhatsApp reports these later in production; the app still handles them on the call).
    emulator.sunshine.failDeliveriesTo('+33611111111', onTheCall(DELIVERY_FAILURES.undeliverable));
    emulator.sunshine.failDeliveriesTo('+33622222222', onTheCall(DELIVERY_FAILURES.optedOut));
    expect(await sendTestMessage(sender, recipient('+33611111111'))).toEqual({ kind: 'failed', code: 'whatsapp-131026' });
    expect(await sendTestMessage(sender, recipient('+33622222222'))).toEqual({ kind: 'skipped', reason: 'opted-out' });
    emulator.sunshine.setTemplateStatus(FRANCE, 'spring_sale', 'fr', 'PAUSED');
    expect(await sendTestMessage(sender, recipient('+33633333333'))).toEqual({ kind: 'stopped', reason: 'template-paused' });
    expect(emulator.sunshine.notifications()).toHaveLength(0);
  });

  it('says when to try again after a rate limit, and that a timed-out send may have gone', async () => {
    const { emulator, sender, recipient } = setUp('order_update');
    emulator.faults.add({ match: { service: 'sunshine', path: /\/notifications$/ }, fault: { kind: 'rateLimit', retryAfterSeconds: 7 }, times: 1 });
    expect(await sendTestMessage(sender, recipient('+33612345678'))).toEqual({ kind: 'retry-later', reason: 'rate-limited', retryAfterMs: 7_000 });
    emulator.faults.add({ match: { service: 'sunshine', path: /\/notifications$/ }, fault: { kind: 'timeout', ms: 5 }, times: 1 });
    expect(await sendTestMessage(sender, recipient('+33612345678'))).toEqual({ kind: 'unverified', cause: 'timeout' });
  });
});
