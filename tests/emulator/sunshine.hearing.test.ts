import { describe, expect, it } from 'vitest';
import { intentOf } from '../../emulator/sunshine/customerReplies';
import { DELIVERY_FAILURES } from '../../emulator/sunshine/deliveryFailures';
import { DEFAULT_HEARING, planOutcome } from '../../emulator/sunshine/outcomePlan';
import { SEEDED_INTEGRATION_IDS } from '../../emulator/sunshine/state';
import { componentsFor, smsNotification, sunshineHarness, webhookHarness, whatsAppNotification, type SunshineHarness } from './sunshine.support';

const FRANCE = SEEDED_INTEGRATION_IDS.whatsappFrance;
const SMS = SEEDED_INTEGRATION_IDS.twilioSms;
const PHONE = '+33612345678';
const ALL_TRIGGERS = ['conversation:message', 'conversation:message:delivery:channel', 'conversation:message:delivery:user', 'conversation:message:delivery:failure', 'conversation:read'];

function campaignMessage(harness: SunshineHarness, phone: string, name = 'order_update', metadata: unknown = { herald_campaign: 'c-1', herald_recipient: 0 }) {
  const template = harness.state.messageTemplate(FRANCE, name, 'fr');
  if (!template) throw new Error(`no ${name}`);
  const body = whatsAppNotification(FRANCE, phone, { name, language: 'fr', components: componentsFor(template) });
  (body.message as Record<string, unknown>).metadata = metadata;
  return body;
}

const numbers = (count: number) => Array.from({ length: count }, (_, index) => `+3361${String(2_000_000 + index * 7919).padStart(7, '0')}`);

describe('what an accepted notification becomes', () => {
  it('a user with a WhatsApp client for the number, a personal conversation, and a business message echoing the metadata', async () => {
    const harness = webhookHarness();
    await harness.register({ triggers: ['conversation:message'], includeFullUser: true });
    const reply = await harness.call('POST', harness.notificationsPath, { body: campaignMessage(harness, PHONE) });
    const notificationId = reply.json<{ notification: { _id: string } }>().notification._id;
    await harness.emulator.runDue();

    const [echo] = harness.events();
    expect(echo?.type).toBe('conversation:message');
    const message = echo?.payload.message as Record<string, unknown>;
    expect(message).toMatchObject({ author: { type: 'business' }, source: { type: 'notification' }, metadata: { herald_campaign: 'c-1', herald_recipient: 0 } });
    expect(message.content).toMatchObject({ type: 'template', template: { name: 'order_update' } });
    expect(echo?.payload.conversation).toMatchObject({ type: 'personal' });
    // The spec does not say the v2 message id is the notification `_id`: they differ unless told.
    expect(message.id).not.toBe(notificationId);
    const user = harness.state.conversations.user(PHONE);
    expect(user?.clients).toEqual([expect.objectContaining({ type: 'whatsapp', integrationId: FRANCE, externalId: '33612345678' })]);
  });

  it('with the option, the v2 message id is the notification _id', async () => {
    const harness = sunshineHarness({ hearing: { messageIdIsNotificationId: true } });
    const reply = await harness.call('POST', harness.notificationsPath, { body: campaignMessage(harness, PHONE) });
    expect(harness.emulator.truth().map((truth) => truth.messageId)).toEqual([reply.json<{ notification: { _id: string } }>().notification._id]);
  });

  it('refuses a nested metadata, as the flat object the spec asks for', async () => {
    const harness = sunshineHarness();
    const nested = await harness.call('POST', harness.notificationsPath, { body: campaignMessage(harness, PHONE, 'order_update', { herald: { campaign: 'c-1' } }) });
    expect(nested.status).toBe(400);
    expect(nested.json<{ error: { code: string; description: string } }>().error).toEqual({ code: 'bad_request', description: expect.stringContaining('message.metadata.herald') });
    expect((await harness.call('POST', harness.notificationsPath, { body: campaignMessage(harness, PHONE, 'order_update', ['c-1']) })).status).toBe(400);
    expect(harness.state.notifications()).toEqual([]);
  });
});

