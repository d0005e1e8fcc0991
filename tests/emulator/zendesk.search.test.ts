import { describe, expect, it } from 'vitest';
import { zendeskTestClient, type ZendeskTestClient, type ZendeskReply } from './zendesk.helpers';

const MINUTE = 60_000;

function exportUrl(query: string, size?: number): string {
  const sizeParam = size === undefined ? '' : `&page[size]=${size}`;
  return `/api/v2/search/export.json?filter[type]=user&query=${encodeURIComponent(query)}${sizeParam}`;
}

/** Follows `links.next` to the end; returns every result and the number of pages. */
async function exportAll(zd: ZendeskTestClient, first: string): Promise<{ results: Array<{ id: number; created_at: string }>; pages: number }> {
  const results: Array<{ id: number; created_at: string }> = [];
  let url: string | null = first;
  let pages = 0;
  while (url) {
    const reply: ZendeskReply = await zd.get(url);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).not.toHaveProperty('count');
    results.push(...reply.body.results);
    pages++;
    expect(reply.body.meta.has_more).toBe(reply.body.links.next !== null);
    url = reply.body.links.next;
  }
  return { results, pages };
}

describe('Export Search Results', () => {
  it('exports every matching user once, newest first, at page[size] 1000 and at the default 100', async () => {
    const zd = zendeskTestClient();
    const expected = [...zd.emulator.zendesk.users.all()]
      .filter((user) => user.tags.includes('whatsapp_opt_in') && !user.tags.includes('whatsapp_opt_out'))
      .map((user) => user.id)
      .sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(1000);

    for (const size of [1000, undefined]) {
      const { results, pages } = await exportAll(zd, exportUrl('tags:whatsapp_opt_in -tags:whatsapp_opt_out', size));
      const ids = results.map((user) => user.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort((a, b) => a - b)).toEqual(expected);
      expect(pages).toBe(Math.ceil(expected.length / (size ?? 100)));
      const times = results.map((user) => Date.parse(user.created_at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
  });

  it('links.next is absolute and keeps the query, type and page size', async () => {
    const zd = zendeskTestClient();
    const first = await zd.get(exportUrl('tags:vip', 7));
    const next = new URL(first.body.links.next);
    expect(next.origin).toBe(zd.origin);
    expect(next.searchParams.get('query')).toBe('tags:vip');
    expect(next.searchParams.get('filter[type]')).toBe('user');
    expect(next.searchParams.get('page[size]')).toBe('7');
    expect(next.searchParams.get('page[after]')).toBe(first.body.meta.after_cursor);
    expect(first.body.meta.before_cursor).toBeNull();
    expect(first.body.links.prev).toBeNull();
  });

  it('a cursor works for one hour after it was issued (emulator clock), then answers 400 InvalidPaginationParameter', async () => {
    const zd = zendeskTestClient();
    const first = await zd.get(exportUrl('tags:whatsapp_opt_in'));
    zd.clock.advance(59 * MINUTE);
    const second = await zd.get(first.body.links.next);
    expect(second.status).toBe(200);
    // The second page's cursor was issued 59 minutes after the first: it lives another hour.
    zd.clock.advance(59 * MINUTE);
    expect((await zd.get(second.body.links.next)).status).toBe(200);
    zd.clock.advance(61 * MINUTE);
    const expired = await zd.get(second.body.links.next);
    expect(expired.status).toBe(400);
    expect(expired.body.errors[0].code).toBe('InvalidPaginationParameter');
  });

  it('honours an expireCursor fault on the next cursored request only', async () => {
    const zd = zendeskTestClient();
    zd.emulator.faults.add({ match: { service: 'zendesk', path: '/api/v2/search/export' }, fault: { kind: 'expireCursor' }, times: 1 });
    const first = await zd.get(exportUrl('tags:vip'));
    expect(first.status).toBe(200);
    const expired = await zd.get(first.body.links.next);
    expect(expired.status).toBe(400);
    expect(expired.body.errors[0].code).toBe('InvalidPaginationParameter');
    expect((await zd.get(first.body.links.next)).status).toBe(200);
  });

  it('refuses a cursor from another query, and a forged one', async () => {
    const zd = zendeskTestClient();
    const first = await zd.get(exportUrl('tags:vip'));
    const other = await zd.get(`${exportUrl('tags:newsletter')}&page[after]=${encodeURIComponent(first.body.meta.after_cursor)}`);
    expect(other.status).toBe(400);
    const forged = await zd.get(`${exportUrl('tags:vip')}&page[after]=bm90LWEtY3Vyc29y`);
    expect(forged.status).toBe(400);
    expect(forged.body.errors[0].code).toBe('InvalidPaginationParameter');
  });

  it('is limited to 100 requests a minute: the 101st is 429 with Retry-After, other endpoints still answer', async () => {
    const zd = zendeskTestClient();
    for (let index = 0; index < 100; index++) expect((await zd.get(exportUrl('tags:vip', 1))).status).toBe(200);
    const limited = await zd.get(exportUrl('tags:vip', 1));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await zd.get('/api/v2/users/me')).status).toBe(200);
    zd.clock.advance(30_000);
    const stillLimited = await zd.get(exportUrl('tags:vip', 1));
    expect(stillLimited.status).toBe(429);
    expect(stillLimited.headers.get('retry-after')).toBe('30');
    zd.clock.advance(30_000);
    expect((await zd.get(exportUrl('tags:vip', 1))).status).toBe(200);
  });

  it.each([
    ['a type: term in the query', '/api/v2/search/export?filter[type]=user&query=type:user tags:vip', 400],
    ['no filter[type]', '/api/v2/search/export?query=tags:vip', 400],
    ['an unknown filter[type]', '/api/v2/search/export?filter[type]=widget&query=tags:vip', 400],
    ['page[size] above 1000', '/api/v2/search/export?filter[type]=user&query=tags:vip&page[size]=1001', 400],
  ])('answers %s with an error', async (_label, path, status) => {
    const zd = zendeskTestClient({ endUsers: 50 });
    expect((await zd.get(path)).status).toBe(status);
  });

  it('exports tickets and organizations too', async () => {
    const zd = zendeskTestClient({ endUsers: 50 });
    const tickets = await zd.get('/api/v2/search/export?filter[type]=ticket&query=tags:whatsapp');
    expect(tickets.body.results.map((ticket: { id: number }) => ticket.id).sort()).toEqual(
      zd.emulator.zendesk.tickets
        .list()
        .filter((ticket) => ticket.tags.includes('whatsapp'))
        .map((ticket) => ticket.id),
    );
    const organizations = await zd.get('/api/v2/search/export?filter[type]=organization&query=');
    expect(organizations.body.results).toHaveLength(zd.emulator.zendesk.organizations.length);
  });
});

describe('Search', () => {
  it('gives the true count, 100 per page at most, and 422 past the first 1,000 results', async () => {
    const zd = zendeskTestClient();
    const matching = [...zd.emulator.zendesk.users.all()].filter((user) => user.role === 'end-user').length;
    const first = await zd.get('/api/v2/search.json?query=type:user role:end-user&per_page=500');
    expect(first.body.count).toBe(matching);
    expect(first.body.results).toHaveLength(100);
    expect(first.body.results[0].result_type).toBe('user');
    const tenth = await zd.get('/api/v2/search.json?query=type:user role:end-user&page=10');
    expect(tenth.status).toBe(200);
    expect(tenth.body.results).toHaveLength(100);
    expect(tenth.body.next_page).toBeNull();
    expect(tenth.body.previous_page).toContain('page=9');
    const eleventh = await zd.get('/api/v2/search.json?query=type:user role:end-user&page=11');
    expect(eleventh.status).toBe(422);
  });

  it('sorts by created_at when asked', async () => {
    const zd = zendeskTestClient({ endUsers: 300 });
    const reply = await zd.get('/api/v2/search.json?query=type:user&sort_by=created_at&sort_order=asc&per_page=50');
    const times = reply.body.results.map((user: { created_at: string }) => Date.parse(user.created_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const oldest = Math.min(...[...zd.emulator.zendesk.users.all()].map((user) => user.createdAt));
    expect(times[0]).toBe(Math.floor(oldest / 1000) * 1000);
  });

  it('search/count agrees with search', async () => {
    const zd = zendeskTestClient({ endUsers: 600 });
    const query = encodeURIComponent('type:user loyalty_tier:gold marketing_consent:true');
    const count = await zd.get(`/api/v2/search/count.json?query=${query}`);
    const search = await zd.get(`/api/v2/search.json?query=${query}`);
    expect(count.body).toEqual({ count: search.body.count });
    expect(count.body.count).toBe(
      [...zd.emulator.zendesk.users.all()].filter((user) => user.userFields.loyalty_tier === 'gold' && user.userFields.marketing_consent === true).length,
    );
  });

  it('requires a query', async () => {
    const zd = zendeskTestClient({ endUsers: 10 });
    const reply = await zd.get('/api/v2/search.json');
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('invalid');
  });
});
