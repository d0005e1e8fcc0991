import { isPlainObject } from '../json';
import { ApiError, badRequest, invalidCursor } from './apiErrors';
import { customObjectFieldJson, customObjectJson, customObjectRecordJson } from './customObjectJson';
import { customFields } from './customObjects';
import type { CustomObject, CustomObjectRecord, RecordInput } from './customObjectTypes';
import { jobStatusJson } from './jobs';
import { compareKeys, cursorEnvelope, cursorPage, parseCursorParams, type Direction, type SortValue } from './pagination';
import { compileRecordFilter, compileRecordQuery } from './recordFilter';
import { json, noContent, readJsonBody, route, type Call, type Route } from './route';
import { isoSeconds } from './time';

/**
 * The custom objects API (objects, fields, records, filtered search, bulk jobs, limits). Errors use
 * the `{"errors":[{code,title}]}` body. A plan without custom objects answers 403 everywhere; only
 * admins create objects and fields.
 */
export function customObjectRoutes(): Route[] {
  const base = '/api/v2/custom_objects';
  const routes: Array<[string, string, Route['handle']]> = [
    ['GET', `${base}/limits/object_limit`, objectLimit],
    ['GET', `${base}/limits/record_limit`, recordLimit],
    ['GET', base, (call) => json({ custom_objects: call.state.customObjects.list().map((object) => customObjectJson(object, call.origin)) })],
    ['POST', base, createObject],
    ['GET', `${base}/{key}`, (call) => json({ custom_object: customObjectJson(objectOf(call), call.origin) })],
    ['DELETE', `${base}/{key}`, deleteObject],
    ['GET', `${base}/{key}/fields`, listFields],
    ['POST', `${base}/{key}/fields`, createField],
    ['GET', `${base}/{key}/records/count`, countRecords],
    ['GET', `${base}/{key}/records/search`, searchRecords],
    ['POST', `${base}/{key}/records/search`, searchRecords],
    ['GET', `${base}/{key}/records`, listRecords],
    ['POST', `${base}/{key}/records`, createRecord],
    ['PATCH', `${base}/{key}/records`, upsertRecord],
    ['DELETE', `${base}/{key}/records`, deleteByExternalId],
    ['GET', `${base}/{key}/records/{id}`, (call) => json({ custom_object_record: recordJson(call, objectOf(call), recordOf(call)) })],
    ['PATCH', `${base}/{key}/records/{id}`, updateRecord],
    ['DELETE', `${base}/{key}/records/{id}`, deleteRecord],
    ['POST', `${base}/{key}/jobs`, queueJob],
  ];
  return routes.map(([method, path, handle]) =>
    route(
      method,
      path,
      (call) => {
        if (!call.state.options.customObjectsAvailable) {
          throw new ApiError(403, 'CustomObjectsNotEnabled', 'Custom objects are not available on this account plan');
        }
        return handle(call);
      },
      'errors',
    ),
  );
}

function requireAdmin(call: Call): void {
  if (call.actor.role !== 'admin') throw new ApiError(403, 'Forbidden', 'Only admins can change custom object definitions');
}

function objectOf(call: Call): CustomObject {
  return call.state.customObjects.require(call.params.key as string);
}

function recordOf(call: Call): CustomObjectRecord {
  const record = call.state.customObjects.findRecord(call.params.key as string, call.params.id as string);
  if (!record) throw new ApiError(404, 'RecordNotFound', `Record ${call.params.id} not found`);
  return record;
}

function recordJson(call: Call, object: CustomObject, record: CustomObjectRecord): Record<string, unknown> {
  return customObjectRecordJson(object, record, call.origin);
}

function objectLimit(call: Call): Response {
  requireAdmin(call);
  const store = call.state.customObjects;
  return json({ count: store.objectCount, limit: store.limits.objects });
}

function recordLimit(call: Call): Response {
  const store = call.state.customObjects;
  return json({ count: store.recordCount, limit: store.limits.records });
}

