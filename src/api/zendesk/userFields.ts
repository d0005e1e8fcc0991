import { z } from 'zod/mini';
import { collectCursorPages } from '../pagination';
import { parseResponse } from '../parse';
import type { Transport } from '../transport/types';

const fieldSchema = z.looseObject({
  key: z.string(),
  title: z.nullish(z.string()),
  type: z.string(),
  active: z.nullish(z.boolean()),
});

const pageSchema = z.looseObject({
  user_fields: z.array(fieldSchema),
  meta: z.nullish(z.looseObject({ has_more: z.boolean(), after_cursor: z.nullish(z.string()) })),
  next_page: z.nullish(z.string()),
});

export interface UserField {
  key: string;
  title: string;
  type: string;
}

/** The account's custom user fields: what a placeholder, the phone field or the opt-in rule may read. */
export class UserFieldsClient {
  constructor(private readonly transport: Transport) {}

  async list(): Promise<UserField[]> {
    const fields = await collectCursorPages(async (after) => {
      const response = await this.transport.send({
        method: 'GET',
        url: '/api/v2/user_fields',
        credentials: 'zendesk',
        query: { 'page[size]': 100, 'page[after]': after },
      });
      const page = parseResponse(pageSchema, response.body, 'GET /api/v2/user_fields');
      return { items: page.user_fields, next: page.meta?.has_more ? (page.meta.after_cursor ?? undefined) : undefined };
    });
    return fields.filter((field) => field.active !== false).map((field) => ({ key: field.key, title: field.title ?? field.key, type: field.type }));
  }
}