describe('the seeded fate of each message', () => {
  async function sendAll(harness: SunshineHarness, phones: string[]) {
    for (const [index, phone] of phones.entries()) {
      const body = campaignMessage(harness, phone, 'spring_sale', { herald_campaign: 'c-9', herald_recipient: index });
      expect((await harness.call('POST', harness.notificationsPath, { body })).status).toBe(201);
    }
    return harness.emulator.truth();
  }

  it('is the same on every run, and keyed by campaign and recipient', async () => {
    const phones = numbers(60);
    const first = await sendAll(sunshineHarness(), phones);
    const second = await sendAll(sunshineHarness(), phones);
    expect(second).toEqual(first);
    expect(first.map((truth) => [truth.campaign, truth.recipient])).toEqual(phones.map((_, index) => ['c-9', index]));
  });

  it('delivers most, reads about the share asked, answers a few, and fails the seeded numbers with their codes', () => {
    const options = { ...DEFAULT_HEARING, undeliverableShare: 0.05, marketingCapShare: 0.05, optedOutShare: 0.05, readShare: 0.6, replyShare: 0.1 };
    const plans = numbers(5_000).map((phone, index) =>
      planOutcome({ key: `n-${index}`, phone, integrationType: 'whatsapp', category: 'MARKETING', acceptedAt: 0, failure: undefined }, options),
    );
    const having = (kind: string) => plans.filter((facts) => facts.some((fact) => fact.kind === kind));
    const failures = plans.flatMap((facts) => facts.filter((fact) => fact.kind === 'failure'));
    expect(new Set(failures.map((fact) => fact.kind === 'failure' && fact.code))).toEqual(new Set(['131026', '131049', '131050']));
    expect(failures.length / plans.length).toBeGreaterThan(0.1);
    expect(failures.length / plans.length).toBeLessThan(0.2);
    const delivered = having('user');
    expect(delivered.length + failures.length).toBe(plans.length);
    expect(having('read').length / delivered.length).toBeCloseTo(0.6, 1);
    expect(having('reply').length / delivered.length).toBeCloseTo(0.1, 1);
    // Everything in order: the channel first, then the user's or the failure's, then a read, then the answer.
    for (const facts of plans) expect(facts.map((fact) => fact.at)).toEqual([...facts.map((fact) => fact.at)].sort((a, b) => a - b));
    const replies = plans.flatMap((facts) => facts.flatMap((fact) => (fact.kind === 'reply' ? [fact.reply] : [])));
    expect(replies.map((reply) => intentOf(reply))).toEqual(expect.arrayContaining(['stop', 'start', 'other']));
    expect(replies).toEqual(expect.arrayContaining([{ text: 'Stop promotions', payload: 'stop promotions' }, { text: 'Arrêt' }]));
  });

  it('shortens every delay by the scale asked, the fates unchanged', () => {
    const message = { phone: '+33612000001', integrationType: 'whatsapp' as const, category: 'MARKETING' as const, acceptedAt: 1_000, failure: undefined };
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const normal = planOutcome({ ...message, key }, { ...DEFAULT_HEARING, readShare: 1, replyShare: 1 });
      const fast = planOutcome({ ...message, key }, { ...DEFAULT_HEARING, readShare: 1, replyShare: 1, delayScale: 0.01 });
      expect(fast.map((fact) => fact.kind)).toEqual(normal.map((fact) => fact.kind));
      for (const [index, fact] of fast.entries()) {
        expect(fact.at - 1_000).toBeLessThanOrEqual(Math.ceil(((normal[index]?.at ?? 0) - 1_000) / 100) + fast.length);
      }
      expect(fast.at(-1)!.at - 1_000).toBeLessThan(10_000);
    }
  });

  it('spares utility templates from the marketing-only failures, and SMS from WhatsApp’s', async () => {
    const harness = sunshineHarness({ hearing: { marketingCapShare: 1, optedOutShare: 1, undeliverableShare: 0 } });
    expect((await harness.call('POST', harness.notificationsPath, { body: campaignMessage(harness, PHONE, 'order_update') })).status).toBe(201);
    expect((await harness.call('POST', harness.notificationsPath, { body: smsNotification(SMS, PHONE, 'x') })).status).toBe(201);
    expect(harness.emulator.truth().map((truth) => truth.code)).toEqual([undefined, undefined]);
  });
});

