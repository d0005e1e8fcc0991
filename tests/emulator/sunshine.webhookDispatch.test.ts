import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { closeServer, listen } from '../../emulator/nodeServer';
import { SEEDED_INTEGRATION_IDS } from '../../emulator/sunshine/state';
import { smsNotification, sunshineHarness, webhookHarness } from './sunshine.support';

const SMS = SEEDED_INTEGRATION_IDS.twilioSms;
const PHONE = '+33612345678';
const MINUTE = 60_000;

/** A harness with one webhook on the echo only, and one message sent: one webhook call due now. */
async function oneCall(answer: Parameters<ReturnType<typeof webhookHarness>['answerWith']>[0]) {
  const harness = webhookHarness({ hearing: { readShare: 0 } });
  const { webhook } = await harness.register({ triggers: ['conversation:message'] });
  harness.answerWith(answer);
  await harness.call('POST', harness.notificationsPath, { body: smsNotification(SMS, PHONE, 'Votre code : 5555') });
  return { harness, webhook, start: harness.clock.now() };
}

describe('webhook calls as Sunshine makes them', () => {
  it('POSTs {app, webhook, events} to the target with the secret in X-API-Key and a JSON content type', async () => {
    const { harness, webhook } = await oneCall(() => 200);
    await harness.emulator.runDue();
    expect(harness.received).toHaveLength(1);
    const [call] = harness.received;
    expect(call?.target).toBe('https://herald-service.local/webhooks/sunshine');
    expect(call?.headers).toMatchObject({ 'x-api-key': webhook.secret, 'content-type': 'application/json' });
    expect(call?.body.app).toEqual({ id: harness.appId });
    expect(call?.body.webhook).toEqual({ id: webhook.id, version: 'v2' });
    expect(call?.body.events).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{24}$/), type: 'conversation:message', createdAt: new Date(harness.clock.now()).toISOString(), payload: expect.any(Object) }]);
  });

  it('retries a failed call up to 5 attempts over 15 minutes at growing intervals, with the same event ids', async () => {
    const { harness, start } = await oneCall(() => 503);
    await harness.emulator.drain();
    expect(harness.received.map((call) => call.at - start)).toEqual([0, 1 * MINUTE, 3 * MINUTE, 7 * MINUTE, 15 * MINUTE]);
    expect(new Set(harness.received.map((call) => call.body.events.map((event) => event.id).join()))).toHaveProperty('size', 1);
    expect(harness.emulator.webhookAttempts.map((attempt) => attempt.verdict)).toEqual(['retry', 'retry', 'retry', 'retry', 'abandoned']);
  });

  it('stops at the first success, and retries after a connection failure', async () => {
    let calls = 0;
    const { harness, start } = await oneCall(() => (++calls < 3 ? 'network' : 200));
    await harness.emulator.drain();
    expect(harness.received.map((call) => call.at - start)).toEqual([0, 1 * MINUTE, 3 * MINUTE]);
  });

  it.each([400, 401, 403, 404, 406])('never retries a non-recoverable %i', async (status) => {
    const { harness } = await oneCall(() => status);
    await harness.emulator.drain();
    expect(harness.received).toHaveLength(1);
    expect(harness.emulator.webhookAttempts[0]?.verdict).toBe('refused');
  });

  it.each([408, 413, 429, 500])('retries a %i', async (status) => {
    const { harness } = await oneCall(() => status);
    await harness.emulator.drain();
    expect(harness.received).toHaveLength(5);
  });

  it('counts no answer within 20 seconds as a failure, and tries again a minute later', async () => {
    const never = new Promise<number>(() => undefined);
    const { harness, start } = await oneCall(() => never);
    harness.emulator.scheduler.runDue();
    await Promise.resolve();
    harness.clock.advance(19_999);
    harness.emulator.scheduler.runDue();
    expect(harness.emulator.webhookAttempts.map((attempt) => attempt.outcome)).toEqual([undefined]);
    harness.clock.advance(1);
    harness.emulator.scheduler.runDue();
    expect(harness.emulator.webhookAttempts.map((attempt) => attempt.outcome)).toEqual(['timeout']);
    harness.clock.set(start + 20_000 + MINUTE);
    harness.emulator.scheduler.runDue();
    expect(harness.received.map((call) => call.at - start)).toEqual([0, 20_000 + MINUTE]);
  });

  it('sends only the events a webhook subscribed to, and nothing to a deleted one', async () => {
    const harness = webhookHarness({ hearing: { readShare: 0 } });
    const deliveries = await harness.register({ triggers: ['conversation:message:delivery:user'], target: 'https://one.herald.local/hook' });
    await harness.register({ triggers: ['conversation:message'], target: 'https://two.herald.local/hook' });
    await harness.call('POST', harness.notificationsPath, { body: smsNotification(SMS, PHONE, 'x') });
    await harness.emulator.runDue();
    const deleted = await harness.call('DELETE', `${harness.integrationsPath}/${deliveries.integrationId}/webhooks/${deliveries.webhook.id}`);
    expect(deleted.status).toBe(200);
    await harness.emulator.drain();
    expect(harness.received.map((call) => [new URL(call.target).hostname, call.body.events.map((event) => event.type)])).toEqual([['two.herald.local', ['conversation:message']]]);
  });

  it('never calls the seeded webhook, whose target is a reserved example.com name', async () => {
    const harness = webhookHarness();
    await harness.call('POST', harness.notificationsPath, { body: smsNotification(SMS, PHONE, 'x') });
    await harness.emulator.drain();
    expect(harness.received).toEqual([]);
    expect(harness.emulator.scheduler.pending()).toBe(0);
  });
});

