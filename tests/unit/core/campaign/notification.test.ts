import { describe, expect, it } from 'vitest';
import { createEmulator, ManualClock, type Emulator } from '../../../../emulator/index';
import { createInstallation } from '../../../../emulator/installation';
import { DELIVERY_FAILURES, onTheCall } from '../../../../emulator/sunshine/deliveryFailures';
import { SEEDED_INTEGRATION_IDS } from '../../../../emulator/sunshine/seedIntegrations';
import type { MessageTemplate } from '../../../../emulator/sunshine/state';
import { NotificationNotSentError, NotificationsClient } from '../../../../src/api/sunshine/notifications';
import { HttpError, InvalidResponseError } from '../../../../src/api/transport/errors';
import type { Transport } from '../../../../src/api/transport/types';
import { ZafTransport } from '../../../../src/zaf/zafTransport';
import { templateSlots } from '../../../../src/core/campaign/mapping';
import { buildNotification, NotificationValuesError, type NotificationPost } from '../../../../src/core/campaign/notification';
import { fromMetaTemplate, type MetaTemplate, type TemplateContent } from '../../../../src/core/template/meta';
import { createFakeZafClient, type FakeZafClient } from '../../../support/fakeZafClient';
import { sunshineV1Contract } from '../../../support/openapi';

/** The Notification API body of one recipient: its shapes, the v1 contract, and what the emulator accepts. */

const PHONE = '+33612345678';
const SHOP = 'https://shop.example.com/orders/';

const content = (overrides: Partial<TemplateContent>): TemplateContent => ({
  header: { kind: 'none' },
  body: '',
  footer: '',
  buttons: [],
  variables: [],
  ...overrides,
});

const ORDER: TemplateContent = content({
  header: { kind: 'text', text: 'Commande {{#10482}}' },
  body: 'Bonjour {{Clarice}}, votre commande {{#10482}} arrive le {{24/11}}.',
  buttons: [
    { type: 'quick_reply', text: 'Merci' },
    { type: 'url', text: 'Suivre', url: `${SHOP}{{10482}}` },
  ],
  variables: [
    { position: 1, sample: 'Clarice' },
    { position: 2, sample: '#10482' },
    { position: 3, sample: '24/11' },
  ],
});

function whatsApp(template: TemplateContent, values: string[], namespace?: string): NotificationPost {
  return buildNotification({
    integration: { id: 'int_wa', channel: 'whatsapp' },
    recipient: { phone: PHONE, values },
    template: { name: 'order_update', language: 'fr', content: template, slots: templateSlots(template) },
    namespace,
  });
}

function expectValidV1(body: NotificationPost): void {
  const check = sunshineV1Contract().checkRequestBody('POST', '/v1.1/apps/x/notifications', body);
  expect(check.errors).toEqual([]);
  expect(check.valid).toBe(true);
}