describe('what the customer does, as webhooks', () => {
  it('sends the echo at once, the channel’s then the user’s delivery seconds later, in that order', async () => {
    const harness = webhookHarness({ hearing: { readShare: 0, replyShare: 0, undeliverableShare: 0 } });
    await harness.register({ triggers: ALL_TRIGGERS });
    await harness.call('POST', harness.notificationsPath, { body: campaignMessage(harness, PHONE) });
    const start = harness.clock.now();
    await harness.emulator.drain();
    expect(harness.events().map((event) => event.type)).toEqual(['conversation:message', 'conversation:message:delivery:channel', 'conversation:message:delivery:user']);
    const times = harness.received.map((call) => call.at - start);
    expect(times[0]).toBe(0);
    expect(times[1]).toBeGreaterThanOrEqual(1_000);
    expect(times[1]).toBeLessThanOrEqual(3_000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(2_000);
    const ids = harness.events().slice(1).map((event) => (event.payload.message as { id: string }).id);
    expect(ids).toEqual([harness.emulator.truth()[0]?.messageId, harness.emulator.truth()[0]?.messageId]);
  });

  it('a failure: the channel’s delivery, then delivery:failure with WhatsApp’s code and words, and nothing on the call', async () => {
    const harness = webhookHarness();
    await harness.register({ triggers: ALL_TRIGGERS });
    harness.emulator.sunshine.failDeliveriesTo(PHONE, DELIVERY_FAILURES.optedOut);
    expect((await harness.call('POST', harness.notificationsPath, { body: campaignMessage(harness, PHONE, 'spring_sale') })).status).toBe(201);
    await harness.emulator.drain();
    const failure = harness.events().find((event) => event.type === 'conversation:message:delivery:failure');
    expect(harness.events().map((event) => event.type)).toEqual(['conversation:message', 'conversation:message:delivery:channel', 'conversation:message:delivery:failure']);
    expect(failure?.payload).toMatchObject({ error: { code: '131050', message: DELIVERY_FAILURES.optedOut.title }, isFinalEvent: true, destination: { type: 'whatsapp', integrationId: FRANCE } });
  });

  it('a reply typed on the phone reads the conversation and lists the notifications since the customer’s last message', async () => {
    const harness = webhookHarness({ hearing: { readShare: 0, replyShare: 0, undeliverableShare: 0 } });
    await harness.register({ triggers: ALL_TRIGGERS, includeFullSource: true });
    await harness.call('POST', harness.notificationsPath, { body: campaignMessage(harness, PHONE, 'order_update', { herald_campaign: 'c-1', herald_recipient: 3 }) });
    await harness.emulator.drain();
    harness.emulator.reply(PHONE, { text: 'Stop promotions', payload: 'stop promotions' });
    await harness.emulator.runDue();
    const [read, answer] = harness.events().slice(-2);
    expect(read?.type).toBe('conversation:read');
    expect(answer?.payload.message).toMatchObject({ author: { type: 'user' }, content: { type: 'text', text: 'Stop promotions', payload: 'stop promotions' }, source: { type: 'whatsapp', client: { externalId: '33612345678' } } });
    expect(answer?.payload.recentNotifications).toEqual([expect.objectContaining({ metadata: { herald_campaign: 'c-1', herald_recipient: 3 } })]);
    expect(harness.emulator.truth()[0]).toMatchObject({ recipient: 3, readAt: harness.clock.now(), repliedAt: harness.clock.now(), reply: 'Stop promotions', optedOutAt: harness.clock.now() });

    // A second answer: no notification since the customer's last message.
    harness.clock.advance(60_000);
    harness.emulator.reply(PHONE, 'Merci');
    await harness.emulator.runDue();
    expect(harness.events().at(-1)?.payload.recentNotifications).toEqual([]);
  });

  it('the phone shows ✓ sent, ✓✓ delivered, then read, and the customer’s answers', async () => {
    const harness = sunshineHarness({ hearing: { readShare: 0, replyShare: 0, undeliverableShare: 0 } });
    await harness.call('POST', harness.notificationsPath, { body: campaignMessage(harness, PHONE) });
    const status = () => harness.emulator.phones().find((phone) => phone.phone === PHONE)?.messages.map((message) => message.status);
    expect(status()).toEqual(['sent']);
    harness.clock.advance(10_000);
    expect(status()).toEqual(['delivered']);
    harness.emulator.read(PHONE);
    expect(status()).toEqual(['read']);
    harness.emulator.reply(PHONE, 'Est-ce que ma commande est partie ?');
    const view = harness.emulator.phones()[0];
    expect(view?.messages.map((message) => [message.from, message.status])).toEqual([['business', 'read'], ['customer', 'sent']]);
    expect(view?.messages[0]?.text).not.toContain('{{');
    expect(() => harness.emulator.reply('+33700000000', 'STOP')).toThrow(/No WhatsApp conversation/);
  });

  it('the phone offers a template’s quick-reply buttons, with the payload the sender set or else their text', async () => {
    const harness = sunshineHarness({ hearing: { readShare: 0, replyShare: 0, undeliverableShare: 0 } });
    const body = campaignMessage(harness, PHONE, 'spring_sale');
    const template = (body.message as { template: { components: unknown[] } }).template;
    template.components.push({ type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'not-now' }] });
    expect((await harness.call('POST', harness.notificationsPath, { body })).status).toBe(201);
    expect(harness.emulator.phones()[0]?.messages[0]?.quickReplies).toEqual([
      { text: 'Je veux voir', payload: 'Je veux voir' },
      { text: 'Pas intéressé', payload: 'not-now' },
    ]);
    await harness.call('POST', harness.notificationsPath, { body: campaignMessage(harness, PHONE) });
    expect(harness.emulator.phones()[0]?.messages[1]?.quickReplies).toBeUndefined();
  });
});
