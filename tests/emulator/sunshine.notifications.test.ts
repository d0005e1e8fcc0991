import { describe, expect, it } from 'vitest';
import { onTheCall } from '../../emulator/sunshine/deliveryFailures';
import { DELIVERY_FAILURES, SEEDED_INTEGRATION_IDS, type BodyComponent, type MessageTemplate } from '../../emulator/sunshine/state';
import {
  componentsFor,
  placeholderCount,
  smsNotification,
  sunshineHarness,
  textParameters,
  whatsAppNotification,
  type SunshineHarness,
} from './sunshine.support';

const FRANCE = SEEDED_INTEGRATION_IDS.whatsappFrance;
const US = SEEDED_INTEGRATION_IDS.whatsappUs;
const SMS = SEEDED_INTEGRATION_IDS.twilioSms;
const PHONE = '+33612345678';

function template(harness: SunshineHarness, integrationId: string, name: string, language: string): MessageTemplate {
  const found = harness.state.messageTemplate(integrationId, name, language);
  if (!found) throw new Error(`seed has no ${name} (${language}) on ${integrationId}`);
  return found;
}

/** A notification that fills every variable of a seeded template. */
function sendable(harness: SunshineHarness, integrationId: string, name: string, language: string, destinationId = PHONE) {
  const seeded = template(harness, integrationId, name, language);
  return whatsAppNotification(integrationId, destinationId, { name, language, components: componentsFor(seeded) });
}

interface LegacyError {
  error: { code: string; description: string };
}

describe('Notification API: accepted notifications', () => {
  it('accepts a WhatsApp template with header, body and URL button parameters, and records what it received', async () => {
    const harness = sunshineHarness();
    harness.clock.advance(5_000);
    const body = sendable(harness, FRANCE, 'order_update', 'fr');
    const reply = await harness.call('POST', harness.notificationsPath, { body });
    expect(reply.status).toBe(201);
    const id = reply.json<{ notification: { _id: string } }>().notification._id;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    const seeded = template(harness, FRANCE, 'order_update', 'fr');
    expect(harness.state.notifications()).toEqual([
      {
        id,
        integrationId: FRANCE,
        integrationType: 'whatsapp',
        destinationId: PHONE,
        messageSchema: 'whatsapp',
        message: body.message,
        author: { role: 'appMaker' },
        template: { id: seeded.id, name: 'order_update', language: 'fr', category: 'UTILITY' },
        at: harness.clock.now(),
      },
    ]);
  });

  it('gives each notification its own id, in order', async () => {
    const harness = sunshineHarness();
    const ids: string[] = [];
    for (const phone of ['+33611111111', '+33622222222', '+33633333333']) {
      const reply = await harness.call('POST', harness.notificationsPath, { body: sendable(harness, FRANCE, 'welcome_back', 'fr', phone) });
      ids.push(reply.json<{ notification: { _id: string } }>().notification._id);
    }
    expect(new Set(ids).size).toBe(3);
    expect(harness.state.notifications().map((record) => [record.id, record.destinationId])).toEqual([
      [ids[0], '+33611111111'],
      [ids[1], '+33622222222'],
      [ids[2], '+33633333333'],
    ]);
  });

  it('accepts every approved seeded template with its parameters, media headers included', async () => {
    const harness = sunshineHarness();
    let sent = 0;
    for (const integration of harness.state.whatsAppIntegrations().filter((candidate) => candidate.status === 'active')) {
      for (const approved of harness.state.messageTemplates(integration.id).filter((candidate) => candidate.status === 'APPROVED')) {
        const reply = await harness.call('POST', harness.notificationsPath, { body: sendable(harness, integration.id, approved.name, approved.language) });
        expect(reply.status, `${approved.name} ${approved.language}: ${JSON.stringify(reply.body)}`).toBe(201);
        sent += 1;
      }
    }
    expect(harness.state.notifications()).toHaveLength(sent);
    expect(harness.state.notifications().map((record) => record.template?.name)).toContain('invoice_available');
  });

  it('accepts SMS text through Twilio and MessageBird, and the /v1/ spelling of the route', async () => {
    const harness = sunshineHarness();
    const messageBird = harness.state.addIntegration({ type: 'messagebird', status: 'active', displayName: 'Bird SMS', originator: '4915112345678', webhookSecret: 'secret' });
    expect((await harness.call('POST', harness.notificationsPath, { body: smsNotification(SMS, '+15555550123', 'Hello from Herald') })).status).toBe(201);
    expect((await harness.call('POST', harness.notificationsPath, { body: smsNotification(messageBird.id, '+4915112345679', 'Hallo') })).status).toBe(201);
    const legacyPath = `/v1/apps/${harness.appId}/notifications`;
    expect((await harness.call('POST', legacyPath, { body: smsNotification(SMS, '+15555550124', 'Again') })).status).toBe(201);
    const records = harness.state.notifications();
    expect(records.map((record) => [record.integrationType, record.messageSchema, record.template])).toEqual([
      ['twilio', undefined, undefined],
      ['messagebird', undefined, undefined],
      ['twilio', undefined, undefined],
    ]);
    expect(records[0]?.message).toEqual({ type: 'text', text: 'Hello from Herald' });
  });
});