async function createObject(call: Call): Promise<Response> {
  requireAdmin(call);
  const body = await readJsonBody(call.request);
  if (!isPlainObject(body.custom_object)) throw badRequest('The body needs a custom_object object');
  const object = call.state.customObjects.createObject(body.custom_object, call.actor.id, call.now);
  return json({ custom_object: customObjectJson(object, call.origin) }, 201);
}

function deleteObject(call: Call): Response {
  requireAdmin(call);
  call.state.customObjects.deleteObject(call.params.key as string);
  return noContent();
}

function listFields(call: Call): Response {
  const object = objectOf(call);
  const withStandard = call.url.searchParams.get('include_standard_fields') === 'true';
  const fields = withStandard ? object.fields : customFields(object);
  return json({ custom_object_fields: fields.map((field) => customObjectFieldJson(object, field, call.origin)) });
}

async function createField(call: Call): Promise<Response> {
  requireAdmin(call);
  const body = await readJsonBody(call.request);
  if (!isPlainObject(body.custom_object_field)) throw badRequest('The body needs a custom_object_field object');
  const field = call.state.customObjects.createField(call.params.key as string, body.custom_object_field, call.now);
  return json({ custom_object_field: customObjectFieldJson(objectOf(call), field, call.origin) }, 201);
}

function countRecords(call: Call): Response {
  const object = objectOf(call);
  return json({ count: { refreshed_at: isoSeconds(call.now), value: object.records.size } });
}

/** The `custom_object_record` member of a write, in the store's terms. */
function recordInput(body: Record<string, unknown>): RecordInput {
  const record = body.custom_object_record;
  if (!isPlainObject(record)) throw badRequest('The body needs a custom_object_record object');
  return {
    ...(record.name !== undefined ? { name: record.name } : {}),
    ...(record.external_id !== undefined ? { externalId: record.external_id } : {}),
    ...(record.custom_object_fields !== undefined ? { fields: record.custom_object_fields } : {}),
  };
}

async function createRecord(call: Call): Promise<Response> {
  const object = objectOf(call);
  const input = recordInput(await readJsonBody(call.request));
  const record = call.state.customObjects.createRecord(object.key, input, call.actor.id, call.now);
  return json({ custom_object_record: recordJson(call, object, record) }, 201);
}

async function updateRecord(call: Call): Promise<Response> {
  const object = objectOf(call);
  recordOf(call);
  const input = recordInput(await readJsonBody(call.request));
  const record = call.state.customObjects.updateRecord(object.key, call.params.id as string, input, call.actor.id, call.now);
  return json({ custom_object_record: recordJson(call, object, record) });
}

function deleteRecord(call: Call): Response {
  const object = objectOf(call);
  call.state.customObjects.deleteRecord(object.key, call.params.id as string);
  return noContent();
}

/** `?external_id=` or `?name=`, never both; by name needs a unique name field, which we never have. */
function identifierOf(call: Call): string {
  const externalId = call.url.searchParams.get('external_id');
  const name = call.url.searchParams.get('name');
  if (externalId !== null && name !== null) throw badRequest('External id and name cannot be used together');
  if (name !== null) throw new ApiError(422, 'RecordInvalid', 'Setting a record by name needs the is_unique property on the name field');
  if (externalId === null || externalId === '') throw badRequest('external_id is required');
  return externalId;
}

async function upsertRecord(call: Call): Promise<Response> {
  const object = objectOf(call);
  const externalId = identifierOf(call);
  const input = recordInput(await readJsonBody(call.request));
  const { record } = call.state.customObjects.upsertByExternalId(object.key, externalId, input, call.actor.id, call.now);
  return json({ custom_object_record: recordJson(call, object, record) });
}

function deleteByExternalId(call: Call): Response {
  const object = objectOf(call);
  call.state.customObjects.deleteByExternalId(object.key, identifierOf(call));
  return noContent();
}

function cursorExpired(call: Call): boolean {
  const hasCursor = call.url.searchParams.has('page[after]') || call.url.searchParams.has('page[before]');
  return hasCursor && call.context.faults.takeCursorExpiry({ service: 'zendesk', method: call.request.method, pathname: call.url.pathname });
}

