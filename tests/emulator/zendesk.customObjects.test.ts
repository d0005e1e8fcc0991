import { describe, expect, it } from 'vitest';
import { zendeskTestClient, type ZendeskTestClient, type ZendeskReply } from './zendesk.helpers';

const BASE = '/api/v2/custom_objects';
const ALEX = 1;
const SAMIRA = 2;

async function createObject(zd: ZendeskTestClient, key = 'herald_recipient'): Promise<void> {
  const object = await zd.request('POST', BASE, { body: { custom_object: { key, title: 'Recipient', title_pluralized: 'Recipients' } } });
  expect(object.status, JSON.stringify(object.body)).toBe(201);
  const fields = [
    { key: 'status', title: 'Status', type: 'dropdown', custom_field_options: ['queued', 'sent', 'failed'].map((value) => ({ name: value, value })) },
    { key: 'attempts', title: 'Attempts', type: 'integer' },
    { key: 'campaign', title: 'Campaign', type: 'text' },
    { key: 'payload', title: 'Payload', type: 'textarea' },
    { key: 'sent_on', title: 'Sent on', type: 'date' },
    { key: 'opted_in', title: 'Opted in', type: 'checkbox' },
  ];
  for (const field of fields) {
    const reply = await zd.request('POST', `${BASE}/${key}/fields`, { body: { custom_object_field: field } });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  }
}

function record(name: string, externalId: string, fields: Record<string, unknown> = {}): { custom_object_record: Record<string, unknown> } {
  return { custom_object_record: { name, external_id: externalId, custom_object_fields: fields } };
}

describe('custom objects: definitions', () => {
  it('only admins create objects and fields; agents read them and write records', async () => {
    const zd = zendeskTestClient({ endUsers: 10 });
    const byAgent = await zd.request('POST', BASE, { as: SAMIRA, body: { custom_object: { key: 'x', title: 'X', title_pluralized: 'Xs' } } });
    expect(byAgent.status).toBe(403);
    await createObject(zd);
    const fieldByAgent = await zd.request('POST', `${BASE}/herald_recipient/fields`, { as: SAMIRA, body: { custom_object_field: { key: 'y', title: 'Y', type: 'text' } } });
    expect(fieldByAgent.status).toBe(403);
    expect((await zd.get(`${BASE}/herald_recipient/fields`, { as: SAMIRA })).body.custom_object_fields).toHaveLength(6);
    expect((await zd.request('POST', `${BASE}/herald_recipient/records`, { as: SAMIRA, body: record('a', 'a') })).status).toBe(201);
    expect((await zd.get(`${BASE}/limits/object_limit`, { as: SAMIRA })).status).toBe(403);
    expect((await zd.get(`${BASE}/limits/object_limit`, { as: ALEX })).body).toEqual({ count: 1, limit: zd.emulator.zendesk.options.customObjectLimit });
  });

  it.each([
    ['only digits', { key: '123', title: 'T', title_pluralized: 'Ts' }],
    ['a dash', { key: 'bad-key', title: 'T', title_pluralized: 'Ts' }],
    ['no title', { key: 'no_title', title_pluralized: 'Ts' }],
    ['no plural title', { key: 'no_plural', title: 'T' }],
  ])('rejects an object key or title with %s (422)', async (_label, customObject) => {
    const zd = zendeskTestClient({ endUsers: 10 });
    const reply = await zd.request('POST', BASE, { body: { custom_object: customObject } });
    expect(reply.status).toBe(422);
    expect(reply.body.errors[0].code).toBe('RecordInvalid');
  });

  it('rejects a duplicate key, an unknown field type, a dropdown without options, a bad regexp', async () => {
    const zd = zendeskTestClient({ endUsers: 10 });
    await createObject(zd);
    expect((await zd.request('POST', BASE, { body: { custom_object: { key: 'herald_recipient', title: 'T', title_pluralized: 'Ts' } } })).status).toBe(422);
    const field = (custom_object_field: Record<string, unknown>) => zd.request('POST', `${BASE}/herald_recipient/fields`, { body: { custom_object_field } });
    expect((await field({ key: 'colour', title: 'Colour', type: 'colour' })).status).toBe(422);
    expect((await field({ key: 'tier', title: 'Tier', type: 'dropdown' })).status).toBe(422);
    expect((await field({ key: 'code', title: 'Code', type: 'regexp', regexp_for_validation: '([' })).status).toBe(422);
    expect((await field({ key: 'status', title: 'Again', type: 'text' })).status).toBe(422);
    expect((await field({ key: 'notes', title: 'Notes' })).body.custom_object_field.type).toBe('text');
  });

  it('answers 403 on every endpoint when the plan has no custom objects', async () => {
    const zd = zendeskTestClient({ endUsers: 10, customObjectsAvailable: false });
    for (const [method, path] of [
      ['GET', BASE],
      ['POST', BASE],
      ['GET', `${BASE}/limits/record_limit`],
      ['GET', `${BASE}/anything/records`],
      ['POST', `${BASE}/anything/jobs`],
    ] as const) {
      const reply = await zd.request(method, path, method === 'POST' ? { body: {} } : {});
      expect(reply.status, `${method} ${path}`).toBe(403);
    }
  });
});

