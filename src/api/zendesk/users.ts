import { z } from 'zod/mini';
import { parseResponse } from '../parse';
import type { Transport } from '../transport/types';

// Both sidebars read a user before they show anything: `zod/mini`, the same checks in a small download.
/** The attributes Herald reads of any Zendesk user, shown alone or found by a search or an export. */
export const userAttributes = {
  id: z.number(),
  name: z.nullish(z.string()),
  email: z.nullish(z.string()),
  phone: z.nullish(z.string()),
  locale: z.nullish(z.string()),
  time_zone: z.nullish(z.string()),
  iana_time_zone: z.nullish(z.string()),
  suspended: z.nullish(z.boolean()),
  // Only present when user tagging is on.
  tags: z.nullish(z.array(z.string())),
};

const userSchema = z.looseObject({
  ...userAttributes,
  shared_phone_number: z.nullish(z.boolean()),
  role: z.nullish(z.string()),
  user_fields: z.nullish(z.record(z.string(), z.unknown())),
});

export type ZendeskUser = z.infer<typeof userSchema>;

/** Show Many Users takes at most 100 ids a call. */
const SHOW_MANY_LIMIT = 100;

export class UsersClient {
  constructor(private readonly transport: Transport) {}

  /** The names of the users that exist and have one; ids Zendesk does not return (deleted) are left out. */
  async names(ids: readonly number[]): Promise<Map<number, string>> {
    const wanted = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
    const result = new Map<number, string>();
    for (let start = 0; start < wanted.length; start += SHOW_MANY_LIMIT) {
      const batch = wanted.slice(start, start + SHOW_MANY_LIMIT);
      const response = await this.transport.send({ method: 'GET', url: '/api/v2/users/show_many', credentials: 'zendesk', query: { ids: batch.join(',') } });
      const schema = z.object({ users: z.array(z.looseObject({ id: z.number(), name: z.nullish(z.string()) })) });
      for (const user of parseResponse(schema, response.body, 'GET /api/v2/users/show_many').users) if (user.name) result.set(user.id, user.name);
    }
    return result;
  }

  async show(id: number): Promise<ZendeskUser> {
    const response = await this.transport.send({ method: 'GET', url: `/api/v2/users/${id}`, credentials: 'zendesk' });
    return parseResponse(z.object({ user: userSchema }), response.body, 'GET /api/v2/users/{id}').user;
  }

  /** The groups an agent belongs to (List Groups for one user: `user_id`, at most 100 a page, which covers anyone's groups). */
  async groups(id: number): Promise<Array<{ id: number; name: string }>> {
    const response = await this.transport.send({ method: 'GET', url: `/api/v2/users/${id}/groups`, credentials: 'zendesk', query: { per_page: 100 } });
    const schema = z.object({ groups: z.array(z.looseObject({ id: z.number(), name: z.string() })) });
    return parseResponse(schema, response.body, 'GET /api/v2/users/{id}/groups').groups.map(({ id: groupId, name }) => ({ id: groupId, name }));
  }

  async me(): Promise<ZendeskUser> {
    const response = await this.transport.send({ method: 'GET', url: '/api/v2/users/me', credentials: 'zendesk' });
    return parseResponse(z.object({ user: userSchema }), response.body, 'GET /api/v2/users/me').user;
  }
}
