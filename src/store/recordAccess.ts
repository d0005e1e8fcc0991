import { z } from 'zod/mini';
import { parseResponse } from '../api/parse';
import type { Transport } from '../api/transport/types';
import { customObjectRecordSchema, type CustomObjectRecord, type RecordPage } from '../api/zendesk/customObjects';

/**
 * The record calls the shared client does not make: show and update one record by its id, and
 * list records by external ids or newest first. Updates by id, unlike upserts, never create a
 * record: a campaign deleted meanwhile answers 404 instead of coming back as an empty shell.
 */

const recordSchema = customObjectRecordSchema;

const oneSchema = z.looseObject({ custom_object_record: recordSchema });
const pageSchema = z.looseObject({
  custom_object_records: z.array(recordSchema),
  meta: z.nullish(z.looseObject({ has_more: z.boolean(), after_cursor: z.nullish(z.string()) })),
});

export type FieldValues = Record<string, string | number | boolean | null>;

/** At most this many external ids per list request: the ids travel in the URL. */
export const EXTERNAL_IDS_PER_REQUEST = 50;

export class RecordAccess {
  private readonly base: string;

  constructor(
    private readonly transport: Transport,
    objectKey: string,
  ) {
    this.base = `/api/v2/custom_objects/${objectKey}/records`;
  }

  async show(id: string): Promise<CustomObjectRecord> {
    const response = await this.transport.send({ method: 'GET', url: `${this.base}/${encodeURIComponent(id)}`, credentials: 'zendesk' });
    return parseResponse(oneSchema, response.body, 'GET /api/v2/custom_objects/{key}/records/{id}').custom_object_record;
  }

  /** Changes only the fields given (Zendesk merges custom fields on update), and the name when given. */
  async update(id: string, fields: FieldValues, name?: string): Promise<CustomObjectRecord> {
    const response = await this.transport.send({
      method: 'PATCH',
      url: `${this.base}/${encodeURIComponent(id)}`,
      credentials: 'zendesk',
      body: { custom_object_record: { ...(name === undefined ? {} : { name }), custom_object_fields: fields } },
    });
    return parseResponse(oneSchema, response.body, 'PATCH /api/v2/custom_objects/{key}/records/{id}').custom_object_record;
  }

  /** One page of the records, newest first (record ids grow with creation time). */
  async newestPage(pageSize: number, after?: string): Promise<RecordPage> {
    return this.page({ 'page[size]': pageSize, 'page[after]': after, sort: '-id' });
  }

  /** The records with these external ids (those that exist), read straight from the records, not the search index. */
  async byExternalIds(externalIds: readonly string[]): Promise<CustomObjectRecord[]> {
    const records: CustomObjectRecord[] = [];
    for (let start = 0; start < externalIds.length; start += EXTERNAL_IDS_PER_REQUEST) {
      const ids = externalIds.slice(start, start + EXTERNAL_IDS_PER_REQUEST).join(',');
      let after: string | undefined;
      do {
        const page = await this.page({ 'filter[external_ids]': ids, 'page[size]': 100, 'page[after]': after });
        records.push(...page.records);
        after = page.next;
      } while (after);
    }
    return records;
  }

  private async page(query: Record<string, string | number | undefined>): Promise<RecordPage> {
    const response = await this.transport.send({ method: 'GET', url: this.base, credentials: 'zendesk', query });
    const page = parseResponse(pageSchema, response.body, 'GET /api/v2/custom_objects/{key}/records');
    return { records: page.custom_object_records, next: page.meta?.has_more ? (page.meta.after_cursor ?? undefined) : undefined };
  }
}
