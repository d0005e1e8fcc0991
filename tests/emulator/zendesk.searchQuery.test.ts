import { describe, expect, it } from 'vitest';
import { parseSearchQuery, SearchQueryError } from '../../emulator/zendesk/searchQuery';
import type { UserRecord } from '../../emulator/zendesk/userRecord';
import { zendeskTestClient, type ZendeskReply } from './zendesk.helpers';

const DAY = 86_400_000;

describe('parseSearchQuery', () => {
  it('splits free text, fields, quoted values, negations and comparisons', () => {
    const parsed = parseSearchQuery('type:user tags:vip -tags:whatsapp_opt_out "Camille Dubois" name:"Léa Martin" created>=2024-01-01 updated<2025-06-30 email:*@example.fr martin');
    expect(parsed.type).toBe('user');
    expect(parsed.terms).toEqual([
      { kind: 'field', field: 'tags', comparator: ':', value: 'vip', quoted: false, negated: false },
      { kind: 'field', field: 'tags', comparator: ':', value: 'whatsapp_opt_out', quoted: false, negated: true },
      { kind: 'text', value: 'Camille Dubois', quoted: true, negated: false },
      { kind: 'field', field: 'name', comparator: ':', value: 'Léa Martin', quoted: true, negated: false },
      { kind: 'field', field: 'created', comparator: '>=', value: '2024-01-01', quoted: false, negated: false },
      { kind: 'field', field: 'updated', comparator: '<', value: '2025-06-30', quoted: false, negated: false },
      { kind: 'field', field: 'email', comparator: ':', value: '*@example.fr', quoted: false, negated: false },
      { kind: 'text', value: 'martin', quoted: false, negated: false },
    ]);
  });

  it('lower-cases field names, keeps values, and ignores a lone dash', () => {
    const parsed = parseSearchQuery('  Loyalty_Tier:Gold  -  ');
    expect(parsed).toEqual({ terms: [{ kind: 'field', field: 'loyalty_tier', comparator: ':', value: 'Gold', quoted: false, negated: false }] });
  });

  it.each([
    ['name:"unterminated', /Unterminated quote/],
    ['tags:', /Missing value/],
    [':vip', /Missing field name/],
    ['type:widget', /Invalid type:widget/],
    ['type:user type:ticket', /one type only/],
    ['-type:user', /type: takes one value/],
    ['name:ab"c"', /Unexpected quote/],
    ['abc"def"', /Unexpected quote/],
  ])('rejects %s', (query, message) => {
    expect(() => parseSearchQuery(query)).toThrow(SearchQueryError);
    expect(() => parseSearchQuery(query)).toThrow(message);
  });
});

