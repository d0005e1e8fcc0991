import { z } from 'zod/mini';
import { realClock, type ApiClock } from '../../core/time/clock';
import { collectCursorPages } from '../pagination';
import { parseResponse } from '../parse';
import type { Transport } from '../transport/types';
import { runBulkJob, type BulkJobAction, type BulkJobItemResult, type BulkJobRecord } from './customObjectJobs';

/** Custom object field types Herald uses (the API knows more). */
export type CustomFieldType = 'text' | 'textarea' | 'integer' | 'decimal' | 'checkbox' | 'date';

export interface CustomFieldDefinition {
  key: string;
  title: string;
  type: CustomFieldType;
  description?: string;
}

export interface CustomObjectDefinition {
  key: string;
  title: string;
  titlePluralized: string;
  description?: string;
  fields: CustomFieldDefinition[];
}

const objectSchema = z.looseObject({ key: z.string(), title: z.nullish(z.string()) });
const fieldSchema = z.looseObject({ key: z.string(), type: z.string() });

/** The account's custom objects and their fields: what Herald's setup reads and creates. */
export class CustomObjectsClient {
  constructor(private readonly transport: Transport) {}

  /** Keys of the account's custom objects; fails with 403 where the plan has none. */
  async listKeys(): Promise<string[]> {
    const response = await this.transport.send({ method: 'GET', url: '/api/v2/custom_objects', credentials: 'zendesk' });
    return parseResponse(z.looseObject({ custom_objects: z.array(objectSchema) }), response.body, 'GET /api/v2/custom_objects').custom_objects.map(
      (object) => object.key,
    );
  }

  async createObject(definition: CustomObjectDefinition): Promise<void> {
    await this.transport.send({
      method: 'POST',
      url: '/api/v2/custom_objects',
      credentials: 'zendesk',
      body: {
        custom_object: {
          key: definition.key,
          title: definition.title,
          title_pluralized: definition.titlePluralized,
          description: definition.description,
        },
      },
    });
  }

  async listFieldKeys(objectKey: string): Promise<string[]> {
    const response = await this.transport.send({ method: 'GET', url: `/api/v2/custom_objects/${objectKey}/fields`, credentials: 'zendesk' });
    return parseResponse(z.looseObject({ custom_object_fields: z.array(fieldSchema) }), response.body, 'GET /api/v2/custom_objects/{key}/fields').custom_object_fields.map(
      (field) => field.key,
    );
  }

  async createField(objectKey: string, field: CustomFieldDefinition): Promise<void> {
    await this.transport.send({
      method: 'POST',
      url: `/api/v2/custom_objects/${objectKey}/fields`,
      credentials: 'zendesk',
      body: { custom_object_field: { key: field.key, title: field.title, type: field.type, description: field.description } },
    });
  }
}

/** Zendesk gives user ids as strings here (the spec's CustomObjectRecord); a number is read too. */
const userIdSchema = z.nullish(z.union([z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number)), z.number().check(z.int())]));

export const customObjectRecordSchema = z.looseObject({
  id: z.string(),
  name: z.nullish(z.string()),
  external_id: z.nullish(z.string()),
  custom_object_fields: z.nullish(z.record(z.string(), z.unknown())),
  created_at: z.nullish(z.string()),
  updated_at: z.nullish(z.string()),
  /** Who created the record and who last updated it, as Zendesk itself records them: no client writes these. */
  created_by_user_id: userIdSchema,
  updated_by_user_id: userIdSchema,
});
const recordSchema = customObjectRecordSchema;

const recordPageSchema = z.looseObject({
  custom_object_records: z.array(recordSchema),
  meta: z.nullish(z.looseObject({ has_more: z.boolean(), after_cursor: z.nullish(z.string()) })),
});

export type CustomObjectRecord = z.infer<typeof recordSchema>;

/**
 * A filtered search: comparisons such as `{ "custom_object_fields.day": { "$eq": "2026-11-21" } }`
 * combined with `$and` / `$or` (custom fields prefixed `custom_object_fields.`).
 */
export type RecordFilter = Record<string, unknown>;