describe('buildNotification', () => {
  it('builds a WhatsApp template with header, body in order and the url button, values by slot order', () => {
    const body = whatsApp(ORDER, ['#777', 'Ana', '#777', '3/12', '777']);
    expect(body).toEqual({
      destination: { integrationId: 'int_wa', destinationId: PHONE },
      author: { role: 'appMaker' },
      messageSchema: 'whatsapp',
      message: {
        type: 'template',
        template: {
          name: 'order_update',
          language: { policy: 'deterministic', code: 'fr' },
          components: [
            { type: 'header', parameters: [{ type: 'text', text: '#777' }] },
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'Ana' },
                { type: 'text', text: '#777' },
                { type: 'text', text: '3/12' },
              ],
            },
            { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: '777' }] },
          ],
        },
      },
    });
    expectValidV1(body);
  });

  it('carries the campaign and the recipient index as the message metadata, WhatsApp and SMS, as the v1 spec allows', () => {
    const attribution = { campaignId: 'campaign-42', recipientIndex: 1207 };
    const wa = buildNotification({
      integration: { id: 'int_wa', channel: 'whatsapp' },
      recipient: { phone: PHONE, values: ['#777', 'Ana', '#777', '3/12', '777'] },
      template: { name: 'order_update', language: 'fr', content: ORDER, slots: templateSlots(ORDER) },
      attribution,
    });
    expect(wa.message.metadata).toEqual({ herald_campaign: 'campaign-42', herald_recipient: 1207 });
    expectValidV1(wa);
    const text = content({ body: 'Bonjour' });
    const sms = buildNotification({ integration: { id: 'int_sms', channel: 'sms' }, recipient: { phone: PHONE, values: [] }, template: { name: 't', language: 'fr', content: text, slots: [] }, attribution });
    expect(sms.message.metadata).toEqual({ herald_campaign: 'campaign-42', herald_recipient: 1207 });
    expectValidV1(sms);
    // A test message belongs to no campaign: no metadata.
    expect('metadata' in whatsApp(ORDER, ['#777', 'Ana', '#777', '3/12', '777']).message).toBe(false);
  });

  it('sends a link value as the part after the fixed prefix', () => {
    const body = whatsApp(ORDER, ['#777', 'Ana', '#777', '3/12', `${SHOP}777`]);
    const template = (body.message as Extract<NotificationPost['message'], { type: 'template' }>).template;
    expect(template.components.at(-1)).toEqual({ type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: '777' }] });
  });

  it('gives media headers their link, and the namespace only when there is one', () => {
    for (const kind of ['image', 'document', 'video'] as const) {
      const url = `https://cdn.example.com/file.${kind}`;
      const body = whatsApp(content({ header: { kind, url }, body: 'Nos soldes' }), [], ' ns_1234 ');
      const template = (body.message as Extract<NotificationPost['message'], { type: 'template' }>).template;
      expect(template.namespace).toBe('ns_1234');
      expect(template.components).toEqual([{ type: 'header', parameters: [{ type: kind, [kind]: { link: url } }] }]);
      expectValidV1(body);
    }
    const plain = whatsApp(content({ body: 'Bonjour' }), [], '  ');
    const template = (plain.message as Extract<NotificationPost['message'], { type: 'template' }>).template;
    expect('namespace' in template).toBe(false);
    expect(template.components).toEqual([]);
  });

  it('builds an SMS text with the values in place and no messageSchema', () => {
    const sms = content({ body: 'Bonjour {{Clarice}}, votre code est {{1234}}.', variables: [{ position: 1, sample: 'Clarice' }, { position: 2, sample: '1234' }] });
    const body = buildNotification({
      integration: { id: 'int_sms', channel: 'sms' },
      recipient: { phone: PHONE, values: ['Ana', '9876'] },
      template: { name: 'code', language: 'fr', content: sms, slots: templateSlots(sms) },
    });
    expect(body).toEqual({
      destination: { integrationId: 'int_sms', destinationId: PHONE },
      author: { role: 'appMaker' },
      message: { type: 'text', text: 'Bonjour Ana, votre code est 9876.' },
    });
    expectValidV1(body);
  });

  it('refuses values that do not match the slots rather than send a sample or a blank', () => {
    expect(() => whatsApp(ORDER, ['#777', 'Ana'])).toThrow(NotificationValuesError);
    expect(() => whatsApp(ORDER, ['#777', 'Ana', ' ', '3/12', '777'])).toThrow(NotificationValuesError);
  });
});

interface Harness {
  emulator: Emulator;
  zaf: FakeZafClient;
  client: NotificationsClient;
}

function harness(): Harness {
  const emulator = createEmulator({ clock: new ManualClock() });
  const zaf = createFakeZafClient({ emulator, installation: createInstallation(emulator) });
  const client = new NotificationsClient(new ZafTransport(zaf), { baseUrl: `${emulator.config.zendeskOrigin}/sc`, appId: emulator.config.sunshine.appId });
  return { emulator, zaf, client };
}