describe('webhook faults', () => {
  it('duplicates a share of the calls a few seconds later, with the same event ids', async () => {
    const harness = webhookHarness({ hearing: { readShare: 0 } });
    await harness.register({ triggers: ['conversation:message', 'conversation:message:delivery:user'] });
    harness.emulator.faults.add({ match: {}, fault: { kind: 'webhookDuplicates', share: 1 } });
    await harness.call('POST', harness.notificationsPath, { body: smsNotification(SMS, PHONE, 'x') });
    await harness.emulator.drain();
    const ids = harness.events().map((event) => event.id);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(2);
    const [first, again] = harness.received;
    expect(again!.at - first!.at).toBeGreaterThanOrEqual(1_000);
    expect(again!.at - first!.at).toBeLessThanOrEqual(30_000);
  });

  it('delays events by up to the minutes asked, so that they arrive out of order', async () => {
    const harness = webhookHarness({ hearing: { readShare: 0, undeliverableShare: 0 } });
    await harness.register({ triggers: ['conversation:message', 'conversation:message:delivery:channel', 'conversation:message:delivery:user'] });
    harness.emulator.faults.add({ match: {}, fault: { kind: 'webhookDelays', maxMinutes: 15 } });
    const start = harness.clock.now();
    for (let index = 0; index < 20; index += 1) {
      await harness.call('POST', harness.notificationsPath, { body: smsNotification(SMS, `+3361234${String(index).padStart(4, '0')}`, 'x') });
    }
    await harness.emulator.drain();
    const events = harness.events();
    expect(events).toHaveLength(60);
    expect(Math.max(...harness.received.map((call) => call.at - start))).toBeLessThanOrEqual(15 * MINUTE + 10_000);
    // Some message's delivery arrives before its echo or its handing to the channel.
    const order = ['conversation:message', 'conversation:message:delivery:channel', 'conversation:message:delivery:user'];
    const byConversation = new Map<string, number[]>();
    for (const event of events) {
      const id = (event.payload.conversation as { id: string }).id;
      byConversation.set(id, [...(byConversation.get(id) ?? []), order.indexOf(event.type)]);
    }
    expect([...byConversation.values()].some((ranks) => ranks.join() !== '0,1,2')).toBe(true);
  });
});

describe('the default sender', () => {
  it('calls the target over real HTTP, outside msw and fetch', async () => {
    const seen: Array<{ key: string | undefined; type: string | undefined; events: number }> = [];
    const server = createServer((incoming, outgoing) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: unknown[] };
        seen.push({ key: incoming.headers['x-api-key'] as string | undefined, type: incoming.headers['content-type'], events: body.events.length });
        outgoing.writeHead(seen.length === 1 ? 500 : 200).end();
      });
    });
    const port = await listen(server, 0);
    try {
      const harness = sunshineHarness({ hearing: { readShare: 0 } });
      const created = await harness.call('POST', harness.integrationsPath, {
        body: { type: 'custom', webhooks: [{ target: `http://127.0.0.1:${port}/webhooks/sunshine`, triggers: ['conversation:message'] }] },
      });
      const secret = created.json<{ integration: { webhooks: Array<{ secret: string }> } }>().integration.webhooks[0]?.secret;
      await harness.call('POST', harness.notificationsPath, { body: smsNotification(SMS, PHONE, 'x') });
      await harness.emulator.drain();
      // A 500 first, retried a minute later.
      expect(seen).toEqual([
        { key: secret, type: 'application/json', events: 1 },
        { key: secret, type: 'application/json', events: 1 },
      ]);
      expect(harness.emulator.webhookAttempts.map((attempt) => attempt.outcome)).toEqual([500, 200]);
    } finally {
      await closeServer(server);
    }
  });
});