describe('Notification API: refusals', () => {
  const orderUpdateBody = (harness: SunshineHarness, change: (components: Array<Record<string, unknown>>) => unknown[]) => {
    const seeded = template(harness, FRANCE, 'order_update', 'fr');
    return whatsAppNotification(FRANCE, PHONE, { name: 'order_update', language: 'fr', components: change(componentsFor(seeded)) });
  };

  it.each<[string, (harness: SunshineHarness) => unknown, number, string, string]>([
    ['a body that is not an object', () => [1, 2], 400, 'bad_request', 'The request body must be a JSON object'],
    ['no destination', () => ({ author: { role: 'appMaker' }, message: { type: 'text', text: 'x' } }), 400, 'bad_request', 'destination is required'],
    ['no destinationId', () => ({ destination: { integrationId: SMS }, author: { role: 'appMaker' }, message: { type: 'text', text: 'x' } }), 400, 'bad_request', 'destination.destinationId is required'],
    ['a national phone number', () => smsNotification(SMS, '0612345678', 'x'), 400, 'bad_request', 'must be a phone number in E.164 format'],
    ['a phone with spaces', () => smsNotification(SMS, '+33 6 12 34 56 78', 'x'), 400, 'bad_request', 'must be a phone number in E.164 format'],
    ['a business author', () => ({ ...smsNotification(SMS, PHONE, 'x'), author: { role: 'business' } }), 400, 'bad_request', 'author.role must be "appMaker" (got "business")'],
    ['no message', () => ({ destination: { integrationId: SMS, destinationId: PHONE }, author: { role: 'appMaker' } }), 400, 'bad_request', 'message is required'],
    ['another message schema', (h) => ({ ...sendable(h, FRANCE, 'order_update', 'fr'), messageSchema: 'messenger' }), 400, 'bad_request', 'its only accepted value is "whatsapp"'],
    ['an unknown integration', () => smsNotification('ffffffffffffffffffffffff', PHONE, 'x'), 404, 'integration_not_found', 'Integration not found'],
    ['an inactive integration', (h) => sendable(h, SEEDED_INTEGRATION_IDS.whatsappRetired, 'order_update', 'en_GB'), 400, 'bad_request', 'is inactive'],
    ['a web integration', () => smsNotification(SEEDED_INTEGRATION_IDS.web, PHONE, 'x'), 400, 'bad_request', 'cannot be sent through a web integration'],
    ['WhatsApp without messageSchema', (h) => ({ ...sendable(h, FRANCE, 'order_update', 'fr'), messageSchema: undefined }), 400, 'bad_request', 'messageSchema must be "whatsapp"'],
    ['WhatsApp free text', () => ({ ...smsNotification(FRANCE, PHONE, 'Hi'), messageSchema: 'whatsapp' }), 400, 'bad_request', 'message.type must be "template"'],
    ['no template language', () => ({ ...smsNotification(FRANCE, PHONE, ''), messageSchema: 'whatsapp', message: { type: 'template', template: { name: 'order_update' } } }), 400, 'bad_request', 'message.template.language.code is required'],
    [
      'the spec example\'s "component" key',
      () => ({ ...smsNotification(FRANCE, PHONE, ''), messageSchema: 'whatsapp', message: { type: 'template', template: { name: 'welcome_back', language: { code: 'fr' }, component: [] } } }),
      400,
      'bad_request',
      'message.template.component is not a WhatsApp field',
    ],
    ['an unknown template', () => whatsAppNotification(FRANCE, PHONE, { name: 'no_such_template', language: 'fr' }), 400, '132001', '(#132001) Template name does not exist in the translation'],
    ['a missing translation', () => whatsAppNotification(FRANCE, PHONE, { name: 'spring_sale', language: 'es' }), 400, '132001', '(it exists in fr, en_US)'],
    ['a PENDING template', (h) => sendable(h, FRANCE, 'product_video', 'fr'), 400, '132001', 'is PENDING, only APPROVED templates can be sent'],
    ['a REJECTED template', (h) => sendable(h, FRANCE, 'loyalty_points', 'fr'), 400, '132001', 'is REJECTED'],
    ['a PAUSED template', (h) => sendable(h, FRANCE, 'black_friday', 'fr'), 400, '132015', 'Template is paused'],
    ['a DISABLED template', (h) => sendable(h, FRANCE, 'old_newsletter', 'fr'), 400, '132016', 'Template is disabled'],
    [
      'one body parameter too few',
      (h) => orderUpdateBody(h, (components) => components.map((c) => (c.type === 'body' ? { ...c, parameters: textParameters(2) } : c))),
      400,
      '132000',
      'the body of "order_update" (fr) expects 3, got 2',
    ],
    ['no body parameters at all', (h) => orderUpdateBody(h, (components) => components.filter((c) => c.type !== 'body')), 400, '132000', 'expects 3, got 0'],
    ['a missing header parameter', (h) => orderUpdateBody(h, (components) => components.filter((c) => c.type !== 'header')), 400, '132000', 'the header of "order_update" (fr) expects 1, got 0'],
    ['a missing URL button parameter', (h) => orderUpdateBody(h, (components) => components.filter((c) => c.type !== 'button')), 400, '131008', 'URL button 0 of "order_update" (fr) needs one text parameter'],
    [
      'a parameter with a new line',
      (h) => orderUpdateBody(h, (components) => components.map((c) => (c.type === 'body' ? { ...c, parameters: [{ type: 'text', text: 'a\nb' }, ...textParameters(2)] } : c))),
      400,
      '132018',
      'cannot hold new lines, tabs or more than 4 consecutive spaces',
    ],
    [
      'a parameter that is not text',
      (h) => orderUpdateBody(h, (components) => components.map((c) => (c.type === 'body' ? { ...c, parameters: [{ type: 'image' }, ...textParameters(2)] } : c))),
      400,
      '132012',
      'body parameter 1 must be {"type":"text"',
    ],
    ['a media header without its image', () => whatsAppNotification(FRANCE, PHONE, { name: 'spring_sale', language: 'fr', components: [{ type: 'body', parameters: textParameters(2) }] }), 400, '131008', 'the image header of "spring_sale" (fr) needs a parameter {"type":"image"'],
    [
      'a media header given as text',
      () => whatsAppNotification(FRANCE, PHONE, { name: 'spring_sale', language: 'fr', components: [{ type: 'header', parameters: textParameters(1) }, { type: 'body', parameters: textParameters(2) }] }),
      400,
      '132012',
      'expects {"type":"image","image":{"link":…}}',
    ],
    ['SMS with messageSchema', () => ({ ...smsNotification(SMS, PHONE, 'x'), messageSchema: 'whatsapp' }), 400, 'bad_request', 'messageSchema is only for WhatsApp templates'],
    ['SMS with a template', (h) => ({ ...sendable(h, FRANCE, 'order_update', 'fr'), destination: { integrationId: SMS, destinationId: PHONE }, messageSchema: undefined }), 400, 'bad_request', 'message.type must be "text" on a twilio integration'],
    ['SMS without text', () => smsNotification(SMS, PHONE, ' '), 400, 'bad_request', 'message.text is required'],
    ['SMS too long', () => smsNotification(SMS, PHONE, 'x'.repeat(1601)), 400, 'bad_request', 'message.text is 1601 characters long; SMS texts are limited to 1600'],
  ])('refuses %s and records nothing', async (_label, build, status, code, description) => {
    const harness = sunshineHarness();
    const reply = await harness.call('POST', harness.notificationsPath, { body: build(harness) });
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    const error = reply.json<LegacyError>().error;
    expect(error.code).toBe(code);
    expect(error.description).toContain(description);
    expect(harness.state.notifications()).toEqual([]);
  });

  it('refuses a form-encoded body as the ZAF client sends one without contentType (415)', async () => {
    const harness = sunshineHarness();
    const reply = await harness.call('POST', harness.notificationsPath, {
      rawBody: 'destination=x',
      headers: { authorization: harness.authorization, 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    });
    expect(reply.status).toBe(415);
    expect(reply.json<LegacyError>().error.code).toBe('unsupported_media_type');
  });

  it('counts the body parameters of the template on the integration it is sent through', async () => {
    const harness = sunshineHarness();
    const seeded = template(harness, US, 'welcome_back', 'en_US');
    const body = seeded.components.find((component): component is BodyComponent => component.type === 'BODY');
    const count = placeholderCount(body?.text ?? '');
    expect(count).toBe(3);
    const tooMany = whatsAppNotification(US, PHONE, { name: 'welcome_back', language: 'en_US', components: [{ type: 'body', parameters: textParameters(count + 1) }] });
    expect((await harness.call('POST', harness.notificationsPath, { body: tooMany })).json<LegacyError>().error.code).toBe('132000');
  });
});

describe('Notification API: per-destination failures come later, as WhatsApp reports them', () => {
  const failureOf = (harness: SunshineHarness, phone: string) => harness.emulator.truth().filter((truth) => truth.phone === phone).map((truth) => truth.code);

  it('accepts a message to an undeliverable number and decides its 131026 failure for later, for that number only', async () => {
    const harness = sunshineHarness();
    harness.state.failDeliveriesTo('+33699999999', DELIVERY_FAILURES.undeliverable);
    const accepted = await harness.call('POST', harness.notificationsPath, { body: sendable(harness, FRANCE, 'order_update', 'fr', '+33699999999') });
    expect(accepted.status).toBe(201);
    expect(harness.state.refusedNotifications()).toEqual([]);
    expect(failureOf(harness, '+33699999999')).toEqual(['131026']);

    expect((await harness.call('POST', harness.notificationsPath, { body: sendable(harness, FRANCE, 'order_update', 'fr', PHONE) })).status).toBe(201);
    expect(failureOf(harness, PHONE)).toEqual([undefined]);
    // A failure set for a number applies to its SMS too, later as well.
    expect((await harness.call('POST', harness.notificationsPath, { body: smsNotification(SMS, '+33699999999', 'x') })).status).toBe(201);
    expect(failureOf(harness, '+33699999999')).toEqual(['131026', '131026']);
  });

  it('the marketing cap fails marketing templates later but spares utility templates and SMS', async () => {
    const harness = sunshineHarness();
    harness.state.failDeliveriesTo(PHONE, DELIVERY_FAILURES.marketingCap);
    for (const body of [sendable(harness, FRANCE, 'spring_sale', 'fr'), sendable(harness, FRANCE, 'order_update', 'fr'), smsNotification(SMS, PHONE, 'x')]) {
      expect((await harness.call('POST', harness.notificationsPath, { body })).status).toBe(201);
    }
    expect(failureOf(harness, PHONE)).toEqual(['131049', undefined, undefined]);
  });

  it('answers on the call only the failures marked synchronous (the pair rate limit, or any through onTheCall), and forgets them when cleared', async () => {
    const harness = sunshineHarness();
    harness.clock.advance(1_000);
    harness.state.failDeliveriesTo(PHONE, DELIVERY_FAILURES.pairRateLimit);
    const limited = await harness.call('POST', harness.notificationsPath, { body: smsNotification(SMS, PHONE, 'x') });
    expect(limited.status).toBe(429);
    expect(limited.json<LegacyError>().error.code).toBe('131056');
    expect(harness.state.refusedNotifications()).toEqual([{ integrationId: SMS, destinationId: PHONE, status: 429, code: '131056', at: harness.clock.now() }]);

    harness.state.failDeliveriesTo(PHONE, onTheCall(DELIVERY_FAILURES.undeliverable));
    const refused = await harness.call('POST', harness.notificationsPath, { body: sendable(harness, FRANCE, 'order_update', 'fr') });
    expect(refused.body).toEqual({ error: { code: '131026', description: '(#131026) Message undeliverable' } });
    expect(harness.state.notifications()).toEqual([]);

    harness.state.clearDeliveryFailures(PHONE);
    expect((await harness.call('POST', harness.notificationsPath, { body: smsNotification(SMS, PHONE, 'x') })).status).toBe(201);
  });

  it('an undeliverable-share fault fails WhatsApp messages to that share of numbers later, the same ones every time', async () => {
    const harness = sunshineHarness({ hearing: { undeliverableShare: 0 } });
    const numbers = Array.from({ length: 200 }, (_, index) => `+336${String(10_000_000 + index * 37)}`);
    const failedAt = async (share: number) => {
      harness.emulator.reset();
      harness.emulator.faults.add({ match: { service: 'sunshine', path: /\/notifications$/ }, fault: { kind: 'undeliverable', share } });
      for (const phone of numbers) {
        expect((await harness.call('POST', harness.notificationsPath, { body: sendable(harness, FRANCE, 'order_update', 'fr', phone) })).status).toBe(201);
      }
      return harness.emulator.truth().filter((truth) => truth.code === '131026').map((truth) => truth.phone);
    };
    const quarter = await failedAt(0.25);
    expect(quarter.length).toBeGreaterThan(30);
    expect(quarter.length).toBeLessThan(70);
    expect(await failedAt(0.25)).toEqual(quarter);
    expect(await failedAt(0.5)).toEqual(expect.arrayContaining(quarter));
    expect(await failedAt(1)).toEqual(numbers);
    expect(await failedAt(0)).toEqual([]);
  });

  it('a failure configured before a reset is gone after it', async () => {
    const harness = sunshineHarness({ hearing: { optedOutShare: 0 } });
    harness.state.failDeliveriesTo(PHONE, DELIVERY_FAILURES.optedOut);
    harness.emulator.reset();
    expect((await harness.call('POST', harness.notificationsPath, { body: sendable(harness, FRANCE, 'spring_sale', 'fr') })).status).toBe(201);
    expect(failureOf(harness, PHONE)).toEqual([undefined]);
  });
});

