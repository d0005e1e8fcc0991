import { describe, expect, it } from 'vitest';
import { zendeskTestClient, type ZendeskReply } from './zendesk.helpers';

describe('Zendesk tickets', () => {
  it('appends a public reply and an internal note with PUT ticket.comment', async () => {
    const zd = zendeskTestClient({ endUsers: 300 });
    const before = (await zd.get('/api/v2/tickets/103/comments')).body.comments.length as number;
    zd.clock.advance(60_000);
    const reply = await zd.request('PUT', '/api/v2/tickets/103', { as: 2, body: { ticket: { comment: { body: 'Hola, ¿sigue pendiente?' } } } });
    expect(reply.status).toBe(200);
    expect(reply.body.audit.events).toEqual([expect.objectContaining({ type: 'Comment', body: 'Hola, ¿sigue pendiente?', public: true, author_id: 2 })]);
    await zd.request('PUT', '/api/v2/tickets/103.json', { as: 3, body: { ticket: { comment: { html_body: '<p>Customer <b>unreachable</b></p>', public: false } } } });

    const comments = (await zd.get('/api/v2/tickets/103/comments')).body.comments;
    expect(comments).toHaveLength(before + 2);
    expect(comments.at(-2)).toMatchObject({ author_id: 2, public: true, body: 'Hola, ¿sigue pendiente?', created_at: new Date(zd.clock.now()).toISOString().replace('.000Z', 'Z') });
    expect(comments.at(-1)).toMatchObject({ author_id: 3, public: false, body: 'Customer unreachable', html_body: '<p>Customer <b>unreachable</b></p>' });
    // Agent replies never move the customer's 24-hour window.
    const ticket = (await zd.get('/api/v2/tickets/103')).body.ticket;
    const fromCustomer = comments.filter((comment: { author_id: number }) => comment.author_id === ticket.requester_id);
    expect(zd.emulator.zendesk.tickets.lastCustomerMessageAt(103)).toBe(Date.parse(fromCustomer.at(-1).created_at));
    expect(Date.parse(ticket.updated_at)).toBe(zd.clock.now());
  });

  it('changes status, priority, tags and assignee, with Change events in the audit', async () => {
    const zd = zendeskTestClient({ endUsers: 300 });
    const reply = await zd.request('PUT', '/api/v2/tickets/101', { body: { ticket: { status: 'solved', priority: 'high', tags: ['whatsapp', 'Resolved Today'], assignee_id: 3 } } });
    expect(reply.body.ticket).toMatchObject({ status: 'solved', priority: 'high', tags: ['whatsapp', 'resolved', 'today'], assignee_id: 3 });
    expect(reply.body.audit.events.map((event: { field_name: string }) => event.field_name)).toEqual(['status', 'priority', 'assignee_id']);
  });

  it('refuses invalid updates and updates to closed tickets', async () => {
    const zd = zendeskTestClient({ endUsers: 300 });
    expect((await zd.request('PUT', '/api/v2/tickets/101', { body: { ticket: { comment: { body: '   ' } } } })).status).toBe(422);
    expect((await zd.request('PUT', '/api/v2/tickets/101', { body: { ticket: { assignee_id: zd.emulator.zendesk.seedIds.firstEndUserId } } })).status).toBe(422);
    expect((await zd.request('PUT', '/api/v2/tickets/101', { body: { nothing: true } })).status).toBe(400);
    expect((await zd.request('PUT', '/api/v2/tickets/101', { body: { ticket: { status: 'closed' } } })).status).toBe(200);
    const closed = await zd.request('PUT', '/api/v2/tickets/101', { body: { ticket: { comment: { body: 'Too late' } } } });
    expect(closed.status).toBe(422);
    expect(closed.body.details.status[0].description).toMatch(/closed/);
  });

  it('lists tickets with cursor pagination to the end, and with offset pagination', async () => {
    const zd = zendeskTestClient({ endUsers: 300 });
    const all = zd.emulator.zendesk.tickets.list().map((ticket) => ticket.id);
    const seen: number[] = [];
    let url: string | null = '/api/v2/tickets.json?page[size]=2';
    while (url) {
      const reply: ZendeskReply = await zd.get(url);
      seen.push(...reply.body.tickets.map((ticket: { id: number }) => ticket.id));
      url = reply.body.meta.has_more ? reply.body.links.next : null;
    }
    expect(seen).toEqual(all);
    const offset = await zd.get('/api/v2/tickets.json?per_page=3&page=2');
    expect(offset.body.tickets.map((ticket: { id: number }) => ticket.id)).toEqual(all.slice(3, 6));
    expect(offset.body.count).toBe(all.length);
    expect((await zd.get('/api/v2/tickets.json?page[size]=101')).status).toBe(400);
  });

  it('expires a ticket cursor on an expireCursor fault', async () => {
    const zd = zendeskTestClient({ endUsers: 300 });
    zd.emulator.faults.add({ match: { path: /^\/api\/v2\/tickets/ }, fault: { kind: 'expireCursor' }, times: 1 });
    const first = await zd.get('/api/v2/tickets.json?page[size]=2');
    const expired = await zd.get(first.body.links.next);
    expect(expired.status).toBe(400);
    expect(expired.body.errors[0].code).toBe('InvalidPaginationParameter');
  });
});

