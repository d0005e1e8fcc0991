import { isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js';
import { isValidPhoneNumber as isValidWithMaxMetadata } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { createEmulator, ManualClock } from '../../emulator/index';
import type { UserRecord } from '../../emulator/zendesk/userRecord';
import { zendeskTestClient } from './zendesk.helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type PhoneCategory = 'e164' | 'international' | 'national FR' | 'invalid' | 'missing';

/** How a campaign tool with default country FR would see the `phone` field. */
function categorize(phone: string | null): PhoneCategory {
  if (phone === null) return 'missing';
  if (/^\+[1-9]\d{7,14}$/.test(phone) && isValidPhoneNumber(phone)) return 'e164';
  if (phone.startsWith('+') && isValidPhoneNumber(phone)) return 'international';
  if (!phone.startsWith('+') && parsePhoneNumberFromString(phone, 'FR')?.isValid()) return 'national FR';
  return 'invalid';
}

describe('Zendesk seed', () => {
  const zd = zendeskTestClient();
  const state = zd.emulator.zendesk;
  const now = zd.clock.now();
  const endUsers: UserRecord[] = [...state.users.all()].filter((user) => user.role === 'end-user');

  it('has the three agents, Alex Martin (admin, API token owner) signed in', () => {
    const agents = state.users.agentIds.map((id) => state.users.get(id) as UserRecord);
    expect(agents.map((agent) => [agent.id, agent.name, agent.role, agent.locale])).toEqual([
      [1, 'Alex Martin', 'admin', 'en-US'],
      [2, 'Samira Haddad', 'agent', 'fr'],
      [3, 'Jules Bernard', 'agent', expect.any(String)],
    ]);
    expect(state.currentAgentId).toBe(1);
    expect(agents[0]?.email).toBe(zd.emulator.config.zendeskApiToken.email);
  });

  it('generates 3000 end users by default, with consecutive ids', async () => {
    expect(endUsers).toHaveLength(3000);
    const first = state.seedIds.firstEndUserId;
    expect(endUsers.map((user) => user.id)).toEqual(Array.from({ length: 3000 }, (_, index) => first + index));
    expect((await zd.get(`/api/v2/users/${first + 2999}`)).status).toBe(200);
    expect((await zd.get(`/api/v2/users/${first + 3000}`)).status).toBe(404);
  });

  it('has every phone category, and its E.164 numbers are valid for libphonenumber (min and max metadata)', () => {
    const byCategory = new Map<PhoneCategory, UserRecord[]>();
    for (const user of endUsers) byCategory.set(categorize(user.phone), [...(byCategory.get(categorize(user.phone)) ?? []), user]);
    for (const category of ['e164', 'international', 'national FR', 'invalid', 'missing'] as const) {
      expect(byCategory.get(category)?.length ?? 0, category).toBeGreaterThan(0);
    }
    const e164 = byCategory.get('e164') ?? [];
    expect(e164.length).toBeGreaterThan(endUsers.length / 2);
    const strictlyE164 = endUsers.filter((user) => user.phone !== null && /^\+\d+$/.test(user.phone));
    expect(strictlyE164.filter((user) => !isValidPhoneNumber(user.phone as string) || !isValidWithMaxMetadata(user.phone as string))).toEqual([]);
    // National numbers are mostly French, written as French customers do.
    const national = endUsers.filter((user) => user.phone !== null && /^0/.test(user.phone));
    expect((byCategory.get('national FR') ?? []).length).toBeGreaterThan(national.length / 2);
    expect(national.some((user) => /^0[67] \d\d \d\d \d\d \d\d$/.test(user.phone as string))).toBe(true);
  });

  it('shares some phones between exactly two users, flagged shared_phone_number', () => {
    const shared = endUsers.filter((user) => user.sharedPhoneNumber);
    expect(shared.length).toBeGreaterThan(0);
    const byPhone = new Map<string, number>();
    for (const user of shared) byPhone.set(user.phone as string, (byPhone.get(user.phone as string) ?? 0) + 1);
    expect([...byPhone.values()].every((count) => count === 2)).toBe(true);
  });

  it('spreads users over countries, time zones, locales, organizations and three years', () => {
    expect(new Set(endUsers.map((user) => user.country)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(endUsers.map((user) => user.ianaTimeZone)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(endUsers.map((user) => user.locale))).toEqual(new Set(['fr', 'nl', 'de', 'es', 'en-GB', 'en-US', 'pt-BR', 'ar']));
    for (const id of state.seedIds.organizations) expect(endUsers.some((user) => user.organizationId === id)).toBe(true);
    expect(endUsers.some((user) => user.organizationId === null)).toBe(true);
    const created = endUsers.map((user) => user.createdAt);
    expect(Math.min(...created)).toBeGreaterThanOrEqual(now - 3 * 366 * DAY);
    expect(Math.min(...created)).toBeLessThan(now - 2.9 * 365 * DAY);
    expect(Math.max(...created)).toBeLessThanOrEqual(now);
    expect(endUsers.every((user) => user.updatedAt >= user.createdAt && user.updatedAt <= now)).toBe(true);
    expect(endUsers.some((user) => user.suspended)).toBe(true);
  });

  it('tags opt-ins, opt-outs (some also opted in), VIPs and newsletter readers', () => {
    const tagged = (tag: string) => endUsers.filter((user) => user.tags.includes(tag));
    expect(tagged('whatsapp_opt_in').length).toBeGreaterThan(endUsers.length / 2);
    expect(tagged('whatsapp_opt_out').length).toBeGreaterThan(0);
    expect(tagged('whatsapp_opt_out').length).toBeLessThan(endUsers.length / 10);
    expect(tagged('whatsapp_opt_out').some((user) => user.tags.includes('whatsapp_opt_in'))).toBe(true);
    expect(tagged('vip').length).toBeGreaterThan(0);
    expect(tagged('newsletter').length).toBeGreaterThan(0);
  });

  it('fills the custom user fields served by /user_fields', async () => {
    const fields = (await zd.get('/api/v2/user_fields')).body.user_fields as Array<{ key: string; type: string; custom_field_options?: Array<{ value: string }> }>;
    expect(fields.map((field) => [field.key, field.type])).toEqual([
      ['marketing_consent', 'checkbox'],
      ['mobile_phone', 'text'],
      ['loyalty_tier', 'dropdown'],
      ['first_name', 'text'],
    ]);
    expect(fields[2]?.custom_field_options?.map((option) => option.value)).toEqual(['bronze', 'silver', 'gold']);
    const values = (key: string) => new Set(endUsers.map((user) => user.userFields[key]));
    expect(values('marketing_consent')).toEqual(new Set([true, false]));
    expect(values('loyalty_tier')).toEqual(new Set(['bronze', 'silver', 'gold', null]));
    const mobiles = endUsers.filter((user) => typeof user.userFields.mobile_phone === 'string');
    expect(mobiles.length).toBeGreaterThan(0);
    expect(mobiles.every((user) => isValidPhoneNumber(user.userFields.mobile_phone as string))).toBe(true);
    expect(mobiles.some((user) => user.phone === null)).toBe(true);
    // The first name is the name's, but for a few fields filled by mistake: a pasted text, a card number.
    const odd = endUsers.filter((user) => user.userFields.first_name !== null && !user.name.startsWith(user.userFields.first_name as string));
    expect(odd.length).toBeGreaterThan(0);
    expect(odd.length).toBeLessThan(endUsers.length / 400);
    for (const user of odd) expect(user.userFields.first_name).toMatch(/^(Merci de rappeler .{1000,}|4111\u00a01111\u00a01111\u00a01111)$/s);
  });

  it('is deterministic for a seed, and differs between seeds', () => {
    const again = createEmulator({ clock: new ManualClock(now) }).zendesk;
    const other = createEmulator({ clock: new ManualClock(now), zendesk: { seed: 7 } }).zendesk;
    const sample = [0, 1, 500, 2999].map((index) => state.seedIds.firstEndUserId + index);
    expect(sample.map((id) => again.users.get(id))).toEqual(sample.map((id) => state.users.get(id)));
    expect(sample.map((id) => other.users.get(id)?.name)).not.toEqual(sample.map((id) => state.users.get(id)?.name));
  });

  it('builds a million users in a few seconds and serves the newest first', async () => {
    const started = performance.now();
    const big = zendeskTestClient({ endUsers: 1_000_000 });
    expect(performance.now() - started).toBeLessThan(3000);
    const lastId = big.emulator.zendesk.seedIds.firstEndUserId + 999_999;
    const page = await big.get('/api/v2/search/export?filter[type]=user&query=&page[size]=1000');
    expect(page.body.results).toHaveLength(1000);
    expect(page.body.results[0].id).toBe(lastId);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('Zendesk seeded tickets', () => {
  const zd = zendeskTestClient();
  const state = zd.emulator.zendesk;
  const now = zd.clock.now();

  async function lastCustomerMessageAge(ticketId: number): Promise<number> {
    const ticket = (await zd.get(`/api/v2/tickets/${ticketId}`)).body.ticket;
    const comments = (await zd.get(`/api/v2/tickets/${ticketId}/comments`)).body.comments as Array<{ author_id: number; created_at: string; public: boolean }>;
    const fromCustomer = comments.filter((comment) => comment.author_id === ticket.requester_id && comment.public);
    return now - Math.max(...fromCustomer.map((comment) => Date.parse(comment.created_at)));
  }

  it('has WhatsApp tickets 101, 102, 103 whose customer last wrote 2 h, 23 h and 3 days ago', async () => {
    expect(await lastCustomerMessageAge(101)).toBe(2 * HOUR);
    expect(await lastCustomerMessageAge(102)).toBe(23 * HOUR);
    expect(await lastCustomerMessageAge(103)).toBe(3 * DAY);
    for (const id of [101, 102, 103]) expect(state.tickets.lastCustomerMessageAt(id)).toBe(now - (await lastCustomerMessageAge(id)));
  });

  it('has several messages per conversation, with agent replies after the last customer message', async () => {
    for (const id of [101, 102, 103]) {
      const ticket = (await zd.get(`/api/v2/tickets/${id}`)).body.ticket;
      const comments = (await zd.get(`/api/v2/tickets/${id}/comments`)).body.comments as Array<{ author_id: number; created_at: string }>;
      expect(comments.length).toBeGreaterThanOrEqual(4);
      const authors = new Set(comments.map((comment) => comment.author_id));
      expect(authors.has(ticket.requester_id)).toBe(true);
      expect(authors.size).toBeGreaterThan(1);
      expect(comments.at(-1)?.author_id).not.toBe(ticket.requester_id);
    }
  });

  it('marks the channels in via: WhatsApp and SMS messaging, email', async () => {
    const via = async (id: number) => (await zd.get(`/api/v2/tickets/${id}`)).body.ticket.via;
    for (const id of [101, 102, 103]) expect(await via(id)).toMatchObject({ channel: 'native_messaging', source: { rel: 'whatsapp' } });
    expect(await via(104)).toMatchObject({ channel: 'email' });
    expect(await via(105)).toMatchObject({ channel: 'native_messaging', source: { rel: 'twilio' } });
  });

  it('has requesters who are reachable end users with valid phones', async () => {
    const requesters = new Set<number>();
    for (const id of [101, 102, 103, 104, 105]) {
      const ticket = (await zd.get(`/api/v2/tickets/${id}`)).body.ticket;
      const requester = (await zd.get(`/api/v2/users/${ticket.requester_id}`)).body.user;
      expect(requester.role).toBe('end-user');
      expect(isValidPhoneNumber(requester.phone)).toBe(true);
      expect(requester.shared_phone_number).toBe(false);
      expect(Date.parse(requester.created_at)).toBeLessThan(Date.parse(ticket.created_at));
      requesters.add(requester.id);
    }
    expect(requesters.size).toBe(5);
  });
});