describe('custom objects: records', () => {
  it('validates values against field types, and external ids for uniqueness', async () => {
    const zd = zendeskTestClient({ endUsers: 10 });
    await createObject(zd);
    const post = (body: unknown) => zd.request('POST', `${BASE}/herald_recipient/records`, { body });
    expect((await post(record('a', 'a', { status: 'lost' }))).status).toBe(422);
    expect((await post(record('a', 'a', { attempts: 'two' }))).status).toBe(422);
    expect((await post(record('a', 'a', { sent_on: '2026-02-30' }))).status).toBe(422);
    expect((await post(record('a', 'a', { unknown_field: 1 }))).status).toBe(422);
    expect((await post({ custom_object_record: { external_id: 'nameless' } })).status).toBe(422);
    const created = await post(record('a', 'a', { status: 'sent', attempts: '2', opted_in: true, sent_on: '2026-11-20' }));
    expect(created.status).toBe(201);
    expect(created.body.custom_object_record.custom_object_fields).toEqual({ status: 'sent', attempts: 2, campaign: null, payload: null, sent_on: '2026-11-20', opted_in: true });
    expect((await post(record('b', 'a'))).status).toBe(422);
  });

  it('refuses a record over 32 KB, counting UTF-8 bytes', async () => {
    const zd = zendeskTestClient({ endUsers: 10 });
    await createObject(zd);
    const post = (payload: string) => zd.request('POST', `${BASE}/herald_recipient/records`, { body: record('big', `big-${payload.length}`, { payload }) });
    expect((await post('x'.repeat(30_000))).status).toBe(201);
    const tooBig = await post('x'.repeat(33_000));
    expect(tooBig.status).toBe(422);
    expect(tooBig.body.errors[0].title).toMatch(/32 KB/);
    // 11,000 characters but 33,000 bytes.
    expect((await post('€'.repeat(11_000))).status).toBe(422);
    const existing = zd.emulator.zendesk.customObjects.records('herald_recipient')[0];
    const grown = await zd.request('PATCH', `${BASE}/herald_recipient/records/${existing?.id}`, { body: { custom_object_record: { custom_object_fields: { campaign: 'y'.repeat(3_000) } } } });
    expect(grown.status).toBe(422);
  });

  it('upserts by external id: creates, then updates only what is sent', async () => {
    const zd = zendeskTestClient({ endUsers: 10 });
    await createObject(zd);
    const upsert = (body: unknown) => zd.request('PATCH', `${BASE}/herald_recipient/records?external_id=${encodeURIComponent('c1:+33612345678')}`, { body });
    const created = await upsert(record('c1 +33612345678', 'ignored', { status: 'queued', attempts: 0, campaign: 'c1' }));
    expect(created.status).toBe(200);
    expect(created.body.custom_object_record.external_id).toBe('c1:+33612345678');
    zd.clock.advance(5000);
    const updated = await upsert({ custom_object_record: { custom_object_fields: { status: 'sent', attempts: 1 } } });
    expect(updated.body.custom_object_record.id).toBe(created.body.custom_object_record.id);
    expect(updated.body.custom_object_record.name).toBe('c1 +33612345678');
    expect(updated.body.custom_object_record.custom_object_fields).toMatchObject({ status: 'sent', attempts: 1, campaign: 'c1' });
    expect(Date.parse(updated.body.custom_object_record.updated_at) - Date.parse(created.body.custom_object_record.updated_at)).toBe(5000);
    expect(zd.emulator.zendesk.customObjects.records('herald_recipient')).toHaveLength(1);
    expect((await zd.request('PATCH', `${BASE}/herald_recipient/records`, { body: record('x', 'x') })).status).toBe(400);
    expect((await zd.request('PATCH', `${BASE}/herald_recipient/records?name=x`, { body: record('x', 'x') })).status).toBe(422);
    expect((await zd.request('PATCH', `${BASE}/herald_recipient/records?external_id=new`, { body: { custom_object_record: { custom_object_fields: { attempts: 1 } } } })).status).toBe(422);
  });

  it('deletes by external id and by id', async () => {
    const zd = zendeskTestClient({ endUsers: 10 });
    await createObject(zd);
    const a = await zd.request('POST', `${BASE}/herald_recipient/records`, { body: record('a', 'ext-a') });
    await zd.request('POST', `${BASE}/herald_recipient/records`, { body: record('b', 'ext-b') });
    expect((await zd.request('DELETE', `${BASE}/herald_recipient/records?external_id=ext-b`)).status).toBe(204);
    expect((await zd.request('DELETE', `${BASE}/herald_recipient/records?external_id=ext-b`)).status).toBe(404);
    expect((await zd.request('DELETE', `${BASE}/herald_recipient/records/${a.body.custom_object_record.id}`)).status).toBe(204);
    expect((await zd.get(`${BASE}/herald_recipient/records/${a.body.custom_object_record.id}`)).status).toBe(404);
    expect((await zd.get(`${BASE}/herald_recipient/records/count`)).body.count.value).toBe(0);
  });

  it('lists with cursor pagination (at most 100 a page), filters and sorts', async () => {
    const zd = zendeskTestClient({ endUsers: 10 });
    await createObject(zd);
    const store = zd.emulator.zendesk.customObjects;
    for (let index = 0; index < 45; index++) {
      store.createRecord('herald_recipient', { name: `r${index}`, externalId: `e${index}` }, ALEX, zd.clock.now());
      zd.clock.advance(1000);
    }
    expect((await zd.get(`${BASE}/herald_recipient/records?page[size]=101`)).status).toBe(400);
    const seen: string[] = [];
    let url: string | null = `${BASE}/herald_recipient/records?page[size]=10&sort=-id`;
    while (url) {
      const reply: ZendeskReply = await zd.get(url);
      seen.push(...reply.body.custom_object_records.map((item: { external_id: string }) => item.external_id));
      url = reply.body.links.next;
    }
    expect(seen).toEqual(store.records('herald_recipient').map((item) => item.externalId).reverse());
    const filtered = await zd.get(`${BASE}/herald_recipient/records?filter[external_ids]=e3,e7,nope`);
    expect(filtered.body.custom_object_records.map((item: { name: string }) => item.name)).toEqual(['r3', 'r7']);
    expect((await zd.get(`${BASE}/herald_recipient/records?sort=name`)).status).toBe(400);
  });
});