describe('Zendesk users', () => {
  it('updates tags (replaced), user fields (merged), phone', async () => {
    const zd = zendeskTestClient({ endUsers: 300 });
    const id = zd.emulator.zendesk.seedIds.firstEndUserId + 10;
    const before = zd.emulator.zendesk.users.get(id);
    zd.clock.advance(1000);
    const reply = await zd.request('PUT', `/api/v2/users/${id}.json`, {
      as: 2,
      body: { user: { tags: ['whatsapp_opt_out'], user_fields: { marketing_consent: false, unknown_key: 'ignored' }, phone: '+33 6 12 34 56 78' } },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.user).toMatchObject({ tags: ['whatsapp_opt_out'], phone: '+33 6 12 34 56 78', user_fields: { ...before?.userFields, marketing_consent: false } });
    expect(reply.body.user.user_fields).not.toHaveProperty('unknown_key');
    expect(Date.parse(reply.body.user.updated_at)).toBe(zd.clock.now());
    expect((await zd.get(`/api/v2/users/${id}`)).body.user.tags).toEqual(['whatsapp_opt_out']);
    const search = await zd.get(`/api/v2/search/count?query=${encodeURIComponent(`type:user tags:whatsapp_opt_out phone:0612345678`)}`);
    expect(search.body.count).toBeGreaterThanOrEqual(1);
  });

  it('validates user field values and permissions', async () => {
    const zd = zendeskTestClient({ endUsers: 300 });
    const id = zd.emulator.zendesk.seedIds.firstEndUserId;
    const invalid = await zd.request('PUT', `/api/v2/users/${id}`, { body: { user: { user_fields: { loyalty_tier: 'platinum' } } } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error).toBe('RecordInvalid');
    expect((await zd.request('PUT', '/api/v2/users/3', { as: 2, body: { user: { name: 'Not allowed' } } })).status).toBe(403);
    expect((await zd.request('PUT', '/api/v2/users/2', { as: 2, body: { user: { name: 'Samira H.' } } })).status).toBe(200);
    expect((await zd.request('PUT', '/api/v2/users/3', { as: 1, body: { user: { name: 'Jules B.' } } })).status).toBe(200);
  });

  it('shows many users by ids and external ids, at most 100', async () => {
    const zd = zendeskTestClient({ endUsers: 300 });
    const withExternal = [...zd.emulator.zendesk.users.all()].filter((user) => user.externalId !== null).slice(0, 3);
    const byExternal = await zd.get(`/api/v2/users/show_many?external_ids=${withExternal.map((user) => user.externalId).join(',')}`);
    expect(byExternal.body.users.map((user: { id: number }) => user.id)).toEqual(withExternal.map((user) => user.id));
    const ids = Array.from({ length: 101 }, (_, index) => 1001 + index).join(',');
    expect((await zd.get(`/api/v2/users/show_many?ids=${ids}`)).status).toBe(400);
    expect((await zd.get('/api/v2/users/show_many?ids=1,999999,1001')).body.users.map((user: { id: number }) => user.id)).toEqual([1, 1001]);
  });
});
