import { z } from 'zod';
import { parseResponse } from '../parse';
import type { Transport } from '../transport/types';

const userSchema = z.looseObject({
  id: z.number(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  shared_phone_number: z.boolean().nullish(),
  locale: z.string().nullish(),
  time_zone: z.string().nullish(),
  iana_time_zone: z.string().nullish(),
  role: z.string().nullish(),
  suspended: z.boolean().nullish(),
  tags: z.array(z.string()).nullish(),
  user_fields: z.record(z.string(), z.unknown()).nullish(),
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