describe('custom objects: filtered search', () => {
  async function seeded(count: number): Promise<ZendeskTestClient> {
    const zd = zendeskTestClient({ endUsers: 10 });
    await createObject(zd);
    const statuses = ['queued', 'sent', 'failed'];
    for (let index = 0; index < count; index++) {
      zd.emulator.zendesk.customObjects.createRecord(
        'herald_recipient',
        { name: `recipient ${String(index).padStart(5, '0')}`, externalId: `c1:${index}`, fields: { status: statuses[index % 3], attempts: index % 5, campaign: index % 2 ? 'c1' : 'c2' } },
        ALEX,
        zd.clock.now() + index * 1000,
      );
    }
    return zd;
  }

  async function searchAll(zd: ZendeskTestClient, filter: unknown, params = ''): Promise<string[]> {
    const names: string[] = [];
    let url: string | null = `${BASE}/herald_recipient/records/search?page[size]=100${params}`;
    while (url) {
      const reply: ZendeskReply = await zd.request('POST', url, { body: { filter } });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      names.push(...reply.body.custom_object_records.map((item: { name: string }) => item.name));
      url = reply.body.links.next;
    }
    return names;
  }

  it('combines $and / $or with $eq $noteq $gt $gte $lt $lte $in on custom and standard fields', async () => {
    const zd = await seeded(60);
    const records = zd.emulator.zendesk.customObjects.records('herald_recipient');
    const names = (test: (fields: Record<string, unknown>, name: string) => boolean) =>
      records.filter((item) => test(item.fields, item.name)).map((item) => item.name);
    expect(await searchAll(zd, { 'custom_object_fields.status': { $eq: 'sent' } })).toEqual(names((fields) => fields.status === 'sent'));
    expect(await searchAll(zd, { $and: [{ 'custom_object_fields.status': { $noteq: 'sent' } }, { 'custom_object_fields.attempts': { $gte: 3 } }] })).toEqual(
      names((fields) => fields.status !== 'sent' && (fields.attempts as number) >= 3),
    );
    expect(await searchAll(zd, { $or: [{ 'custom_object_fields.attempts': { $lt: 1 } }, { 'custom_object_fields.attempts': { $gt: 3 } }] })).toEqual(
      names((fields) => (fields.attempts as number) < 1 || (fields.attempts as number) > 3),
    );
    expect(await searchAll(zd, { 'custom_object_fields.status': { $in: ['queued', 'failed'] }, 'custom_object_fields.campaign': { $eq: 'c1' } })).toEqual(
      names((fields) => ['queued', 'failed'].includes(fields.status as string) && fields.campaign === 'c1'),
    );
    const cutoff = new Date(records[20]?.createdAt as number).toISOString();
    expect(await searchAll(zd, { created_at: { $lte: cutoff }, external_id: { $noteq: 'c1:0' } })).toEqual(
      names((_fields, name) => name <= 'recipient 00020' && name !== 'recipient 00000'),
    );
  });

  it('rejects unknown attributes and operators with 400', async () => {
    const zd = await seeded(3);
    const search = (filter: unknown) => zd.request('POST', `${BASE}/herald_recipient/records/search`, { body: { filter } });
    expect((await search({ status: { $eq: 'sent' } })).status).toBe(400);
    expect((await search({ 'custom_object_fields.nope': { $eq: 'sent' } })).status).toBe(400);
    expect((await search({ 'custom_object_fields.status': { $like: 'se%' } })).status).toBe(400);
    expect((await search({ 'custom_object_fields.status': { $gt: 'a' } })).status).toBe(400);
    expect((await search({ $and: {} })).status).toBe(400);
  });

  it('sorts by name, created_at, updated_at', async () => {
    const zd = await seeded(30);
    const byName = await searchAll(zd, undefined, '&sort=-name');
    expect(byName).toEqual([...byName].sort().reverse());
    expect(byName).toHaveLength(30);
  });

  it('returns only the first 10,000 matches without sort, and all of them with sort', async () => {
    const zd = await seeded(10_050);
    const unsorted = await zd.request('POST', `${BASE}/herald_recipient/records/search?page[size]=100`, { body: {} });
    expect(unsorted.body.count).toBe(10_050);
    const withoutSort = await searchAll(zd, undefined);
    expect(withoutSort).toHaveLength(10_000);
    expect(new Set(withoutSort).size).toBe(10_000);
    const withSort = await searchAll(zd, undefined, '&sort=created_at');
    expect(withSort).toHaveLength(10_050);
    expect(new Set(withSort).size).toBe(10_050);
  });
});

