import { describe, expect, it } from 'vitest';
import type { OneAtATime } from '../../src/app/context';
import { SEEDED_INTEGRATION_IDS } from '../../emulator/sunshine/seedIntegrations';
import { addToList } from '../../src/app/lists/listEdits';
import { TestSendRefusedError } from '../../src/app/errors';
import { sendTest, type TestSendRequest } from '../../src/app/testSends/testSend';
import { MessageTemplatesClient } from '../../src/api/sunshine/messageTemplates';
import { templateSlots } from '../../src/core/campaign/mapping';
import { normalizePhone } from '../../src/core/phone/normalizePhone';
import { groupCatalogue } from '../../src/core/template/catalogue';
import { TestSendLog } from '../../src/store/testSendLog';
import { ALEX, appHarness, SAMIRA, type AppHarness } from '../support/appHarness';

/**
 * A test message is a real, paid message to a number someone types: it obeys the block list and
 * the opt-outs, refuses card numbers, is limited per agent, and each one is recorded.
 */

const FRANCE = SEEDED_INTEGRATION_IDS.whatsappFrance;

async function springSale(h: AppHarness): Promise<TestSendRequest['message']> {
  const admin = h.as(ALEX);
  const templates = await new MessageTemplatesClient(admin.transport, admin.settings.sunshine).list(FRANCE, { name: 'spring_sale' });
  const template = groupCatalogue({ whatsapp: [{ integrationId: FRANCE, integrationName: 'France', templates }], sms: [], smsLabel: 'SMS' }).find((candidate) => candidate.language === 'fr');
  const entry = template!.entries[0]!;
  return {
    integration: { id: FRANCE, channel: 'whatsapp', type: 'whatsapp', status: 'active', displayName: 'Herald France', senderNumber: undefined },
    template: template!,
    entry,
    slots: templateSlots(entry.content),
  };
}

const notifications = (h: AppHarness) => h.emulator.requests.filter((request) => request.method === 'POST' && request.url.endsWith('/notifications'));

/** Seeded end users with a valid French number, the first `count` of them. */
function frenchUsers(h: AppHarness, count: number): Array<{ id: number; phone: string }> {
  const found: Array<{ id: number; phone: string }> = [];
  for (const user of h.emulator.zendesk.users.all()) {
    const phone = normalizePhone(user.phone ?? '', 'FR');
    if (user.role === 'end-user' && phone.status === 'valid' && phone.e164.startsWith('+33')) found.push({ id: user.id, phone: phone.e164 });
    if (found.length === count) return found;
  }
  throw new Error('Not enough seeded French users');
}

/** The user asked to stop: the opt-out tag on their Zendesk user, as Herald records a WhatsApp opt-out. */
function optOut(h: AppHarness, userId: number): void {
  const user = h.emulator.zendesk.users.get(userId)!;
  h.emulator.zendesk.users.save({ ...user, tags: [...user.tags, 'whatsapp_opt_out'] });
}

/** A value for each placeholder of the template (its header image, its body's texts, its link's path), with `body` for the body's last one. */
function valuesFor(message: TestSendRequest['message'], body = '-20 %'): string[] {
  const bodies = message.slots.filter((slot) => slot.component === 'body').length;
  let seen = 0;
  return message.slots.map((slot) => {
    if (slot.component === 'header') return 'https://cdn.example.com/spring.jpg';
    if (slot.component === 'button') return 'spring';
    seen += 1;
    return seen === bodies ? body : 'Ana';
  });
}

