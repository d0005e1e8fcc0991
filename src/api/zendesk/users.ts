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

export class UsersClient {
  constructor(private readonly transport: Transport) {}

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
