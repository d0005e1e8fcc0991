import { beforeEach, describe, expect, it } from 'vitest';
import { viaFor } from '../../emulator/zendesk/tickets';
import { errorForStatus } from '../../src/api/transport/errors';
import { withQuery, type Transport } from '../../src/api/transport/types';
import { COMMENTS_PAGE_SIZE, TicketsClient } from '../../src/api/zendesk/tickets';
import { zendeskSupportContract } from '../support/openapi';
import { zendeskTestClient, type ZendeskReply, type ZendeskTestClient } from '../emulator/zendesk.helpers';

/**
 * Every Support API endpoint the emulator serves, checked against the official OpenAPI document:
 * the success responses, and the error bodies in the shapes the spec documents for them.
 */

const contract = zendeskSupportContract();

function expectConforms(method: string, reply: ZendeskReply, specUrl = reply.url): void {
  const check = contract.checkResponse(method, specUrl, reply.status, reply.body);
  expect(check.errors, `${check.operation} ${reply.status}`).toEqual([]);
  expect(check.valid).toBe(true);
}

/**
 * The spec documents the `Errors` body (`{"errors":[{code,title}]}`) on a few operations only
 * (organizations autocomplete 400/429 among them) and none on the custom objects endpoints, which
 * answer it too: we check our `errors` bodies against that documented schema.
 */
function expectErrorsSchema(reply: ZendeskReply): void {
  const check = contract.checkResponse('GET', 'https://x.zendesk.com/api/v2/organizations/autocomplete', 400, reply.body);
  expect(check.errors).toEqual([]);
  expect(reply.body.errors.length).toBeGreaterThan(0);
}

/** The Support API's "Errors JSON Format" (search description): `error` and `description` strings. */
function expectClassicError(reply: ZendeskReply, status: number): void {
  expect(reply.status).toBe(status);
  expect(typeof reply.body.error).toBe('string');
  expect(typeof reply.body.description).toBe('string');
}

