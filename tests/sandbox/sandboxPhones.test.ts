import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEDED_INTEGRATION_IDS } from '../../emulator/sunshine/state';
import type { PhoneEntry } from '../../sandbox/apiTypes';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { componentsFor, whatsAppNotification } from '../emulator/sunshine.support';

/** The Phones view's endpoints: each customer's WhatsApp as the phone shows it, and what they do there. */

const PROBE_APP = fileURLToPath(new URL('../browser/fixtures/probe-app', import.meta.url));
const FRANCE = SEEDED_INTEGRATION_IDS.whatsappFrance;

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ distDir: PROBE_APP });
});

afterAll(async () => {
  await sandbox?.close();
});

beforeEach(async () => {
  await api('POST', '/reset', {});
});

async function api(method: string, apiPath: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(new URL(`/__sandbox${apiPath}`, sandbox.hostUrl), {
    method,
    headers: method === 'GET' ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}

/** A seeded customer whose phone field is already E.164, as the account has many. */
function customerWithE164Phone(): { id: number; name: string; phone: string } {
  const { users } = sandbox.emulator.zendesk;
  for (let id = users.firstEndUserId; ; id += 1) {
    const user = users.get(id);
    if (user?.phone && /^\+33\d{9}$/.test(user.phone)) return { id, name: user.name, phone: user.phone };
  }
}

async function sendSpringSale(phone: string): Promise<void> {
  const { appId, keyId, keySecret } = sandbox.emulator.config.sunshine;
  const template = sandbox.emulator.sunshine.messageTemplate(FRANCE, 'spring_sale', 'fr');
  if (!template) throw new Error('no spring_sale');
  const body = whatsAppNotification(FRANCE, phone, { name: 'spring_sale', language: 'fr', components: componentsFor(template) });
  const response = await sandbox.emulator.handle(
    new Request(`${sandbox.emulator.config.zendeskOrigin}/sc/v1.1/apps/${appId}/notifications`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  expect(response.status, await response.clone().text()).toBe(201);
}

const entryOf = (json: unknown, phone: string) => (json as { phones: PhoneEntry[] }).phones.find((entry) => entry.phone === phone);

describe('phones', () => {
  it("lists each number sent to on WhatsApp with its customer's name, the message as shown and its quick replies", async () => {
    const customer = customerWithE164Phone();
    expect(entryOf((await api('GET', '/phones')).json, customer.phone)).toBeUndefined();
    await sendSpringSale(customer.phone);
    const entry = entryOf((await api('GET', '/phones')).json, customer.phone);
    expect(entry?.user).toEqual({ id: customer.id, name: customer.name });
    expect(entry?.messages).toHaveLength(1);
    expect(entry?.messages[0]).toMatchObject({ from: 'business', status: 'sent', quickReplies: [{ text: 'Je veux voir' }, { text: 'Pas intéressé' }] });
    expect(entry?.messages[0]?.text).toMatch(/^Bonjour .+ soldes de printemps/);
  });

  it('a reply reads the conversation and shows the answer last; a read alone marks it read', async () => {
    const customer = customerWithE164Phone();
    await sendSpringSale(customer.phone);
    const read = await api('POST', '/phones/read', { phone: customer.phone });
    expect(read.status).toBe(200);
    const replied = await api('POST', '/phones/reply', { phone: customer.phone, text: '  STOP ' });
    expect(replied.status).toBe(200);
    expect(entryOf(replied.json, customer.phone)?.messages.map((message) => [message.from, message.text])).toEqual([
      ['business', expect.any(String)],
      ['customer', 'STOP'],
    ]);
    const tapped = await api('POST', '/phones/reply', { phone: customer.phone, text: 'Pas intéressé', payload: 'Pas intéressé' });
    expect(entryOf(tapped.json, customer.phone)?.messages.at(-1)).toMatchObject({ from: 'customer', text: 'Pas intéressé' });
  });

  it('refuses a reply to a number nothing was sent to (404) and an empty one (400)', async () => {
    expect((await api('POST', '/phones/reply', { phone: '+33700000000', text: 'STOP' })).status).toBe(404);
    expect((await api('POST', '/phones/read', { phone: '+33700000000' })).status).toBe(404);
    const customer = customerWithE164Phone();
    await sendSpringSale(customer.phone);
    expect((await api('POST', '/phones/reply', { phone: customer.phone, text: '   ' })).status).toBe(400);
  });
});
