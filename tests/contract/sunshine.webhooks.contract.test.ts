import { describe, expect, it } from 'vitest';
import { SEEDED_INTEGRATION_IDS } from '../../emulator/sunshine/state';
import { componentsFor, smsNotification, webhookHarness, whatsAppNotification, type ReceivedWebhook } from '../emulator/sunshine.support';
import { sunshineV2Contract } from '../support/openapi';
import { v2SchemaErrors } from './sunshine.schemas';

/**
 * Every webhook payload the emulator sends, of every kind it sends, against the v2 spec's
 * `x-webhooks` "Webhook Event": the envelope's `app` (`appSubSchema`) and `webhook`
 * (`webhookSubSchema`), and each event against the member of the `events` anyOf its type names
 * (stricter than the anyOf, which any object matches).
 */

const v2 = sunshineV2Contract();
const FRANCE = SEEDED_INTEGRATION_IDS.whatsappFrance;
const SCHEMA_OF_TYPE: Record<string, string> = {
  'conversation:message': 'conversationMessageEvent',
  'conversation:message:delivery:channel': 'conversationMessageDeliveryChannelEvent',
  'conversation:message:delivery:user': 'conversationMessageDeliveryUserEvent',
  'conversation:message:delivery:failure': 'conversationMessageDeliveryFailureEvent',
  'conversation:read': 'conversationReadEvent',
};