describe('user search semantics (through /api/v2/search/count)', () => {
  const zd = zendeskTestClient({ endUsers: 1500, requestsPerMinute: 10_000 });
  const state = zd.emulator.zendesk;
  const everyone: UserRecord[] = [...state.users.all()];
  const endUsers = everyone.filter((user) => user.role === 'end-user');
  const now = zd.clock.now();

  async function count(query: string): Promise<number> {
    const reply = await zd.get(`/api/v2/search/count?query=${encodeURIComponent(`type:user ${query}`)}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body.count as number;
  }

  async function ids(query: string): Promise<number[]> {
    const found: number[] = [];
    let url: string | null = `/api/v2/search/export?filter[type]=user&page[size]=1000&query=${encodeURIComponent(query)}`;
    while (url) {
      const reply: ZendeskReply = await zd.get(url);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      found.push(...reply.body.results.map((user: { id: number }) => user.id));
      url = reply.body.links.next;
    }
    return found.sort((a, b) => a - b);
  }

  const idsOf = (users: UserRecord[]): number[] => users.map((user) => user.id).sort((a, b) => a - b);

  it('tags, negation and the empty value none', async () => {
    expect(await count('tags:vip')).toBe(everyone.filter((user) => user.tags.includes('vip')).length);
    expect(await count('tags:whatsapp_opt_in -tags:whatsapp_opt_out')).toBe(
      everyone.filter((user) => user.tags.includes('whatsapp_opt_in') && !user.tags.includes('whatsapp_opt_out')).length,
    );
    expect(await count('tag:newsletter')).toBe(everyone.filter((user) => user.tags.includes('newsletter')).length);
    expect(await count('tags:none')).toBe(everyone.filter((user) => user.tags.length === 0).length);
  });

  it('custom user fields by key: dropdown, checkbox, text, none', async () => {
    expect(await count('loyalty_tier:gold')).toBe(everyone.filter((user) => user.userFields.loyalty_tier === 'gold').length);
    expect(await count('loyalty_tier:none')).toBe(everyone.filter((user) => user.userFields.loyalty_tier === null).length);
    expect(await count('marketing_consent:true')).toBe(everyone.filter((user) => user.userFields.marketing_consent === true).length);
    expect(await count('marketing_consent:false')).toBe(everyone.filter((user) => user.userFields.marketing_consent !== true).length);
    expect(await count('mobile_phone:none')).toBe(everyone.filter((user) => !user.userFields.mobile_phone).length);
  });

  it('roles', async () => {
    expect(await count('role:admin')).toBe(1);
    expect(await count('role:agent')).toBe(everyone.filter((user) => user.role === 'agent').length);
    expect(await count('role:end-user')).toBe(endUsers.length);
  });

  it('dates: a day, after a day, before a day, relative', async () => {
    const sample = endUsers[Math.floor(endUsers.length / 2)] as UserRecord;
    const day = new Date(sample.createdAt).toISOString().slice(0, 10);
    const dayStart = Date.parse(`${day}T00:00:00Z`);
    expect(await count(`created:${day}`)).toBe(everyone.filter((user) => user.createdAt >= dayStart && user.createdAt < dayStart + DAY).length);
    expect(await count(`created:${day}`)).toBeGreaterThan(0);
    expect(await count(`created>${day}`)).toBe(everyone.filter((user) => user.createdAt >= dayStart + DAY).length);
    expect(await count(`created>=${day}`)).toBe(everyone.filter((user) => user.createdAt >= dayStart).length);
    expect(await count(`created<${day}`)).toBe(everyone.filter((user) => user.createdAt < dayStart).length);
    expect(await count(`created<=${day}`)).toBe(everyone.filter((user) => user.createdAt < dayStart + DAY).length);
    expect(await count('updated>30days')).toBe(everyone.filter((user) => user.updatedAt > now - 30 * DAY).length);
  });

  it('names, emails (exact and wildcard), free text', async () => {
    const sample = endUsers[42] as UserRecord;
    const [first, last] = sample.name.split(' ') as [string, string];
    const byName = await ids(`name:"${sample.name}"`);
    expect(byName).toContain(sample.id);
    for (const id of byName) expect(state.users.get(id)?.name.toLowerCase()).toContain(`${first} ${last}`.toLowerCase());
    expect(await ids(`email:${sample.email}`)).toEqual([sample.id]);
    expect(await ids(sample.email)).toEqual([sample.id]);
    const domain = sample.email.split('@')[1] as string;
    expect(await ids(`email:*@${domain}`)).toEqual(idsOf(everyone.filter((user) => user.email.endsWith(`@${domain}`))));
    const words = (text: string): string[] => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/);
    expect(await ids(last)).toEqual(idsOf(everyone.filter((user) => words(user.name).includes(words(last)[0] as string) || words(user.email).includes(words(last)[0] as string))));
  });

  it('phones: none, E.164, and the national form of a French mobile', async () => {
    expect(await count('phone:none')).toBe(everyone.filter((user) => user.phone === null).length);
    const french = endUsers.find((user) => user.phone?.startsWith('+336') && !user.sharedPhoneNumber) as UserRecord;
    expect(await ids(`phone:${french.phone}`)).toEqual([french.id]);
    const national = `0${(french.phone as string).slice(3)}`;
    expect(await ids(`phone:${national}`)).toEqual([french.id]);
  });

  it('organizations by name, by id, none', async () => {
    const organization = state.organizations[2] as { id: number; name: string };
    const members = idsOf(everyone.filter((user) => user.organizationId === organization.id));
    expect(members.length).toBeGreaterThan(0);
    expect(await ids(`organization:"${organization.name}"`)).toEqual(members);
    expect(await ids(`organization:${organization.id}`)).toEqual(members);
    expect(await count('organization:none')).toBe(everyone.filter((user) => user.organizationId === null).length);
  });

  it('a field the account does not have matches nobody', async () => {
    expect(await count('favourite_colour:blue')).toBe(0);
  });

  it('without type:, a term one type cannot take searches the others', async () => {
    const reply = await zd.get(`/api/v2/search/count?query=${encodeURIComponent('status<solved')}`);
    expect(reply.body.count).toBe(state.tickets.list().filter((ticket) => !['solved', 'closed'].includes(ticket.status)).length);
  });

  it.each([['tags>vip'], ['created>2024-13-45'], ['marketing_consent:maybe'], ['created>soon']])('answers 400 for type:user %s', async (query) => {
    const reply = await zd.get(`/api/v2/search/count?query=${encodeURIComponent(`type:user ${query}`)}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('invalid');
    expect(reply.body.description).toEqual(expect.any(String));
  });
});
