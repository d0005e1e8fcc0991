import { z } from 'zod/mini';
import { parseResponse } from '../parse';
import type { Transport } from '../transport/types';

const groupsPageSchema = z.object({
  groups: z.array(z.looseObject({ id: z.number(), name: z.string(), deleted: z.nullish(z.boolean()) })),
  meta: z.nullish(z.looseObject({ has_more: z.boolean(), after_cursor: z.nullish(z.string()) })),
});

/** A page at most: an account with more groups than this is checked on its first ones only. */
const MAX_PAGES = 50;

export class GroupsClient {
  constructor(private readonly transport: Transport) {}

  /** Every group of the account that is not deleted (List Groups, cursor pagination, 100 a page). */
  async all(): Promise<Array<{ id: number; name: string }>> {
    const groups: Array<{ id: number; name: string }> = [];
    let after: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const response = await this.transport.send({
        method: 'GET',
        url: '/api/v2/groups',
        credentials: 'zendesk',
        query: { 'page[size]': 100, 'page[after]': after, exclude_deleted: 'true' },
      });
      const body = parseResponse(groupsPageSchema, response.body, 'GET /api/v2/groups');
      for (const group of body.groups) if (group.deleted !== true) groups.push({ id: group.id, name: group.name });
      after = body.meta?.has_more ? (body.meta.after_cursor ?? undefined) : undefined;
      if (!after) break;
    }
    return groups;
  }
}
