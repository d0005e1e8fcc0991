import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { delivered, echo, reply, SECRET, serviceUnderTest, T0, warmUp, type ServiceUnderTest } from './serviceHarness';

/** The webhook route is safe by default: 401, 413, 400 and 503 as the spec's retry policy expects, and logs without secrets, numbers or texts. */

let sut: ServiceUnderTest;
beforeAll(warmUp, 60_000);
afterEach(async () => sut?.close());

describe('POST /webhooks/sunshine', () => {
  it('answers 200 once the events are committed', async () => {
    sut = await serviceUnderTest();
    const response = await sut.post([echo('m1', 'c1', 'camp', 0, T0), delivered('m1', 'c1', T0 + 1000)]);
    expect(response.statusCode).toBe(200);
    const { rows } = await sut.db.query<{ delivered_at: number }>('SELECT delivered_at FROM herald_deliveries');
    expect(rows).toEqual([{ delivered_at: T0 + 1000 }]);
  });

  it('refuses a missing or wrong X-API-Key with 401, echoing nothing and recording nothing', async () => {
    sut = await serviceUnderTest();
    for (const headers of [{} as Record<string, string>, { 'x-api-key': 'wrong' }, { 'x-api-key': `${SECRET}x` }, { 'x-api-key': SECRET.slice(0, -1) }]) {
      const response = await sut.post([echo('m1', 'c1', 'camp', 0, T0)], headers);
      expect(response.statusCode).toBe(401);
      expect(response.body).not.toContain('wrong');
      expect(response.body).not.toContain(SECRET.slice(0, 12));
    }
    expect((await sut.db.query('SELECT id FROM herald_events')).rows).toEqual([]);
  });

  it('refuses a body over 1 MB with 413', async () => {
    sut = await serviceUnderTest();
    const events = Array.from({ length: 3_000 }, (_, index) => echo(`m${index}`, `conversation-${'x'.repeat(300)}`, 'camp', index, T0));
    const response = await sut.post(events);
    expect(response.statusCode).toBe(413);
    expect((await sut.db.query('SELECT id FROM herald_events')).rows).toEqual([]);
  });

  it('refuses malformed JSON and bodies the spec does not allow with 400; unknown event types are accepted and ignored', async () => {
    sut = await serviceUnderTest();
    const malformed = await sut.service.app.inject({ method: 'POST', url: '/webhooks/sunshine', headers: { 'x-api-key': SECRET, 'content-type': 'application/json' }, payload: '{"events": [ +33612345678' });
    expect(malformed.statusCode).toBe(400);
    expect((await sut.post(undefined as unknown as unknown[])).statusCode).toBe(400);
    // author.type is the one field the spec requires of a message, from two values.
    const bad = echo('m1', 'c1', 'camp', 0, T0);
    (bad.payload.message.author as { type: string }).type = 'robot';
    expect((await sut.post([bad])).statusCode).toBe(400);
    expect((await sut.post([{ ...delivered('m1', 'c1', T0), id: 42 }])).statusCode).toBe(400);
    expect((await sut.post([{ id: 'e-typing', type: 'conversation:typing', createdAt: new Date(T0).toISOString(), payload: { anything: true } }])).statusCode).toBe(200);
    // An id the store could not keep (a NUL): refused, not a 503 Sunshine would send five times.
    expect((await sut.post([{ ...delivered('m1', 'c1', T0), id: 'evt\u0000x' }])).statusCode).toBe(400);
  });

  it('keeps the events it can read when one event of the call is malformed, and logs where, not what', async () => {
    sut = await serviceUnderTest();
    const bad = delivered('m9', 'c9', T0);
    (bad.payload as { message: unknown }).message = { id: 7 };
    const answer = await sut.post([echo('m1', 'c1', 'camp', 0, T0), bad, delivered('m1', 'c1', T0 + 1_000)]);
    expect(answer.statusCode).toBe(200);
    sut.clock.now += 10_000;
    await sut.service.settle();
    expect(sut.ports.outcomesByCampaign.get('camp')?.get(0)).toEqual({ deliveredAt: T0 + 1_000 });
    expect(sut.logs.join('\n')).toContain('events.1.payload.message.id');
  });

  it('answers 503 when the events cannot be committed, so that Sunshine sends them again', async () => {
    sut = await serviceUnderTest();
    await sut.db.exec('ALTER TABLE herald_events RENAME TO herald_events_away');
    expect((await sut.post([echo('m1', 'c1', 'camp', 0, T0)])).statusCode).toBe(503);
    await sut.db.exec('ALTER TABLE herald_events_away RENAME TO herald_events');
    expect((await sut.post([echo('m1', 'c1', 'camp', 0, T0)])).statusCode).toBe(200);
  });

  it('never logs the secret, a phone number or a message text in full', async () => {
    sut = await serviceUnderTest();
    const phone = '+33612345678';
    const text = 'Bonjour, je voudrais changer mon rendez-vous de jeudi';
    const withPhone = reply('c1', text, T0);
    Object.assign(withPhone.payload.message.author, { user: { profile: { givenName: 'Ana' }, clients: [{ type: 'whatsapp', externalId: phone, displayName: phone }] } });
    await sut.post([withPhone]);
    await sut.post([withPhone], { 'x-api-key': 'not-the-secret', authorization: `Bearer ${SECRET}` });
    const refused = reply('c1', text, T0);
    (refused.payload.message.author as { type: string }).type = phone;
    await sut.post([refused]);
    await sut.service.app.inject({ method: 'POST', url: '/webhooks/sunshine', headers: { 'x-api-key': SECRET, 'content-type': 'application/json' }, payload: `{"text": "${text}", "phone": "${phone}"` });
    await sut.service.app.inject({ method: 'POST', url: `/webhooks/sunshine?phone=${encodeURIComponent(phone)}`, headers: { 'x-api-key': SECRET }, payload: { events: [] } });
    const log = sut.logs.join('');
    expect(sut.logs.length).toBeGreaterThan(5);
    expect(log).toContain('webhook body refused');
    for (const secretOrPersonal of [SECRET, phone, phone.slice(1), text, 'not-the-secret']) expect(log).not.toContain(secretOrPersonal);
  });
});

describe('GET /healthz', () => {
  it('says the store is reachable, the version and the uptime, and nothing secret', async () => {
    sut = await serviceUnderTest();
    sut.clock.now += 42_000;
    const response = await sut.service.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ store: 'reachable', version: '0.1.0', uptimeSeconds: 42, webhook: 'registered' });
    expect(response.body).not.toContain(SECRET);
  });
});