function expectWebhookContract(call: ReceivedWebhook): void {
  expect(v2SchemaErrors('appSubSchema', call.body.app)).toEqual([]);
  expect(v2SchemaErrors('webhookSubSchema', call.body.webhook)).toEqual([]);
  expect(Array.isArray(call.body.events)).toBe(true);
  for (const event of call.body.events) {
    const schema = SCHEMA_OF_TYPE[event.type];
    expect(schema, event.type).toBeDefined();
    expect(v2SchemaErrors(schema as string, event), event.type).toEqual([]);
    expect(v2SchemaErrors('eventSubSchema', event)).toEqual([]);
    expect(event.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  }
}

describe('webhook payloads follow the v2 spec’s x-webhooks', () => {
  it.each([
    ['truncated users and sources', false],
    ['full users and sources', true],
  ])('every kind of event, with %s', async (_name, full) => {
    const harness = webhookHarness({ hearing: { readShare: 1, replyShare: 1, undeliverableShare: 0 } });
    await harness.register({ triggers: Object.keys(SCHEMA_OF_TYPE), includeFullUser: full, includeFullSource: full });
    const template = harness.state.messageTemplate(FRANCE, 'spring_sale', 'fr');
    const body = whatsAppNotification(FRANCE, '+33612345678', { name: 'spring_sale', language: 'fr', components: componentsFor(template!) });
    (body.message as Record<string, unknown>).metadata = { herald_campaign: 'c-1', herald_recipient: 7, herald_test: true };
    await harness.call('POST', harness.notificationsPath, { body });
    harness.state.failDeliveriesTo('+33622222222', { status: 400, code: '131026', title: 'Message undeliverable' });
    await harness.call('POST', harness.notificationsPath, { body: { ...body, destination: { integrationId: FRANCE, destinationId: '+33622222222' } } });
    await harness.call('POST', harness.notificationsPath, { body: smsNotification(SEEDED_INTEGRATION_IDS.twilioSms, '+33633333333', 'Votre code : 5555') });
    await harness.emulator.drain();
    harness.emulator.reply('+33612345678', { text: 'Stop promotions', payload: 'stop promotions' });
    await harness.emulator.drain();

    expect(new Set(harness.events().map((event) => event.type))).toEqual(new Set(Object.keys(SCHEMA_OF_TYPE)));
    const authors = harness.events().flatMap((event) => (event.type === 'conversation:message' ? [(event.payload.message as { author: { type: string } }).author.type] : []));
    expect(new Set(authors)).toEqual(new Set(['business', 'user']));
    for (const call of harness.received) expectWebhookContract(call);
  });
});

describe('Webhooks routes follow the v2 spec', () => {
  it('Create Integration (custom), Create, List, Get, Update and Delete Webhook, with their refusals', async () => {
    const harness = webhookHarness();
    const created = await harness.call('POST', harness.integrationsPath, {
      body: { type: 'custom', displayName: 'Herald service', webhooks: [{ target: 'https://herald.local/hook', triggers: ['conversation:read'] }] },
    });
    expect(created.status).toBe(201);
    expect(v2.checkResponse('POST', created.url, 201, created.body).errors).toEqual([]);
    const integration = created.json<{ integration: { id: string; webhooks: Array<{ secret: string }> } }>().integration;
    expect(v2SchemaErrors('custom', integration)).toEqual([]);
    expect(integration.webhooks[0]?.secret).toMatch(/^[0-9a-f]{32}$/);

    const path = `${harness.integrationsPath}/${integration.id}/webhooks`;
    const replies = [
      ['POST', 201, await harness.call('POST', path, { body: { target: 'https://herald.local/other', triggers: ['conversation:message'], includeFullUser: true } })],
      ['GET', 200, await harness.call('GET', path)],
    ] as const;
    for (const [method, status, reply] of replies) {
      expect(reply.status).toBe(status);
      expect(v2.checkResponse(method, reply.url, status, reply.body).errors).toEqual([]);
    }
    const webhookId = replies[0][2].json<{ webhook: { id: string } }>().webhook.id;
    expect(replies[1][2].json<{ webhooks: unknown[] }>().webhooks).toHaveLength(2);
    const one = `${path}/${webhookId}`;
    const patched = await harness.call('PATCH', one, { body: { triggers: ['conversation:message', 'conversation:read'] } });
    expect(patched.json<{ webhook: { triggers: string[]; target: string } }>().webhook).toMatchObject({ triggers: ['conversation:message', 'conversation:read'], target: 'https://herald.local/other' });
    for (const [method, status, reply] of [
      ['PATCH', 200, patched],
      ['GET', 200, await harness.call('GET', one)],
      ['POST', 400, await harness.call('POST', path, { body: { target: 'https://herald.local/x', triggers: ['conversation:Message'] } })],
      ['POST', 400, await harness.call('POST', path, { body: { target: 'not a url', triggers: ['conversation:read'] } })],
      ['PATCH', 400, await harness.call('PATCH', one, { body: { includeFullUser: 'yes' } })],
      ['POST', 404, await harness.call('POST', `${harness.integrationsPath}/ffffffffffffffffffffffff/webhooks`, { body: { target: 'https://herald.local/x', triggers: ['conversation:read'] } })],
      ['GET', 404, await harness.call('GET', `${path}/ffffffffffffffffffffffff`)],
      ['DELETE', 200, await harness.call('DELETE', one)],
      ['DELETE', 404, await harness.call('DELETE', one)],
    ] as const) {
      expect(reply.status, `${method} ${reply.url}`).toBe(status);
      expect(v2.checkResponse(method, reply.url, status, reply.body).errors, `${method} ${reply.url} ${status}`).toEqual([]);
    }
  });

  it('refuses an eleventh webhook in the app', async () => {
    const harness = webhookHarness();
    const { integrationId } = await harness.register({ triggers: ['conversation:read'] });
    // The seeded custom integration holds one, the registered one a second.
    for (let index = 0; index < 8; index += 1) {
      expect((await harness.call('POST', `${harness.integrationsPath}/${integrationId}/webhooks`, { body: { target: `https://herald.local/${index}`, triggers: ['conversation:read'] } })).status).toBe(201);
    }
    const refused = await harness.call('POST', `${harness.integrationsPath}/${integrationId}/webhooks`, { body: { target: 'https://herald.local/11', triggers: ['conversation:read'] } });
    expect(refused.status).toBe(403);
    expect(v2.checkResponse('POST', refused.url, 403, refused.body).errors).toEqual([]);
    expect(refused.json<{ errors: Array<{ title: string }> }>().errors[0]?.title).toContain('10 webhooks');
  });
});