describe('custom objects: bulk jobs', () => {
  const jobs = (zd: ZendeskTestClient, action: string, items: unknown[]) =>
    zd.request('POST', `${BASE}/herald_recipient/jobs`, { body: { job: { action, items } } });

  it('queues a job, writes nothing until the emulator clock moves, then completes with per-item results', async () => {
    const zd = zendeskTestClient({ endUsers: 10 });
    await createObject(zd);
    const items = Array.from({ length: 100 }, (_, index) => ({ external_id: `c1:${index}`, name: `r${index}`, custom_object_fields: { status: 'queued' } }));
    const queued = await jobs(zd, 'create_or_update_by_external_id', items);
    expect(queued.status).toBe(201);
    expect(queued.body.job_status).toMatchObject({ status: 'queued', total: 100, results: null });
    expect(zd.emulator.zendesk.customObjects.records('herald_recipient')).toHaveLength(0);
    expect((await zd.get(queued.body.job_status.url)).body.job_status.status).toBe('queued');

    zd.clock.advance(zd.emulator.zendesk.options.jobDelayMs);
    const done = await zd.get(queued.body.job_status.url);
    expect(done.body.job_status).toMatchObject({ status: 'completed', total: 100, progress: 100 });
    expect(done.body.job_status.results.every((result: { success: boolean; status: string }) => result.success && result.status === 'Created')).toBe(true);
    expect(zd.emulator.zendesk.customObjects.records('herald_recipient')).toHaveLength(100);

    const again = await jobs(zd, 'create_or_update_by_external_id', [
      { external_id: 'c1:1', name: 'r1', custom_object_fields: { status: 'sent' } },
      { external_id: 'c1:2', name: 'r2', custom_object_fields: { status: 'lost' } },
    ]);
    zd.clock.advance(zd.emulator.zendesk.options.jobDelayMs);
    const results = (await zd.get(again.body.job_status.url)).body.job_status.results;
    expect(results[0]).toMatchObject({ index: 0, success: true, status: 'Updated', external_id: 'c1:1' });
    expect(results[1]).toMatchObject({ index: 1, success: false, error: 'RecordInvalid', external_id: 'c1:2' });
    expect(zd.emulator.zendesk.customObjects.findByExternalId('herald_recipient', 'c1:1')?.fields.status).toBe('sent');
  });

  it('creates, updates, deletes by id and by external id', async () => {
    const zd = zendeskTestClient({ endUsers: 10, jobDelayMs: 0 });
    await createObject(zd);
    const created = await jobs(zd, 'create', [{ name: 'a', external_id: 'a' }, { name: 'b', external_id: 'b' }, { name: 'c', external_id: 'c' }]);
    expect(created.body.job_status.status).toBe('completed');
    const ids = created.body.job_status.results.map((result: { id: string }) => result.id);
    await jobs(zd, 'update', [{ id: ids[0], custom_object_fields: { attempts: 3 } }]);
    expect(zd.emulator.zendesk.customObjects.findRecord('herald_recipient', ids[0])?.fields.attempts).toBe(3);
    await jobs(zd, 'delete', [ids[1]]);
    const byExternal = await jobs(zd, 'delete_by_external_id', ['c', 'missing']);
    expect(byExternal.body.job_status.results.map((result: { success: boolean }) => result.success)).toEqual([true, false]);
    expect(zd.emulator.zendesk.customObjects.records('herald_recipient').map((item) => item.name)).toEqual(['a']);
  });

  it('refuses more than 100 items, an unknown action, and more than 30 waiting jobs', async () => {
    const zd = zendeskTestClient({ endUsers: 10 });
    await createObject(zd);
    expect((await jobs(zd, 'create', Array.from({ length: 101 }, (_, index) => ({ name: `r${index}` })))).status).toBe(400);
    expect((await jobs(zd, 'upsert', [{ name: 'x' }])).status).toBe(400);
    expect((await jobs(zd, 'create', [])).status).toBe(400);
    for (let index = 0; index < 30; index++) expect((await jobs(zd, 'create', [{ name: `r${index}` }])).status).toBe(201);
    const limited = await jobs(zd, 'create', [{ name: 'one too many' }]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    zd.clock.advance(zd.emulator.zendesk.options.jobDelayMs);
    expect((await jobs(zd, 'create', [{ name: 'now fine' }])).status).toBe(201);
  });

  it('reports record usage in record_limit', async () => {
    const zd = zendeskTestClient({ endUsers: 10, customObjectRecordLimit: 3 });
    await createObject(zd);
    for (const name of ['a', 'b', 'c']) expect((await zd.request('POST', `${BASE}/herald_recipient/records`, { body: record(name, name) })).status).toBe(201);
    expect((await zd.get(`${BASE}/limits/record_limit`)).body).toEqual({ count: 3, limit: 3 });
    expect((await zd.request('POST', `${BASE}/herald_recipient/records`, { body: record('d', 'd') })).status).toBe(422);
  });
});