/** Values a recipient could have: one per slot, links as their ending. */
function valuesFor(template: TemplateContent): string[] {
  return templateSlots(template).map((slot) => (slot.component === 'button' ? 'ref42' : `${slot.id} de Ana`));
}

describe('NotificationsClient against the emulator', () => {
  it('sends every approved seeded template with the built body: accepted, recorded as sent, valid v1', async () => {
    const h = harness();
    let sent = 0;
    for (const integration of h.emulator.sunshine.whatsAppIntegrations().filter((candidate) => candidate.status === 'active')) {
      for (const seeded of h.emulator.sunshine.messageTemplates(integration.id).filter((candidate) => candidate.status === 'APPROVED')) {
        const template = fromMetaTemplate(seeded as unknown as MetaTemplate);
        const body = buildNotification({
          integration: { id: integration.id, channel: 'whatsapp' },
          recipient: { phone: PHONE, values: valuesFor(template) },
          template: { name: seeded.name, language: seeded.language, content: template, slots: templateSlots(template) },
        });
        expectValidV1(body);
        const { notificationId } = await h.client.send(body);
        expect(notificationId, `${seeded.name} ${seeded.language}`).toMatch(/^[0-9a-f-]{36}$/);
        expect(h.emulator.sunshine.notifications().at(-1)?.message).toEqual(body.message);
        sent += 1;
      }
    }
    expect(sent).toBeGreaterThan(10);
  });

  it('sends an SMS through the Twilio integration', async () => {
    const h = harness();
    const sms = content({ body: 'Votre code : {{1234}}', variables: [{ position: 1, sample: '1234' }] });
    const body = buildNotification({
      integration: { id: SEEDED_INTEGRATION_IDS.twilioSms, channel: 'sms' },
      recipient: { phone: PHONE, values: ['5555'] },
      template: { name: 'code', language: 'fr', content: sms, slots: templateSlots(sms) },
    });
    await h.client.send(body);
    expect(h.emulator.sunshine.notifications().at(-1)).toMatchObject({ integrationType: 'twilio', message: { type: 'text', text: 'Votre code : 5555' } });
  });

  it('surfaces refusals as the transport’s typed errors, with the channel’s code', async () => {
    const h = harness();
    const seeded = h.emulator.sunshine.messageTemplates(SEEDED_INTEGRATION_IDS.whatsappFrance).find((candidate) => candidate.status === 'APPROVED') as MessageTemplate;
    const template = fromMetaTemplate(seeded as unknown as MetaTemplate);
    h.emulator.sunshine.failDeliveriesTo(PHONE, onTheCall(DELIVERY_FAILURES.undeliverable));
    const body = buildNotification({
      integration: { id: SEEDED_INTEGRATION_IDS.whatsappFrance, channel: 'whatsapp' },
      recipient: { phone: PHONE, values: valuesFor(template) },
      template: { name: seeded.name, language: seeded.language, content: template, slots: templateSlots(template) },
    });
    const failure = await h.client.send(body).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HttpError);
    expect(failure).toMatchObject({ status: 400, detail: { code: '131026' } });
  });

  it('sends nothing once aborted, and refuses an answer without a notification id', async () => {
    const h = harness();
    const controller = new AbortController();
    controller.abort();
    const body = whatsApp(ORDER, ['#1', 'Ana', '#1', '3/12', '1']);
    await expect(h.client.send(body, controller.signal)).rejects.toBeInstanceOf(NotificationNotSentError);
    expect(h.zaf.appRequests).toHaveLength(0);

    const odd: Transport = { send: async () => ({ status: 201, headers: {}, body: { notification: {} } }) };
    await expect(new NotificationsClient(odd, { baseUrl: 'https://x.zendesk.com/sc', appId: 'app' }).send(body)).rejects.toBeInstanceOf(InvalidResponseError);
  });
});