describe('test sends', () => {
  it('goes out once, recorded with who, when, the template and a masked number', async () => {
    const h = await appHarness();
    const message = await springSale(h);
    const samira = h.as(SAMIRA);
    const result = await sendTest(samira, { place: 'wizard', phone: '06 98 76 54 32', message, values: valuesFor(message) });
    expect(result).toMatchObject({ outcome: { kind: 'sent' }, phone: '+33698765432' });
    expect(notifications(h)).toHaveLength(1);
    const log = await new TestSendLog(samira.transport).recent(SAMIRA, h.manual.now());
    expect(log).toEqual([
      { id: expect.any(String), at: expect.any(Number), agentId: SAMIRA, agentName: 'Samira Haddad', phone: '+33•••••••32', template: 'spring_sale', language: 'fr', channel: 'whatsapp', place: 'wizard', outcome: 'sent' },
    ]);
    expect(JSON.stringify(h.emulator.zendesk.customObjects.records('herald_campaign_chunk').map((record) => record.fields))).not.toContain('698765432');
  });

  it('refuses a blocked number, an opted-out number, a card number in a value and a marketing template to a US number, sending nothing', async () => {
    const h = await appHarness();
    const message = await springSale(h);
    const samira = h.as(SAMIRA);
    await addToList(samira, { list: 'block', userId: null, phone: '+33611223344', note: 'asked us to stop' });
    const [optedOut, blockedUser] = frenchUsers(h, 2) as [{ id: number; phone: string }, { id: number; phone: string }];
    optOut(h, optedOut.id);
    await addToList(samira, { list: 'block', userId: blockedUser.id, phone: null, note: '' });

    const attempt = (phone: string, values = valuesFor(message)) => sendTest(samira, { place: 'wizard', phone, message, values }).catch((error: unknown) => error);
    expect(await attempt('+33 6 11 22 33 44')).toMatchObject({ name: 'TestSendRefusedError', reason: 'blocked' });
    expect(await attempt(blockedUser.phone)).toMatchObject({ reason: 'blocked' });
    expect(await attempt(optedOut.phone)).toMatchObject({ reason: 'opted-out' });
    expect(await attempt('+33698765432', valuesFor(message, 'carte 4111 1111 1111 1111'))).toMatchObject({ reason: 'card-number' });
    expect(await attempt('12')).toMatchObject({ reason: 'invalid-phone' });
    // spring_sale is a marketing template: WhatsApp would not deliver it to a US number.
    expect(await attempt('+1 202 555 0147')).toMatchObject({ reason: 'us-marketing' });
    expect(notifications(h)).toHaveLength(0);
  });

  it('allows five a minute per agent, refuses the sixth until a minute has passed, and caps a day at fifty', async () => {
    const h = await appHarness();
    const message = await springSale(h);
    const samira = h.as(SAMIRA);
    const send = (index: number) => sendTest(samira, { place: 'wizard', phone: `+3369876540${index % 10}`, message, values: valuesFor(message) });
    for (let index = 0; index < 5; index++) expect((await send(index)).outcome.kind).toBe('sent');
    const sixth: unknown = await send(5).catch((error: unknown) => error);
    expect(sixth).toBeInstanceOf(TestSendRefusedError);
    expect(sixth).toMatchObject({ reason: 'too-many-per-minute', retryAt: expect.any(Number) });
    expect(notifications(h)).toHaveLength(5);
    // Another agent has their own allowance.
    expect((await sendTest(h.as(ALEX), { place: 'settings', phone: '+33698765499', message, values: valuesFor(message) })).outcome.kind).toBe('sent');

    h.manual.advance((sixth as TestSendRefusedError).retryAt! - h.manual.now());
    expect((await send(5)).outcome.kind).toBe('sent');
    for (let index = 6; index < 50; index++) {
      h.manual.advance(61_000);
      await send(index);
    }
    h.manual.advance(61_000);
    expect(await send(50).catch((error: unknown) => error)).toMatchObject({ reason: 'too-many-per-day' });
    expect((await new TestSendLog(samira.transport).recent(SAMIRA, h.manual.now())).length).toBe(50);
  });

  it('holds the limit and records every send when four tabs of one browser send at once', async () => {
    const h = await appHarness();
    const message = await springSale(h);
    // What Web Locks give the tabs of a browser: one holder of a name at a time, the others queued.
    const held = new Map<string, Promise<unknown>>();
    const oneAtATime: OneAtATime = <T,>(name: string, work: () => Promise<T>): Promise<T> => {
      const turn = (held.get(name) ?? Promise.resolve()).catch(() => undefined).then(work);
      held.set(name, turn);
      return turn;
    };
    const tabs = Array.from({ length: 4 }, () => ({ ...h.as(SAMIRA), oneAtATime }));
    const attempts = tabs.flatMap((tab, index) =>
      [0, 1].map((second) => sendTest(tab, { place: 'wizard', phone: `+3369876541${index * 2 + second}`, message, values: valuesFor(message) }).catch((error: unknown) => error)),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((result) => result instanceof TestSendRefusedError)).toHaveLength(3);
    expect(notifications(h)).toHaveLength(5);
    const log = await new TestSendLog(tabs[0]!.transport).recent(SAMIRA, h.manual.now());
    expect(log.map((entry) => entry.outcome)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
  });
});