interface Ordering {
  keyOf: (record: CustomObjectRecord) => SortValue[];
  directions: Direction[];
}

function ordering(sort: string | null, allowed: readonly string[]): Ordering {
  if (sort === null) return { keyOf: (record) => [record.sequence], directions: ['asc'] };
  if (!allowed.includes(sort)) throw badRequest(`sort must be one of ${allowed.join(', ')}`);
  const descending = sort.startsWith('-');
  const direction: Direction = descending ? 'desc' : 'asc';
  const field = descending ? sort.slice(1) : sort;
  if (field === 'id') return { keyOf: (record) => [record.sequence], directions: [direction] };
  const value = (record: CustomObjectRecord): SortValue =>
    field === 'name' ? record.name : field === 'created_at' ? record.createdAt : record.updatedAt;
  return { keyOf: (record) => [value(record), record.sequence], directions: [direction, 'asc'] };
}

function sortRecords(records: CustomObjectRecord[], order: Ordering): CustomObjectRecord[] {
  return records
    .map((record) => ({ record, key: order.keyOf(record) }))
    .sort((a, b) => compareKeys(a.key, b.key, order.directions))
    .map((entry) => entry.record);
}

/** List records: cursor only, at most 100 a page, `filter[ids]` / `filter[external_ids]`, `sort` by id or updated_at. */
function listRecords(call: Call): Response {
  const object = objectOf(call);
  const request = parseCursorParams(call.url, { defaultSize: 100, maxSize: 100 });
  if (cursorExpired(call)) throw invalidCursor('the cursor has expired');
  const order = ordering(call.url.searchParams.get('sort'), ['id', '-id', 'updated_at', '-updated_at']);
  let records = call.state.customObjects.records(object.key);
  const ids = listParam(call.url, 'filter[ids]');
  const externalIds = listParam(call.url, 'filter[external_ids]');
  if (ids) records = records.filter((record) => ids.has(record.id));
  if (externalIds) records = records.filter((record) => record.externalId !== null && externalIds.has(record.externalId));
  const page = cursorPage(sortRecords(records, order), order.keyOf, order.directions, request);
  return json({
    custom_object_records: page.items.map((record) => recordJson(call, object, record)),
    ...cursorEnvelope(call.url, page),
  });
}

function listParam(url: URL, name: string): Set<string> | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  return new Set(raw.split(',').map((part) => part.trim()).filter(Boolean));
}

/**
 * Search records: `GET` with `query` only, `POST` with a `filter` too. Without `sort`, search stops
 * at the first 10,000 matches (by "relevance", which is creation order here); `count` is the number
 * of matches before that cap.
 */
export const UNSORTED_SEARCH_CAP = 10_000;

async function searchRecords(call: Call): Promise<Response> {
  const object = objectOf(call);
  const request = parseCursorParams(call.url, { defaultSize: 100, maxSize: 100 });
  if (cursorExpired(call)) throw invalidCursor('the cursor has expired');
  const body = await readJsonBody(call.request, { allowEmpty: true });
  const filter = compileRecordFilter(body.filter, object);
  const query = compileRecordQuery(call.url.searchParams.get('query'), object);
  const sort = call.url.searchParams.get('sort');
  const order = ordering(sort, ['name', '-name', 'created_at', '-created_at', 'updated_at', '-updated_at']);
  const matches = call.state.customObjects.records(object.key).filter((record) => filter(record) && query(record));
  const reachable = sort === null ? matches.slice(0, UNSORTED_SEARCH_CAP) : sortRecords(matches, order);
  const page = cursorPage(reachable, order.keyOf, order.directions, request);
  return json({
    custom_object_records: page.items.map((record) => recordJson(call, object, record)),
    ...cursorEnvelope(call.url, page),
    count: matches.length,
  });
}

async function queueJob(call: Call): Promise<Response> {
  const object = objectOf(call);
  const body = await readJsonBody(call.request);
  const job = call.state.jobs.queue(object.key, body, call.actor.id, call.now);
  if (job.runAt <= call.now) call.state.settleJobs(call.now);
  return json({ job_status: jobStatusJson(job, call.origin) }, 201);
}