describe('Zendesk Support API contract', () => {
  let zd: ZendeskTestClient;

  beforeEach(() => {
    zd = zendeskTestClient({ endUsers: 400, jobDelayMs: 1000 });
  });

  describe('users', () => {
    it('GET /users/me and /users/{id}, with and without .json', async () => {
      for (const path of ['/api/v2/users/me', '/api/v2/users/me.json', '/api/v2/users/1001', '/api/v2/users/1001.json']) {
        const reply = await zd.get(path);
        expect(reply.status).toBe(200);
        expectConforms('GET', reply);
      }
    });

    it('GET /users/show_many', async () => {
      const reply = await zd.get('/api/v2/users/show_many.json?ids=1,2,1001,1002');
      expect(reply.body.users).toHaveLength(4);
      expectConforms('GET', reply);
    });

    it('PUT /users/{id}', async () => {
      const reply = await zd.request('PUT', '/api/v2/users/1001.json', { body: { user: { tags: ['vip'], user_fields: { loyalty_tier: 'gold' }, phone: '+33612345678' } } });
      expect(reply.status).toBe(200);
      expectConforms('PUT', reply);
    });

    it('PUT /users/{id}/tags adds tags (the spec documents the Tags API on its ticket path only)', async () => {
      const reply = await zd.request('PUT', '/api/v2/users/1001/tags.json', { body: { tags: ['whatsapp_opt_out'] } });
      expect(reply.status).toBe(200);
      expect(reply.body.tags).toContain('whatsapp_opt_out');
      expectConforms('PUT', reply, 'https://x.zendesk.com/api/v2/tickets/1/tags');
      expectClassicError(await zd.request('PUT', '/api/v2/users/999999999/tags', { body: { tags: ['x'] } }), 404);
      expect((await zd.request('PUT', '/api/v2/users/1001/tags', { body: { tags: 'x' } })).status).toBe(400);
    });

    it('GET /users/{id}/identities, /user_fields, /organizations/{id}, /organizations/show_many', async () => {
      const withPhone = [...zd.emulator.zendesk.users.all()].find((user) => user.role === 'end-user' && user.phone !== null);
      const identities = await zd.get(`/api/v2/users/${withPhone?.id}/identities.json`);
      expect(identities.body.identities.map((identity: { type: string }) => identity.type)).toEqual(['email', 'phone_number']);
      expectConforms('GET', identities);
      const fields = await zd.get('/api/v2/user_fields.json');
      expectConforms('GET', fields);
      const organizationId = zd.emulator.zendesk.seedIds.organizations[0];
      const organization = await zd.get(`/api/v2/organizations/${organizationId}.json`);
      expect(organization.status).toBe(200);
      expectConforms('GET', organization);
      const ids = zd.emulator.zendesk.seedIds.organizations.slice(0, 3);
      const many = await zd.get(`/api/v2/organizations/show_many.json?ids=${[...ids, 999999].join(',')}`);
      expect(many.body.organizations.map((found: { id: number }) => found.id).sort()).toEqual([...ids].sort());
      expectConforms('GET', many);
    });

    it('errors: 404 unknown user, 401 without credentials, 403 for an agent updating an admin', async () => {
      expectClassicError(await zd.get('/api/v2/users/999999999'), 404);
      const anonymous = await zd.get('/api/v2/users/me', { as: null });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toEqual({ error: "Couldn't authenticate you" });
      expectClassicError(await zd.request('PUT', '/api/v2/users/1', { as: 2, body: { user: { name: 'X' } } }), 403);
    });
  });

  describe('groups', () => {
    it('GET /groups and /groups/{id}, with and without .json, offset and cursor pagination', async () => {
      for (const path of ['/api/v2/groups', '/api/v2/groups.json', '/api/v2/groups.json?page[size]=1']) {
        const reply = await zd.get(path);
        expect(reply.status).toBe(200);
        expect(reply.body.groups.length).toBeGreaterThan(0);
        expectConforms('GET', reply);
      }
      const group = await zd.get(`/api/v2/groups/${zd.emulator.zendesk.groups.list()[1]?.id}.json`);
      expect(group.body.group.name).toBe('Marketing');
      expectConforms('GET', group);
    });

    it('GET /users/{id}/groups (documented as the user_id parameter of List Groups)', async () => {
      const reply = await zd.get('/api/v2/users/2/groups.json');
      expect(reply.body.groups.map((group: { name: string }) => group.name)).toEqual(['Marketing']);
      expectConforms('GET', reply, 'https://x.zendesk.com/api/v2/groups');
    });

    it('GET /group_memberships and /users/{id}/group_memberships (the user_id parameter of List Memberships)', async () => {
      const all = await zd.get('/api/v2/group_memberships.json');
      expect(all.body.group_memberships).toHaveLength(3);
      expectConforms('GET', all);
      for (const id of [1, 2, 3]) {
        const reply = await zd.get(`/api/v2/users/${id}/group_memberships`, { as: id });
        expect(reply.body.group_memberships).toEqual([expect.objectContaining({ user_id: id, default: true })]);
        expectConforms('GET', reply, 'https://x.zendesk.com/api/v2/group_memberships');
      }
      const cursor = await zd.get('/api/v2/group_memberships?page[size]=2');
      expect(cursor.body.meta.has_more).toBe(true);
      expectConforms('GET', cursor);
    });

    it('errors: 404 unknown group or user, 401 without credentials', async () => {
      expectClassicError(await zd.get('/api/v2/groups/42'), 404);
      expectClassicError(await zd.get('/api/v2/users/999999999/group_memberships'), 404);
      expect((await zd.get('/api/v2/groups', { as: null })).status).toBe(401);
    });
  });

  describe('search', () => {
    it('GET /search, /search/count, /search/export', async () => {
      const search = await zd.get('/api/v2/search.json?query=type:user tags:whatsapp_opt_in&per_page=5');
      expect(search.body.results).toHaveLength(5);
      expectConforms('GET', search);
      const count = await zd.get('/api/v2/search/count.json?query=type:user tags:vip');
      expectConforms('GET', count);
      const first = await zd.get('/api/v2/search/export.json?query=tags:whatsapp_opt_in&filter[type]=user&page[size]=50');
      expectConforms('GET', first);
      const next = await zd.get(first.body.links.next);
      expect(next.status).toBe(200);
      expectConforms('GET', next);
      const tickets = await zd.get('/api/v2/search.json?query=type:ticket status<solved');
      expectConforms('GET', tickets);
    });

    it('errors: bad query (400), past 1,000 results (422), expired cursor (400 Errors)', async () => {
      expectClassicError(await zd.get('/api/v2/search.json?query=name:"unterminated'), 400);
      expectClassicError(await zd.get('/api/v2/search.json?query=type:user&page=11&per_page=100'), 422);
      expectClassicError(await zd.get('/api/v2/search/export.json?query=type:user&filter[type]=user'), 400);
      const first = await zd.get('/api/v2/search/export.json?query=tags:whatsapp_opt_in&filter[type]=user');
      zd.clock.advance(61 * 60 * 1000);
      const expired = await zd.get(first.body.links.next);
      expect(expired.status).toBe(400);
      expectErrorsSchema(expired);
    });
  });

  describe('tickets', () => {
    it('GET /tickets (offset and cursor), /tickets/{id}, /tickets/{id}/comments', async () => {
      const offset = await zd.get('/api/v2/tickets.json');
      expectConforms('GET', offset);
      const cursor = await zd.get('/api/v2/tickets.json?page[size]=2');
      expect(cursor.body.meta.has_more).toBe(true);
      expectConforms('GET', cursor);
      const ticket = await zd.get('/api/v2/tickets/101.json');
      expectConforms('GET', ticket);
      const comments = await zd.get('/api/v2/tickets/101/comments.json');
      expectConforms('GET', comments);
    });

    it('PUT /tickets/{id} with a comment and a status change', async () => {
      const reply = await zd.request('PUT', '/api/v2/tickets/101.json', { body: { ticket: { status: 'pending', comment: { body: 'On it', public: false } } } });
      expect(reply.status).toBe(200);
      expectConforms('PUT', reply);
    });

    it("Herald's TicketsClient: every page of comments, and an internal note, requests and responses as the spec documents them", async () => {
      const calls: string[] = [];
      const transport: Transport = {
        async send(request) {
          const path = withQuery(request.url, request.query);
          if (request.body !== undefined) expect(contract.checkRequestBody(request.method, zd.origin + path, request.body).errors).toEqual([]);
          const reply = await zd.request(request.method, path, { body: request.body });
          // Error bodies are checked by the errors test below (the spec documents few of them).
          if (reply.status < 300) expectConforms(request.method, reply);
          calls.push(`${request.method} ${request.url}`);
          if (reply.status >= 300) throw errorForStatus(reply.status, {}, reply.body);
          return { status: reply.status, headers: {}, body: reply.body };
        },
      };
      // Enough comments for three pages: the WhatsApp window needs the customer's last one.
      const { tickets } = zd.emulator.zendesk;
      const ticket = tickets.get(103)!;
      for (let index = 0; index < 2 * COMMENTS_PAGE_SIZE + 10; index++) {
        tickets.addComment(ticket, { authorId: index % 2 ? 2 : ticket.requesterId, body: `m${index}`, htmlBody: `<p>m${index}</p>`, public: true, createdAt: zd.clock.now() + index * 1000, via: viaFor('web') });
      }
      const client = new TicketsClient(transport);
      const comments = await client.comments(103);
      expect(comments.map((comment) => comment.id)).toEqual(ticket.comments.map((comment) => comment.id));
      expect(comments.at(-1)).toEqual({ id: ticket.comments.at(-1)!.id, authorId: 2, public: true, createdAt: zd.clock.now() + (2 * COMMENTS_PAGE_SIZE + 9) * 1000 });
      expect(calls.filter((call) => call === 'GET /api/v2/tickets/103/comments')).toHaveLength(3);

      const note = await client.addInternalNote(103, 'Herald: template sent\nOutcome: Sent.');
      expect(ticket.comments.at(-1)).toMatchObject({ id: note.commentId, authorId: 1, public: false, body: 'Herald: template sent\nOutcome: Sent.' });
      expect(note.auditId).toBe(ticket.comments.at(-1)!.auditId);
      await expect(client.comments(999)).rejects.toMatchObject({ status: 404 });
    });

    it('errors: 404 unknown ticket, 422 invalid status', async () => {
      expectClassicError(await zd.get('/api/v2/tickets/999'), 404);
      expectClassicError(await zd.request('PUT', '/api/v2/tickets/101', { body: { ticket: { status: 'done' } } }), 422);
    });
  });

  describe('custom objects', () => {
    const base = '/api/v2/custom_objects';

    async function createCampaignObject(): Promise<void> {
      const created = await zd.request('POST', `${base}.json`, { body: { custom_object: { key: 'herald_recipient', title: 'Recipient', title_pluralized: 'Recipients' } } });
      expect(created.status).toBe(201);
      expectConforms('POST', created);
      for (const field of [
        { key: 'status', title: 'Status', type: 'dropdown', custom_field_options: [{ name: 'Sent', value: 'sent' }, { name: 'Failed', value: 'failed' }] },
        { key: 'attempts', title: 'Attempts', type: 'integer' },
      ]) {
        const reply = await zd.request('POST', `${base}/herald_recipient/fields.json`, { body: { custom_object_field: field } });
        expect(reply.status).toBe(201);
        expectConforms('POST', reply);
      }
    }

    it('objects, fields and limits', async () => {
      await createCampaignObject();
      expectConforms('GET', await zd.get(`${base}.json`));
      expectConforms('GET', await zd.get(`${base}/herald_recipient.json`));
      const fields = await zd.get(`${base}/herald_recipient/fields.json?include_standard_fields=true`);
      expect(fields.body.custom_object_fields).toHaveLength(4);
      expectConforms('GET', fields);
      expectConforms('GET', await zd.get(`${base}/limits/object_limit.json`));
      expectConforms('GET', await zd.get(`${base}/limits/record_limit.json`));
      const deleted = await zd.request('DELETE', `${base}/herald_recipient.json`);
      expect(deleted.status).toBe(204);
      expectConforms('DELETE', deleted);
    });

    it('records: create, show, list, update, upsert, search, count, delete', async () => {
      await createCampaignObject();
      const created = await zd.request('POST', `${base}/herald_recipient/records.json`, {
        body: { custom_object_record: { name: 'c1 +33612345678', external_id: 'c1:+33612345678', custom_object_fields: { status: 'sent', attempts: 1 } } },
      });
      expect(created.status).toBe(201);
      expectConforms('POST', created);
      const id = created.body.custom_object_record.id as string;
      expectConforms('GET', await zd.get(`${base}/herald_recipient/records/${id}.json`));
      const list = await zd.get(`${base}/herald_recipient/records.json?page[size]=10&sort=-updated_at`);
      expectConforms('GET', list);
      const updated = await zd.request('PATCH', `${base}/herald_recipient/records/${id}.json`, { body: { custom_object_record: { custom_object_fields: { attempts: 2 } } } });
      expectConforms('PATCH', updated);
      const upserted = await zd.request('PATCH', `${base}/herald_recipient/records.json?external_id=c1:+33700000000`, {
        body: { custom_object_record: { name: 'c1 +33700000000', custom_object_fields: { status: 'failed' } } },
      });
      expect(upserted.status).toBe(200);
      expectConforms('PATCH', upserted);
      const search = await zd.request('POST', `${base}/herald_recipient/records/search.json?sort=name`, {
        body: { filter: { $and: [{ 'custom_object_fields.status': { $eq: 'sent' } }] } },
      });
      expect(search.body.custom_object_records).toHaveLength(1);
      expectConforms('POST', search);
      const textSearch = await zd.get(`${base}/herald_recipient/records/search.json?query=c1`);
      expect(textSearch.body.custom_object_records).toHaveLength(2);
      expectConforms('GET', textSearch);
      expectConforms('GET', await zd.get(`${base}/herald_recipient/records/count.json`));
      const deletedByExternalId = await zd.request('DELETE', `${base}/herald_recipient/records.json?external_id=c1:+33700000000`);
      expect(deletedByExternalId.status).toBe(204);
      expectConforms('DELETE', deletedByExternalId);
      const deleted = await zd.request('DELETE', `${base}/herald_recipient/records/${id}.json`);
      expect(deleted.status).toBe(204);
      expectConforms('DELETE', deleted);
    });

    it('jobs and job statuses', async () => {
      await createCampaignObject();
      const queued = await zd.request('POST', `${base}/herald_recipient/jobs.json`, {
        body: { job: { action: 'create_or_update_by_external_id', items: [{ external_id: 'c1:a', name: 'a', custom_object_fields: { status: 'sent' } }] } },
      });
      expect(queued.status).toBe(201);
      expectConforms('POST', queued);
      const status = await zd.get(queued.body.job_status.url);
      expect(status.body.job_status.status).toBe('queued');
      expectConforms('GET', status);
      zd.clock.advance(1000);
      const completed = await zd.get(queued.body.job_status.url);
      expect(completed.body.job_status.status).toBe('completed');
      // The generic JobStatus schema types result ids as integers (ticket jobs); custom object
      // jobs report records, whose ids are strings, as the custom objects jobs schema says.
      expectConforms('POST', { ...completed, status: 201 }, `${zd.origin}${base}/herald_recipient/jobs.json`);
    });

    it('errors: unknown object (404), agent creating an object (403), invalid key (422), no custom objects on the plan (403)', async () => {
      const missing = await zd.get(`${base}/nope.json`);
      expect(missing.status).toBe(404);
      expectErrorsSchema(missing);
      const agent = await zd.request('POST', `${base}.json`, { as: 2, body: { custom_object: { key: 'x', title: 'X', title_pluralized: 'Xs' } } });
      expect(agent.status).toBe(403);
      expectErrorsSchema(agent);
      const badKey = await zd.request('POST', `${base}.json`, { body: { custom_object: { key: 'bad key', title: 'X', title_pluralized: 'Xs' } } });
      expect(badKey.status).toBe(422);
      expectErrorsSchema(badKey);
      const plan = zendeskTestClient({ endUsers: 10, customObjectsAvailable: false });
      const unavailable = await plan.get(`${base}.json`);
      expect(unavailable.status).toBe(403);
      expectErrorsSchema(unavailable);
    });
  });
});