/** Search needs a sort to return more than the first 10,000 matches. */
export type RecordSearchSort = 'name' | '-name' | 'created_at' | '-created_at' | 'updated_at' | '-updated_at';

export interface RecordSearchOptions {
  sort: RecordSearchSort;
  /** 1 to 100 (default 100). */
  pageSize?: number;
}

export interface RecordPage {
  records: CustomObjectRecord[];
  /** The cursor of the next page, undefined on the last. */
  next: string | undefined;
}

export type { BulkJobAction, BulkJobItemResult, BulkJobRecord } from './customObjectJobs';

export interface RecordWrite {
  name: string;
  fields: Record<string, string | number | boolean | null>;
}

/** The records of one custom object. */
export class CustomObjectRecordsClient {
  private readonly base: string;
  private readonly clock: ApiClock;

  constructor(
    private readonly transport: Transport,
    private readonly objectKey: string,
    options: { clock?: ApiClock } = {},
  ) {
    this.base = `/api/v2/custom_objects/${objectKey}/records`;
    this.clock = options.clock ?? realClock;
  }

  /** Every record, following the cursor to the end. */
  async listAll(): Promise<CustomObjectRecord[]> {
    return collectCursorPages(async (after) => {
      const response = await this.transport.send({
        method: 'GET',
        url: this.base,
        credentials: 'zendesk',
        query: { 'page[size]': 100, 'page[after]': after, sort: 'id' },
      });
      const page = parseResponse(recordPageSchema, response.body, 'GET /api/v2/custom_objects/{key}/records');
      return { items: page.custom_object_records, next: page.meta?.has_more ? (page.meta.after_cursor ?? undefined) : undefined };
    });
  }

  /** Creates or updates the record with this external id: writing twice never makes two records. */
  async upsertByExternalId(externalId: string, write: RecordWrite): Promise<CustomObjectRecord> {
    const response = await this.transport.send({
      method: 'PATCH',
      url: this.base,
      credentials: 'zendesk',
      query: { external_id: externalId },
      body: { custom_object_record: { name: write.name, external_id: externalId, custom_object_fields: write.fields } },
    });
    return parseResponse(z.looseObject({ custom_object_record: recordSchema }), response.body, 'PATCH /api/v2/custom_objects/{key}/records').custom_object_record;
  }

  async deleteByExternalId(externalId: string): Promise<void> {
    await this.transport.send({ method: 'DELETE', url: this.base, credentials: 'zendesk', query: { external_id: externalId } });
  }

  /** One page of a filtered, sorted search (`POST …/records/search`). */
  async searchPage(filter: RecordFilter, options: RecordSearchOptions, after?: string): Promise<RecordPage> {
    const response = await this.transport.send({
      method: 'POST',
      url: `${this.base}/search`,
      credentials: 'zendesk',
      query: { 'page[size]': options.pageSize ?? 100, 'page[after]': after, sort: options.sort },
      body: { filter },
    });
    const page = parseResponse(recordPageSchema, response.body, 'POST /api/v2/custom_objects/{key}/records/search');
    return { records: page.custom_object_records, next: page.meta?.has_more ? (page.meta.after_cursor ?? undefined) : undefined };
  }

  /** Every record the filter matches, page by page, following the cursor to the end. */
  async *search(filter: RecordFilter, options: RecordSearchOptions): AsyncGenerator<CustomObjectRecord[]> {
    const seen = new Set<string>();
    let after: string | undefined;
    for (;;) {
      const page = await this.searchPage(filter, options, after);
      if (page.records.length > 0) yield page.records;
      // A cursor seen twice would loop forever: end the walk rather than hammer the API.
      if (!page.next || page.records.length === 0 || seen.has(page.next)) return;
      seen.add(page.next);
      after = page.next;
    }
  }

  /**
   * Runs one bulk job of at most 100 items and waits for it (polling the job status on the clock).
   * Resolves with one result per item; rejects when the job fails or cannot be queued.
   */
  async runJob(action: BulkJobAction, items: readonly (BulkJobRecord | string)[]): Promise<BulkJobItemResult[]> {
    return runBulkJob(this.transport, this.objectKey, action, items, { clock: this.clock });
  }
}
