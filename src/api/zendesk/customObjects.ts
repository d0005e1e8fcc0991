import { z } from 'zod';
import { collectCursorPages } from '../pagination';
import { parseResponse } from '../parse';
import type { Transport } from '../transport/types';

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

const objectSchema = z.looseObject({ key: z.string(), title: z.string().nullish() });
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

const recordSchema = z.looseObject({
  id: z.string(),
  name: z.string().nullish(),
  external_id: z.string().nullish(),
  custom_object_fields: z.record(z.string(), z.unknown()).nullish(),
  updated_at: z.string().nullish(),
});

const recordPageSchema = z.looseObject({
  custom_object_records: z.array(recordSchema),
  meta: z.looseObject({ has_more: z.boolean(), after_cursor: z.string().nullish() }).nullish(),
});

export type CustomObjectRecord = z.infer<typeof recordSchema>;

export interface RecordWrite {
  name: string;
  fields: Record<string, string | number | boolean | null>;
}

/** The records of one custom object. */
export class CustomObjectRecordsClient {
  private readonly base: string;

  constructor(
    private readonly transport: Transport,
    objectKey: string,
  ) {
    this.base = `/api/v2/custom_objects/${objectKey}/records`;
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
}
